import {
  cartToRestLines,
  formatMoney,
  formatPrecise,
  type CartInput,
  type OrderTotals,
} from "@pos/core";
import type { WcOrderCreate } from "@pos/woo";
import type { StoredOrder } from "../db/stored-order.js";

/** The meta key that carries the till's order UUID; the server keeps one order per UUID. */
export const clientUuidMetaKey = "_pos_client_uuid";

/**
 * Builds the body of `POST wc/v3/orders` for a cash sale. Lines carry explicit ex-tax subtotals
 * and totals with 6 decimals, so the server records the prices the cashier saw even if the
 * catalogue changed since the last sync.
 */
export function buildOrderRequest(
  order: StoredOrder,
  input: CartInput,
  totals: OrderTotals,
  decimals: number,
): WcOrderCreate {
  const restLines = cartToRestLines(input, totals);
  return {
    status: "completed",
    payment_method: "pos_cash",
    payment_method_title: "Cash",
    set_paid: true,
    ...(order.customer ? { customer_id: order.customer.id } : {}),
    meta_data: [{ key: clientUuidMetaKey, value: order.clientUuid }],
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
  };
}
