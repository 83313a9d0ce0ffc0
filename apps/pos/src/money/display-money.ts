import { formatMoney, parseMoney, toMoney, type Money } from "@pos/core";
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
 * into minor units. Thousand separators count only between groups of three digits, so "12,50"
 * in a store that writes "12.50" is rejected instead of read as 1,250. Raises a RangeError
 * naming the text when it is not an amount.
 */
export function parseTypedMoney(text: string, store: Currency): Money {
  const unsigned = text.trim().replace(/^[^\d-]+/, "");
  const [whole = "", fraction, ...extra] = unsigned.split(store.decimal_separator);
  const grouping = store.thousand_separator;
  if (extra.length > 0 || (grouping !== "" && !hasValidGrouping(whole, grouping))) {
    throw new RangeError(
      `amount "${text}" is not valid: type digits with "${store.decimal_separator}" ` +
        `before the decimals, for example ${displayMoney(toMoney(1250), store)}`,
    );
  }
  const digits = grouping === "" ? whole : whole.split(grouping).join("");
  try {
    return parseMoney(fraction === undefined ? digits : `${digits}.${fraction}`, store.decimals);
  } catch {
    // parseMoney names the text left after the currency symbol was cut, "" for "abc".
    throw new RangeError(
      `amount "${text}" is not valid: type digits with "${store.decimal_separator}" ` +
        `before the decimals, for example ${displayMoney(toMoney(1250), store)}`,
    );
  }
}

function hasValidGrouping(whole: string, separator: string): boolean {
  if (!whole.includes(separator)) return true;
  const groups = whole.replace(/^-/, "").split(separator);
  const [first = "", ...rest] = groups;
  return /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
}

/** Converts a catalogue price string ("18.00", "" when unset) into minor units. */
export function catalogPrice(price: string, store: Currency): Money {
  return parseMoney(price.trim() === "" ? "0" : price, store.decimals);
}
