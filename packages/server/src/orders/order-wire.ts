import { formatMoney, parseMoney, toMoney } from "@pos/core";
import type { Selectable } from "kysely";
import type { OrdersTable, RefundsTable } from "../db/database-schema.js";
import { withoutEmail } from "../customers/customer-records.js";
import { describeCurrency } from "../store/currencies.js";
import { gmtToLocalDateString } from "../time/wp-date.js";
import { parseStoredOrder } from "./stored-order.js";

export type OrderRow = Selectable<OrdersTable>;
export type RefundRow = Selectable<RefundsTable>;

/** Builds the order as `wc/v3/orders` sends it, in WooCommerce 11's field order. */
export function orderWire(
  row: OrderRow,
  refunds: readonly RefundRow[],
  wire: { baseUrl: string; timeZone: string },
) {
  const order = parseStoredOrder(row.details);
  const local = (gmt: string | null) =>
    gmt === null ? null : gmtToLocalDateString(gmt, wire.timeZone);
  const paid = order.date_paid_gmt !== null;
  const shipping = withoutEmail(order.shipping);
  return {
    id: row.id,
    parent_id: order.parent_id,
    status: order.status,
    currency: order.currency,
    version: order.version,
    prices_include_tax: order.prices_include_tax,
    date_created: local(order.date_created_gmt),
    date_modified: local(order.date_modified_gmt),
    discount_total: order.discount_total,
    discount_tax: order.discount_tax,
    shipping_total: order.shipping_total,
    shipping_tax: order.shipping_tax,
    cart_tax: order.cart_tax,
    total: order.total,
    total_tax: order.total_tax,
    customer_id: order.customer_id,
    order_key: order.order_key,
    billing: order.billing,
    shipping,
    payment_method: order.payment_method,
    payment_method_title: order.payment_method_title,
    transaction_id: order.transaction_id,
    customer_ip_address: "",
    customer_user_agent: "",
    created_via: order.created_via,
    customer_note: order.customer_note,
    date_completed: local(order.date_completed_gmt),
    date_paid: local(order.date_paid_gmt),
    cart_hash: "",
    number: String(row.id),
    meta_data: order.meta_data,
    line_items: order.line_items,
    tax_lines: order.tax_lines,
    shipping_lines: order.shipping_lines,
    fee_lines: order.fee_lines,
    coupon_lines: order.coupon_lines,
    refunds: refunds.map((refund) => refundSummary(refund, order.decimals)),
    payment_url: `${wire.baseUrl}/checkout/order-pay/${row.id}/?pay_for_order=true&key=${order.order_key}`,
    is_editable: ["pending", "on-hold", "auto-draft", "checkout-draft"].includes(order.status),
    needs_payment: !paid && ["pending", "failed"].includes(order.status),
    needs_processing: order.line_items.length > 0,
    date_created_gmt: order.date_created_gmt,
    date_modified_gmt: order.date_modified_gmt,
    date_completed_gmt: order.date_completed_gmt,
    date_paid_gmt: order.date_paid_gmt,
    currency_symbol: describeCurrency(order.currency).symbol,
    _links: {
      self: [{ href: `${wire.baseUrl}/wp-json/wc/v3/orders/${row.id}` }],
      collection: [{ href: `${wire.baseUrl}/wp-json/wc/v3/orders` }],
      email_templates: [
        {
          embeddable: true,
          href: `${wire.baseUrl}/wp-json/wc/v3/orders/${row.id}/actions/email_templates`,
        },
      ],
      ...(order.customer_id > 0
        ? { customer: [{ href: `${wire.baseUrl}/wp-json/wc/v3/customers/${order.customer_id}` }] }
        : {}),
    },
  };
}

/** Formats minor units in the order's decimals; a helper for line and total fields. */
export function formatOrderMoney(amount: number, decimals: number): string {
  return formatMoney(toMoney(amount), decimals);
}

/** An order's `refunds[]` entry: id, reason, and the refunded total and tax as negatives. */
function refundSummary(refund: RefundRow, decimals: number) {
  const details = JSON.parse(refund.details) as {
    reason?: string;
    line_items?: { total_tax: string }[];
  };
  const tax = (details.line_items ?? []).reduce(
    (sum, line) => sum + parseMoney(line.total_tax, decimals),
    0,
  );
  return {
    id: refund.id,
    reason: details.reason ?? "",
    total: `-${refund.amount}`,
    total_tax: formatOrderMoney(tax === 0 ? 0 : -tax, decimals),
  };
}
