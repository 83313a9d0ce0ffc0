import { toMoney, type Coupon, type Money, type ReportOrder, type TaxRate } from "@pos/core";
import type { PosStore } from "@pos/woo";
import { lineUnitPrice, totalOrder } from "../cart/cart-totals.js";
import type { StoredOrder } from "../db/stored-order.js";
import { reportRefundOf, type LocalRefund } from "./local-refund.js";

export interface DeviceReportContext {
  store: PosStore;
  taxRates: readonly TaxRate[];
  /** The synced coupons, so a coupon sale is totalled with its discount as at checkout. */
  coupons?: readonly Coupon[];
  /** This device's register: every order stored here was sold on it. */
  registerId: string;
  refunds: readonly LocalRefund[];
}

/**
 * Maps a completed order stored on the device to the report's shape, totalled again with core's
 * rules and the local tax rates, as at checkout. Returns null for an order not completed or
 * discarded.
 */
// NOTE: the tax rates and coupons are today's local copies, so an order sold before a rate or a
// coupon changed is totalled with the new one, and without the discount of a deleted coupon. The till records no cashier on its orders yet, so `cashierId` stays unset.
export function reportOrderFromStored(
  order: StoredOrder,
  context: DeviceReportContext,
): ReportOrder | null {
  const receipt = order.receipt;
  if (order.status !== "completed" || !receipt || receipt.syncState === "discarded") return null;

  const { totals } = totalOrder(order, context);
  const decimals = context.store.decimals;
  const lineTotals = new Map(totals.lines.map((line) => [line.key, line]));
  const fee = totals.fees[0];
  const refunds = context.refunds.filter(
    (refund) =>
      refund.orderClientUuid === order.clientUuid ||
      (receipt.serverId !== null && refund.serverOrderId === receipt.serverId),
  );
  return {
    ...(receipt.serverId !== null ? { id: receipt.serverId } : {}),
    clientUuid: order.clientUuid,
    number: receipt.number ?? receipt.localNumber,
    status: "completed",
    dateCreatedGmt: new Date(receipt.completedAtMs).toISOString(),
    currency: receipt.currency,
    decimals,
    total: totals.total,
    totalTax: totals.totalTax,
    discountTotal: totals.discountTotal,
    discountTax: totals.discountTax,
    shippingTotal: totals.shippingTotal,
    lineItems: order.lines.map((line) => {
      const lineTotal = lineTotals.get(line.lineId);
      const total = lineTotal?.total ?? toMoney(0);
      const totalTax = lineTotal?.totalTax ?? toMoney(0);
      const discount = lineDiscountOf(
        (line.catalogPriceMinor - lineUnitPrice(line, decimals)) * line.quantity,
        total,
        totalTax,
        context.store.prices_include_tax,
      );
      return {
        productId: line.productId,
        variationId: line.variationId ?? 0,
        name: line.name,
        quantity: line.quantity,
        total,
        totalTax,
        ...discount,
      };
    }),
    feeLines: fee ? [{ name: fee.name, total: fee.total, totalTax: fee.totalTax }] : [],
    taxLines: totals.taxLines.map((line) => ({
      rateId: line.rateId,
      label: line.label,
      ratePercent: String(line.ratePercent),
      taxTotal: line.taxTotal,
      shippingTaxTotal: line.shippingTaxTotal,
    })),
    tenders: order.tenders.map((tender) => ({
      methodId: tender.method,
      methodTitle: tender.title,
      ...(tender.reference ? { reference: tender.reference } : {}),
      amount: toMoney(tender.amountMinor),
      change: toMoney(tender.changeMinor),
    })),
    refunds: refunds.map(reportRefundOf),
    registerId: context.registerId,
  };
}

/**
 * Splits a line discount, taken off prices as the store enters them, into its ex-tax part and
 * its tax in the proportion of the line's own total and tax, rounded half up.
 */
function lineDiscountOf(
  enteredDiscount: number,
  total: Money,
  totalTax: Money,
  pricesIncludeTax: boolean,
): { lineDiscount: Money; lineDiscountTax: Money } {
  if (enteredDiscount <= 0) return { lineDiscount: toMoney(0), lineDiscountTax: toMoney(0) };
  if (pricesIncludeTax) {
    const gross = total + totalTax;
    const tax = gross === 0 ? 0 : Math.round((enteredDiscount * totalTax) / gross);
    return { lineDiscount: toMoney(enteredDiscount - tax), lineDiscountTax: toMoney(tax) };
  }
  const tax = total === 0 ? 0 : Math.round((enteredDiscount * totalTax) / total);
  return { lineDiscount: toMoney(enteredDiscount), lineDiscountTax: toMoney(tax) };
}
