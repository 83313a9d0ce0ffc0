import { formatMoney, parseMoney } from "@pos/core";
import type { Money } from "@pos/core";
import { WooError } from "../http/woo-error.js";

/** Meta key under which the till sends the order total it computed and showed the customer. */
export const expectedTotalMetaKey = "_pos_expected_total";

/**
 * Rejects an order whose till-computed total (meta `_pos_expected_total`) differs from the total
 * the server computes from the same lines, coupons and fees, so a receipt never disagrees with
 * the stored order. Orders without that meta are not checked.
 */
export function checkExpectedTotal(
  meta: readonly { key: string; value: unknown }[],
  computed: Money,
  decimals: number,
  currency: string,
): void {
  const sent = meta.find((entry) => entry.key === expectedTotalMetaKey)?.value;
  if (sent === undefined) return;
  const text = typeof sent === "number" ? String(sent) : typeof sent === "string" ? sent : "";
  let expected: Money;
  try {
    expected = parseMoney(text.trim(), decimals);
  } catch {
    throw new WooError(400, "rest_invalid_param", "Invalid parameter(s): meta_data", {
      params: {
        meta_data: `${expectedTotalMetaKey} ${JSON.stringify(sent)} is not an amount with ${decimals} decimals; send the total as a string such as "12.34".`,
      },
    });
  }
  if (expected === computed) return;
  const computedText = formatMoney(computed, decimals);
  const expectedText = formatMoney(expected, decimals);
  throw new WooError(
    400,
    "pos_totals_mismatch",
    `The till expected a total of ${expectedText} ${currency} but the server computes ` +
      `${computedText} ${currency} for these lines. Nothing was saved; refresh the catalogue ` +
      "and tax rates on the till and send the order again.",
    { expected_total: expectedText, computed_total: computedText, currency },
  );
}
