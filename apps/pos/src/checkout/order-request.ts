import {
  cartToRestLines,
  formatMoney,
  formatPosTenders,
  formatPrecise,
  posTendersMetaKey,
  toMoney,
  type CartInput,
  type OrderTotals,
} from "@pos/core";
import type { WcOrderCreate } from "@pos/woo";
import type { OrderTender, StoredOrder } from "../db/stored-order.js";
import { primaryTender, tenderMethods } from "./tenders.js";

/** The meta key that carries the till's order UUID; the server keeps one order per UUID. */
export const clientUuidMetaKey = "_pos_client_uuid";

/** The meta key that carries the till's own receipt number. */
export const receiptNumberMetaKey = "_pos_receipt_number";

/** The meta keys that name the register and the cashier who took the sale, for reports. */
export const registerMetaKey = "_pos_register";
export const cashierIdMetaKey = "_pos_cashier_id";

export interface SaleDetails {
  tenders: readonly OrderTender[];
  /** The till's receipt number, or null when the store's number is the only one. */
  receiptNumber: string | null;
  registerId?: string | null;
  cashierId?: number | null;
}

/**
 * Builds the body of `POST wc/v3/orders`. Lines carry explicit ex-tax subtotals and totals with
 * 6 decimals, so the server records the prices the cashier saw even if the catalogue changed
 * since the last sync. The tenders go in `_pos_tenders`, each card slip number in its own
 * `reference` field, and the largest tender names the method.
 */
export function buildOrderRequest(
  order: StoredOrder,
  input: CartInput,
  totals: OrderTotals,
  decimals: number,
  sale: SaleDetails = { tenders: [], receiptNumber: null },
): WcOrderCreate {
  const restLines = cartToRestLines(input, totals);
  const primary = primaryTender(sale.tenders) ?? tenderMethods.cash;
  return {
    status: "completed",
    payment_method: primary.method,
    payment_method_title: primary.title,
    set_paid: true,
    ...(order.customer ? { customer_id: order.customer.id } : {}),
    meta_data: saleMeta(order, sale, decimals),
    line_items: restLines.map((line) => ({
      product_id: line.productId,
      ...(line.variationId ? { variation_id: line.variationId } : {}),
      quantity: line.quantity,
      subtotal: formatPrecise(line.subtotal),
      total: formatPrecise(line.total),
    })),
    fee_lines: input.fees.map((fee) => {
      const feeTotals = totals.fees.find((candidate) => candidate.key === fee.key);
      return {
        name: fee.name,
        total: formatMoney(feeTotals?.total ?? fee.amount, decimals),
        tax_status: fee.taxable ? ("taxable" as const) : ("none" as const),
        tax_class: fee.taxClass,
      };
    }),
    ...(order.coupons.length > 0
      ? { coupon_lines: order.coupons.map((coupon) => ({ code: coupon.code })) }
      : {}),
  };
}

function saleMeta(order: StoredOrder, sale: SaleDetails, decimals: number) {
  const meta: { key: string; value: string }[] = [
    { key: clientUuidMetaKey, value: order.clientUuid },
  ];
  if (sale.tenders.length > 0) {
    const tenders = sale.tenders.map((tender) => ({
      methodId: tender.method,
      methodTitle: tender.title,
      ...(tender.reference ? { reference: tender.reference } : {}),
      amount: toMoney(tender.amountMinor),
      change: toMoney(tender.changeMinor),
    }));
    meta.push({ key: posTendersMetaKey, value: formatPosTenders(tenders, decimals) });
  }
  if (sale.receiptNumber) meta.push({ key: receiptNumberMetaKey, value: sale.receiptNumber });
  if (sale.registerId) meta.push({ key: registerMetaKey, value: sale.registerId });
  if (sale.cashierId != null) meta.push({ key: cashierIdMetaKey, value: String(sale.cashierId) });
  return meta;
}
