import {
  computeRestOrderTotals,
  parseMoney,
  parsePrecise,
  toMoney,
  type OrderTotals,
  type RestOrderInput,
  type TaxLocation,
  type TaxRate,
  type TotalsSettings,
} from "@pos/core";
import type { WcOrderCreate } from "@pos/woo";
import type { StoredOrder, StoreRecordedOrder } from "../db/stored-order.js";
import { rejectedCouponsMetaKey } from "./resend-without-coupons.js";

/**
 * Reads how the store recorded a sale from the request it accepted, when that request was the
 * sale resent without its rejected coupons (it carries `_pos_rejected_coupons`). Returns null for
 * any other request. The store stores the lines' subtotals and totals as sent, so the request is
 * the exact record, where the response rounds them to the store's decimals.
 */
export function storeRecordedOf(
  request: WcOrderCreate,
  order: StoredOrder,
): StoreRecordedOrder | null {
  const rejected = request.meta_data?.find((entry) => entry.key === rejectedCouponsMetaKey);
  if (rejected === undefined) return null;
  if (request.line_items.length !== order.lines.length) {
    throw new Error(
      `sale ${order.clientUuid} was sent with ${request.line_items.length} lines but has ` +
        `${order.lines.length} on this till, so its lines cannot be matched`,
    );
  }

  const codes = typeof rejected.value === "string" ? rejected.value.split(", ") : [];
  return {
    rejectedCoupons: codes.filter((code) => code !== ""),
    lines: request.line_items.map((item, index) => ({
      lineId: order.lines[index]!.lineId,
      subtotal: requiredAmount(item.subtotal, order, index),
      total: requiredAmount(item.total, order, index),
    })),
    fees: (request.fee_lines ?? []).map((fee) => ({
      name: fee.name,
      total: fee.total,
      taxable: fee.tax_status === "taxable",
      taxClass: fee.tax_class ?? "",
    })),
  };
}

function requiredAmount(amount: string | undefined, order: StoredOrder, index: number): string {
  if (amount !== undefined) return amount;
  throw new Error(`line ${index + 1} of sale ${order.clientUuid} was sent without its amounts`);
}

/**
 * Totals an order as the store recorded it: core's REST order totals, the function the store
 * runs, over the recorded line amounts and fees with no coupons. Lines are keyed by `lineId`.
 * The caller passes the store's settings and base address, as `totalOrder` works them out.
 */
export function totalStoreRecordedOrder(
  order: StoredOrder,
  recorded: StoreRecordedOrder,
  tax: { settings: TotalsSettings; taxRates: readonly TaxRate[]; location: TaxLocation },
): OrderTotals {
  const settings = tax.settings;
  const amounts = new Map(recorded.lines.map((line) => [line.lineId, line]));
  const input: RestOrderInput = {
    lines: order.lines.map((line) => {
      const amount = amounts.get(line.lineId);
      return {
        key: line.lineId,
        productId: line.productId,
        variationId: line.variationId ?? 0,
        quantity: line.quantity,
        ...(amount
          ? { subtotal: parsePrecise(amount.subtotal), total: parsePrecise(amount.total) }
          : {}),
        price: toMoney(line.priceOverrideMinor ?? line.catalogPriceMinor),
        taxStatus: line.taxStatus,
        taxClass: line.taxClass,
        categoryIds: line.categoryIds,
        onSale: line.onSale,
      };
    }),
    fees: recorded.fees.map((fee, index) => ({
      key: index === 0 ? "fee" : `fee-${index}`,
      name: fee.name,
      amount: parseMoney(fee.total, settings.decimals),
      taxable: fee.taxable,
      taxClass: fee.taxClass,
    })),
    shipping: [],
    coupons: [],
  };
  return computeRestOrderTotals(input, settings, tax.taxRates, tax.location);
}
