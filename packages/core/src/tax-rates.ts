import type { TaxRate } from "./catalog.js";
import type { TaxLocation } from "./tax-location.js";

/** Returns "standard" for the standard class, whether given as "" or "standard". */
export function normalizeTaxClass(taxClass: string): string {
  const slug = taxClass.trim().toLowerCase();
  return slug === "" ? "standard" : slug;
}

/**
 * Finds the rates that apply to a tax class at a location, as WooCommerce's
 * `WC_Tax::get_matched_tax_rates` does (woocommerce/includes/class-wc-tax.php): country and state
 * match exactly or are empty; postcodes match exactly, by trailing `*` wildcard or by `a...b`
 * range; cities match case-insensitively; a rate without postcodes or cities matches any. Only the
 * first rate of each priority applies, and compound rates come after the others.
 */
export function matchTaxRates(
  rates: readonly TaxRate[],
  taxClass: string,
  location: TaxLocation,
): TaxRate[] {
  const slug = normalizeTaxClass(taxClass);
  const candidates = rates.filter(
    (rate) => normalizeTaxClass(rate.taxClass) === slug && rateMatchesLocation(rate, location),
  );
  const sorted = [...candidates].sort(compareRates);

  const seenPriorities = new Set<number>();
  const matched: TaxRate[] = [];
  for (const rate of sorted) {
    if (seenPriorities.has(rate.priority)) continue;
    seenPriorities.add(rate.priority);
    matched.push(rate);
  }
  return [...matched.filter((rate) => !rate.compound), ...matched.filter((rate) => rate.compound)];
}

function rateMatchesLocation(rate: TaxRate, location: TaxLocation): boolean {
  const country = location.country.trim().toUpperCase();
  const state = location.state.trim().toUpperCase();
  if (rate.country !== "" && rate.country.toUpperCase() !== country) return false;
  if (rate.state !== "" && rate.state.toUpperCase() !== state) return false;
  if (rate.postcodes.length > 0 && !rate.postcodes.some((p) => postcodeMatches(p, location))) {
    return false;
  }
  const city = location.city.trim().toUpperCase();
  return rate.cities.length === 0 || rate.cities.some((c) => c.trim().toUpperCase() === city);
}

/** Orders as WooCommerce's `sort_rates_callback`: priority, then the most specific location. */
function compareRates(a: TaxRate, b: TaxRate): number {
  if (a.priority !== b.priority) return a.priority - b.priority;

  const byCountry = compareSpecific(a.country, b.country);
  if (byCountry !== 0) return byCountry;
  const byState = compareSpecific(a.state, b.state);
  if (byState !== 0) return byState;

  if (a.postcodes.length !== b.postcodes.length) return b.postcodes.length - a.postcodes.length;
  if (a.cities.length !== b.cities.length) return b.cities.length - a.cities.length;
  return a.order - b.order;
}

function compareSpecific(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  return a < b ? -1 : 1;
}

/** WooCommerce's `wc_normalize_postcode`: upper case without spaces or hyphens. */
export function normalizePostcode(postcode: string): string {
  return postcode.trim().toUpperCase().replace(/[\s-]/g, "");
}

function postcodeMatches(pattern: string, location: TaxLocation): boolean {
  const postcode = normalizePostcode(location.postcode);
  const normalized = normalizePostcode(pattern);

  if (normalized.includes("...")) return postcodeInRange(normalized, postcode);
  if (normalized.endsWith("*")) return postcode.startsWith(normalized.slice(0, -1));
  return normalized === postcode;
}

function postcodeInRange(range: string, postcode: string): boolean {
  const parts = range.split("...");
  if (parts.length !== 2) return false;
  let [min = "", max = ""] = parts;
  let compare = postcode;

  if (!/^\d+$/.test(min) || !/^\d+$/.test(max) || !/^\d+$/.test(compare)) {
    compare = numericPostcode(compare);
    min = numericPostcode(min).padEnd(compare.length, "0");
    max = numericPostcode(max).padEnd(compare.length, "0");
  }
  if (compare === "" || min === "" || max === "") return false;
  const value = BigInt(compare);
  return value >= BigInt(min) && value <= BigInt(max);
}

/** WooCommerce's `wc_make_numeric_postcode`: each character becomes two digits (A is 01). */
function numericPostcode(postcode: string): string {
  let digits = "";
  for (const character of postcode) {
    if (/\d/.test(character)) digits += character.padStart(2, "0");
    else if (/[A-Z]/.test(character)) {
      digits += String(character.charCodeAt(0) - 64).padStart(2, "0");
    } else digits += "00";
  }
  return digits;
}
