import type { CartInput } from "./cart-input.js";
import type { OrderTotals } from "./order-totals.js";
import type { RestLineValues } from "./rest-order-input.js";

/**
 * The `line_items` values the till sends for a cart: ex-tax subtotal and total with 6 decimals,
 * so the server's `computeRestOrderTotals` lands on the cart's totals. Send the coupons in the
 * order of `sortCouponsForCart`, because WooCommerce re-applies them in the order received.
 */
export function cartToRestLines(cart: CartInput, totals: OrderTotals): RestLineValues[] {
  return cart.lines.map((line) => {
    const lineTotals = totals.lines.find((entry) => entry.key === line.key);
    if (lineTotals === undefined) {
      throw new RangeError(
        `cart line "${line.key}" has no totals: compute the totals of this cart`,
      );
    }
    return {
      key: line.key,
      productId: line.productId,
      variationId: line.variationId,
      quantity: line.quantity,
      subtotal: lineTotals.subtotalPrecise,
      total: lineTotals.totalPrecise,
    };
  });
}
