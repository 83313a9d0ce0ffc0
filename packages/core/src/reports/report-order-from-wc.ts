import { parseMoney, toMoney } from "../money.js";
import type { Money } from "../money.js";
import { parsePosTenders, posTendersMetaKey } from "./pos-tenders-meta.js";
import type { ReportFeeLine, ReportLineItem, ReportOrder, ReportRefund } from "./report-order.js";

/** The wc/v3 order fields a report reads, with WooCommerce's names and decimal strings. */
export interface WcReportOrderJson {
  id?: number;
  number: string;
  status: string;
  currency: string;
  date_created_gmt: string;
  total: string;
  total_tax: string;
  discount_total: string;
  discount_tax: string;
  shipping_total: string;
  payment_method?: string;
  payment_method_title?: string;
  /** Null until WooCommerce records the order as paid. */
  date_paid_gmt?: string | null;
  meta_data: readonly { key: string; value: unknown }[];
  line_items: readonly {
    product_id: number;
    variation_id: number;
    name: string;
    quantity: number;
    total: string;
    total_tax: string;
  }[];
  fee_lines: readonly { name: string; total: string; total_tax: string }[];
  tax_lines: readonly {
    rate_id: number;
    label: string;
    rate_percent: number | string;
    tax_total: string;
    shipping_tax_total: string;
  }[];
}

/** The fields a report reads from `GET /wp-json/wc/v3/orders/<id>/refunds`. */
export interface WcReportRefundJson {
  id?: number;
  amount: string;
  date_created_gmt: string;
  meta_data: readonly { key: string; value: unknown }[];
  line_items: readonly { product_id: number; quantity: number }[];
  tax_lines: readonly { tax_total: string; shipping_tax_total: string }[];
}

/**
 * Maps a wc/v3 order and its refunds to the report's shape, in the order's own currency with
 * `decimals`. An order without `_pos_tenders` (a web order, say) gets one tender of its total in
 * its `payment_method` once `date_paid_gmt` is set, and none before.
 */
// TODO: line discounts read as 0 until the till records them in line item meta.
export function reportOrderFromWc(
  order: WcReportOrderJson,
  refunds: readonly WcReportRefundJson[],
  decimals: number,
): ReportOrder {
  const money = (text: string, field: string): Money => parseField(text, decimals, order, field);
  const total = money(order.total, "total");

  return {
    id: order.id,
    clientUuid: metaText(order.meta_data, "_pos_client_uuid"),
    number: order.number,
    status: order.status,
    dateCreatedGmt: order.date_created_gmt,
    currency: order.currency,
    decimals,
    total,
    totalTax: money(order.total_tax, "total_tax"),
    discountTotal: money(order.discount_total, "discount_total"),
    discountTax: money(order.discount_tax, "discount_tax"),
    shippingTotal: money(order.shipping_total, "shipping_total"),
    ...linesFromWc(order, money),
    tenders: tendersOf(order, total, decimals),
    refunds: refunds.map((refund) => refundFromWc(refund, order, decimals)),
    cashierId: metaNumber(order.meta_data, "_pos_cashier_id"),
    registerId: metaText(order.meta_data, "_pos_register"),
  };
}

function linesFromWc(
  order: WcReportOrderJson,
  money: (text: string, field: string) => Money,
): Pick<ReportOrder, "lineItems" | "feeLines" | "taxLines"> {
  return {
    lineItems: order.line_items.map((line): ReportLineItem => ({
      productId: line.product_id,
      variationId: line.variation_id,
      name: line.name,
      quantity: line.quantity,
      total: money(line.total, "line_items total"),
      totalTax: money(line.total_tax, "line_items total_tax"),
      lineDiscount: toMoney(0),
      lineDiscountTax: toMoney(0),
    })),
    feeLines: order.fee_lines.map((fee): ReportFeeLine => ({
      name: fee.name,
      total: money(fee.total, "fee_lines total"),
      totalTax: money(fee.total_tax, "fee_lines total_tax"),
    })),
    taxLines: order.tax_lines.map((line) => ({
      rateId: line.rate_id,
      label: line.label,
      ratePercent: String(line.rate_percent),
      taxTotal: money(line.tax_total, "tax_lines tax_total"),
      shippingTaxTotal: money(line.shipping_tax_total, "tax_lines shipping_tax_total"),
    })),
  };
}

function tendersOf(order: WcReportOrderJson, total: Money, decimals: number) {
  const meta = order.meta_data.find((entry) => entry.key === posTendersMetaKey);
  if (meta !== undefined) return parsePosTenders(meta.value, decimals, order.number);
  if (!order.payment_method || !order.date_paid_gmt) return [];
  const methodTitle = order.payment_method_title ?? order.payment_method;
  return [{ methodId: order.payment_method, methodTitle, amount: total, change: toMoney(0) }];
}

/**
 * WooCommerce stores refund amounts as negatives on the refund's lines, so quantities and taxes
 * are negated here. A refund records no method, so it takes the `_pos_refund_method` meta, else
 * the order's only tender method, else the order's `payment_method`.
 */
function refundFromWc(
  refund: WcReportRefundJson,
  order: WcReportOrderJson,
  decimals: number,
): ReportRefund {
  const money = (text: string, field: string): Money =>
    parseField(text, decimals, order, `refund ${refund.id ?? ""} ${field}`);
  const taxes = refund.tax_lines.flatMap((line) => [
    money(line.tax_total, "tax_total"),
    money(line.shipping_tax_total, "shipping_tax_total"),
  ]);
  const orderTenders = tendersOf(order, toMoney(0), decimals);
  const methodId =
    metaText(refund.meta_data, "_pos_refund_method") ??
    (orderTenders.length === 1 ? orderTenders[0]!.methodId : undefined) ??
    order.payment_method ??
    "";
  const methodTitle =
    orderTenders.find((tender) => tender.methodId === methodId)?.methodTitle ?? methodId;

  return {
    id: refund.id,
    amount: money(refund.amount, "amount"),
    tax: toMoney(-taxes.reduce<number>((sum, tax) => sum + tax, 0)),
    items: refund.line_items.map((line) => ({
      productId: line.product_id,
      quantity: -line.quantity,
    })),
    methodId,
    methodTitle,
    dateCreatedGmt: refund.date_created_gmt,
    registerId: metaText(refund.meta_data, "_pos_register"),
  };
}

function parseField(text: string, decimals: number, order: WcReportOrderJson, field: string) {
  try {
    return parseMoney(text, decimals);
  } catch (error) {
    throw new RangeError(`invalid ${field} on order ${order.number}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function metaText(meta: WcReportOrderJson["meta_data"], key: string): string | undefined {
  const value = meta.find((entry) => entry.key === key)?.value;
  return typeof value === "string" && value !== "" ? value : undefined;
}

function metaNumber(meta: WcReportOrderJson["meta_data"], key: string): number | undefined {
  const value = meta.find((entry) => entry.key === key)?.value;
  const number = typeof value === "string" && value !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) ? number : undefined;
}
