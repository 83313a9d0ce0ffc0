import { WooError } from "../http/woo-error.js";

/**
 * Runs `compute` and turns core's RangeError for an amount beyond exact arithmetic (a huge
 * quantity times a huge price) into a 400 that names the limit, before anything is written.
 */
export function withinExactRange<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new WooError(
      400,
      "woocommerce_rest_invalid_order_total",
      "The order's amounts are too large to total exactly: lower the quantities or prices.",
    );
  }
}
