import { formatMoney, parseMoney } from "../money.js";
import type { ReportTender } from "./report-order.js";

/** Order meta key whose value is the JSON array of the order's tenders. */
export const posTendersMetaKey = "_pos_tenders";

/** Maximum length, in UTF-16 code units, of a tender's slip reference. */
export const maxTenderReferenceLength = 64;

/**
 * One entry of `_pos_tenders` on the wire. Amounts are decimal strings in the order's currency,
 * as WooCommerce writes amounts: `{"method":"pos_card","title":"External card",
 * "reference":"004512","amount":"40.00","change":"0.00"}`.
 *
 * Tills before the `reference` field wrote a card tender's title as `title reference` joined by
 * a space and no `reference`. Such an entry still reads, with the joined text as its title and
 * no reference. Reports count it under its method id like any other tender, and
 * `totalTendersByMethod` says which title such a row shows.
 */
export interface PosTenderJson {
  method: string;
  title: string;
  /** Absent or null when the tender has no slip reference. */
  reference?: string | null;
  amount: string;
  change: string;
}

/** Writes tenders as the `_pos_tenders` meta value. */
export function formatPosTenders(tenders: readonly ReportTender[], decimals: number): string {
  const entries: PosTenderJson[] = tenders.map((tender) => ({
    method: tender.methodId,
    title: tender.methodTitle,
    ...(tender.reference !== undefined ? { reference: tender.reference } : {}),
    amount: formatMoney(tender.amount, decimals),
    change: formatMoney(tender.change, decimals),
  }));
  return JSON.stringify(entries);
}

/**
 * Reads a `_pos_tenders` meta value: a JSON array, or the array itself when a client sent the meta
 * as JSON rather than as a string. `orderNumber` names the order in errors.
 */
export function parsePosTenders(
  value: unknown,
  decimals: number,
  orderNumber: string,
): ReportTender[] {
  const fail = (problem: string): never => {
    throw new RangeError(
      `invalid ${posTendersMetaKey} on order ${orderNumber}: ${problem}. Expected a JSON array ` +
        `such as [{"method":"pos_card","title":"External card","reference":"004512",` +
        `"amount":"40.00","change":"0.00"}]`,
    );
  };
  const entries = jsonArrayOf(value, fail);
  return entries.map((entry, index) => parseTenderEntry(entry, index, decimals, fail));
}

function jsonArrayOf(value: unknown, fail: (problem: string) => never): unknown[] {
  let entries: unknown = value;
  if (typeof value === "string") {
    try {
      entries = JSON.parse(value);
    } catch {
      fail("the value is not JSON");
    }
  }
  if (!Array.isArray(entries)) return fail("the value is not an array");
  return entries;
}

function parseTenderEntry(
  entry: unknown,
  index: number,
  decimals: number,
  fail: (problem: string) => never,
): ReportTender {
  const record = (typeof entry === "object" && entry !== null ? entry : {}) as Record<
    string,
    unknown
  >;
  const text = (field: "method" | "title" | "amount" | "change"): string => {
    const fieldValue = record[field];
    return typeof fieldValue === "string"
      ? fieldValue
      : fail(`entry ${index} has no ${field} string`);
  };
  const money = (field: "amount" | "change") => {
    const amount = text(field);
    try {
      return parseMoney(amount, decimals);
    } catch (error) {
      return fail(`entry ${index} ${field}: ${(error as Error).message}`);
    }
  };

  const reference = parseTenderReference(record["reference"], (problem) =>
    fail(`entry ${index} ${problem}`),
  );
  return {
    methodId: text("method"),
    methodTitle: text("title"),
    ...(reference !== null ? { reference } : {}),
    amount: money("amount"),
    change: money("change"),
  };
}

/**
 * Checks a tender's `reference`: absent or null for none, else a non-blank string of at most
 * `maxTenderReferenceLength` characters without control characters. Returns null for none.
 */
export function parseTenderReference(
  value: unknown,
  fail: (problem: string) => never,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    return fail(`reference ${JSON.stringify(value)} is not a string: send the slip number as text`);
  }
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value.trim() === "") {
    return fail(`reference ${shown} is blank: send the slip number, or null for none`);
  }
  if (value.length > maxTenderReferenceLength) {
    return fail(
      `reference ${shown} has ${value.length} characters, more than the maximum of ` +
        `${maxTenderReferenceLength}: send only the slip number`,
    );
  }
  // Control characters would break receipt lines and CSV rows.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return fail(`reference ${shown} contains a control character: remove it`);
  }
  return value;
}
