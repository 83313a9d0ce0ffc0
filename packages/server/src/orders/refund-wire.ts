import { formatMoney, parseMoney, toMoney } from "@pos/core";
import { gmtToLocalDateString } from "../time/wp-date.js";
import type { RefundRow } from "./order-wire.js";
import type { StoredRefund } from "./refund-input.js";
import type { StoredOrder } from "./stored-order.js";

/** Builds the refund as `wc/v3/orders/{id}/refunds` sends it, with negative line amounts. */
export function refundWire(
  refund: RefundRow,
  order: StoredOrder,
  wire: { baseUrl: string; timeZone: string },
) {
  const stored = JSON.parse(refund.details) as StoredRefund;
  const negative = (text: string) =>
    formatMoney(toMoney(0 - parseMoney(text, order.decimals)), order.decimals);
  const taxTotals = new Map<number, number>();
  for (const line of stored.line_items) {
    for (const tax of line.taxes)
      taxTotals.set(tax.id, (taxTotals.get(tax.id) ?? 0) + parseMoney(tax.total, order.decimals));
  }
  const itemLines = stored.line_items.filter((line) => (line.kind ?? "line_item") === "line_item");
  // Refunded shipping and fee lines copy the order's line with negative amounts.
  const otherLines = (kind: "shipping" | "fee") =>
    stored.line_items
      .filter((line) => line.kind === kind)
      .map((line) => ({
        line,
        refunded: {
          total: negative(line.total),
          total_tax: negative(line.total_tax),
          taxes: line.taxes.map((tax) => ({
            id: tax.id,
            total: negative(tax.total),
            subtotal: "",
          })),
          meta_data: [{ id: 1, key: "_refunded_item_id", value: String(line.id) }],
        },
      }));
  const base = `${wire.baseUrl}/wp-json/wc/v3/orders/${refund.order_id}/refunds`;
  return {
    id: refund.id,
    date_created: gmtToLocalDateString(refund.date_created_gmt, wire.timeZone),
    date_created_gmt: refund.date_created_gmt,
    amount: refund.amount,
    reason: stored.reason,
    refunded_by: stored.refunded_by,
    refunded_payment: false,
    meta_data: [
      { id: 1, key: "_refund_type", value: refund.amount === order.total ? "full" : "partial" },
      ...(stored.meta_data ?? []).map((entry, index) => ({ id: index + 2, ...entry })),
    ],
    line_items: itemLines.map((line) => {
      const item = order.line_items.find((candidate) => candidate.id === line.id);
      return {
        ...item,
        quantity: -line.quantity,
        subtotal: negative(line.total),
        subtotal_tax: negative(line.total_tax),
        total: negative(line.total),
        total_tax: negative(line.total_tax),
        taxes: line.taxes.map((tax) => ({
          id: tax.id,
          total: negative(tax.total),
          subtotal: negative(tax.total),
        })),
        meta_data: [
          {
            id: 1,
            key: "_refunded_item_id",
            value: String(line.id),
            display_key: "_refunded_item_id",
            display_value: String(line.id),
          },
        ],
      };
    }),
    shipping_lines: otherLines("shipping").flatMap(({ line, refunded }) => {
      const shipping = order.shipping_lines.find((candidate) => candidate.id === line.id);
      return shipping === undefined ? [] : [{ ...shipping, ...refunded }];
    }),
    tax_lines: [...taxTotals.entries()].map(([rateId, total]) => {
      const known = order.tax_lines.find((line) => line.rate_id === rateId);
      return {
        ...known,
        rate_id: rateId,
        tax_total: formatMoney(toMoney(-total), order.decimals),
        shipping_tax_total: formatMoney(toMoney(0), order.decimals),
      };
    }),
    fee_lines: otherLines("fee").flatMap(({ line, refunded }) => {
      const fee = order.fee_lines.find((candidate) => candidate.id === line.id);
      return fee === undefined ? [] : [{ ...fee, ...refunded }];
    }),
    _links: {
      self: [{ href: `${base}/${refund.id}` }],
      collection: [{ href: base }],
      up: [{ href: `${wire.baseUrl}/wp-json/wc/v3/orders/${refund.order_id}` }],
    },
  };
}
