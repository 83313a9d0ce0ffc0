import { formatMoney, parseMoney, type Money } from "@pos/core";
import type { PosStore } from "@pos/woo";

type Currency = Pick<
  PosStore,
  "currency_symbol" | "decimals" | "decimal_separator" | "thousand_separator"
>;

/** Formats minor units the way the store shows prices: "$1,234.50". */
export function displayMoney(amount: Money, store: Currency): string {
  const plain = formatMoney(amount, store.decimals);
  const negative = plain.startsWith("-");
  const [whole = "0", fraction] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, store.thousand_separator);
  const body = fraction === undefined ? grouped : `${grouped}${store.decimal_separator}${fraction}`;
  return `${negative ? "-" : ""}${store.currency_symbol}${body}`;
}

/**
 * Parses an amount the cashier typed ("12.5", "1,234.50" or with the store's own separators)
 * into minor units. Raises a RangeError naming the text when it is not an amount.
 */
export function parseTypedMoney(text: string, store: Currency): Money {
  const withoutGroups = text.trim().split(store.thousand_separator).join("");
  const normalised = withoutGroups.replace(store.decimal_separator, ".").replace(/^[^\d-]+/, "");
  return parseMoney(normalised, store.decimals);
}

/** Converts a catalogue price string ("18.00", "" when unset) into minor units. */
export function catalogPrice(price: string, store: Currency): Money {
  return parseMoney(price.trim() === "" ? "0" : price, store.decimals);
}
