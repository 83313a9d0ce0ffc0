import { formatMoney, parseMoney, toMoney } from "../money.js";
import type { ReportTender } from "./report-order.js";

/** Order meta key whose value is the JSON array of the order's tenders. */
export const posTendersMetaKey = "_pos_tenders";

/**
 * Method id of the till's cash tender. Only cash gives change: the till rejects a card or other
 * tender above what is due and records any excess as change on the last cash tender.
 */
export const cashTenderMethodId = "pos_cash";

/** The ways a till takes payment, each with the method id and title it sends to the store. */
export const tillTenderMethods = {
  cash: { method: cashTenderMethodId, title: "Cash" },
  card: { method: "pos_card", title: "External card" },
  other: { method: "pos_other", title: "Other" },
} as const;

/**
 * The title the till gives each of its tender methods, by method id. A tender may not carry the
 * title of another of these methods, so a report never shows a card payment to a reader as
 * "Cash". Other titles stay valid, because earlier tills titled the same methods differently,
 * such as "Card".
 */
export const tillTenderTitles: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.values(tillTenderMethods).map(({ method, title }) => [method, title])),
);

/** Maximum length, in UTF-16 code units, of a tender's slip reference. */
export const maxTenderReferenceLength = 64;

/** Maximum length, in UTF-16 code units, of a tender's method id or title. */
export const maxTenderNameLength = 100;

/**
 * Control characters (Unicode Cc) would break receipt lines and CSV rows, and formatting ones (Cf,
 * such as a right-to-left override or a zero-width space) would let a title pass for another.
 */
const hiddenCharacter = /[\p{Cc}\p{Cf}]/u;

/**
 * One entry of `_pos_tenders` on the wire. Amounts are decimal strings in the order's currency,
 * as WooCommerce writes amounts: `{"method":"pos_card","title":"External card",
 * "reference":"004512","amount":"40.00","change":"0.00"}`.
 *
 * Tills before the `reference` field wrote a card tender's title as `title reference` joined by
 * a space and no `reference`. Such an entry still reads, with the joined text as its title and
 * no reference. Reports count it under its method id like any other tender, and
 * `totalTendersByMethod` documents which title such a row shows.
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
 *
 * Each entry needs a non-blank method and title, an amount above 0 and change of 0 or more. Only
 * cash tenders carry change. The change on a cash tender is at most the cash tendered up to and
 * including it. The till puts all change on the last cash tender, which can be smaller than
 * the change when the customer paid cash twice.
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
  const tenders = entries.map((entry, index) => parseTenderEntry(entry, index, decimals, fail));
  checkTenderChange(tenders, decimals, fail);
  return tenders;
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
  const name = (field: "method" | "title", example: string): string => {
    const fieldValue = text(field);
    const shown = JSON.stringify(
      fieldValue.length > 80 ? `${fieldValue.slice(0, 80)}…` : fieldValue,
    );
    if (fieldValue.trim() === "") {
      return fail(
        `entry ${index} ${field} ${shown} is blank: send the tender's ${field}, such as "${example}"`,
      );
    }
    if (fieldValue.length > maxTenderNameLength) {
      return fail(
        `entry ${index} ${field} ${shown} has ${fieldValue.length} characters, more than the ` +
          `maximum of ${maxTenderNameLength}: send a short ${field}, such as "${example}"`,
      );
    }
    if (hiddenCharacter.test(fieldValue)) {
      return fail(
        `entry ${index} ${field} ${shown} contains a control or invisible formatting ` +
          "character: remove it",
      );
    }
    return fieldValue;
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
  const tender: ReportTender = {
    methodId: name("method", "pos_card"),
    methodTitle: name("title", "External card"),
    ...(reference !== null ? { reference } : {}),
    amount: money("amount"),
    change: money("change"),
  };
  checkTillTitle(tender, index, fail);
  if (tender.amount <= 0) {
    fail(`entry ${index} amount "${text("amount")}" is not above 0: send the amount tendered`);
  }
  if (tender.change < 0) {
    fail(`entry ${index} change "${text("change")}" is negative: send 0 or the change given`);
  }
  return tender;
}

function checkTillTitle(
  tender: ReportTender,
  index: number,
  fail: (problem: string) => never,
): void {
  const title = tender.methodTitle.trim().toLowerCase();
  for (const [methodId, tillTitle] of Object.entries(tillTenderTitles)) {
    if (methodId === tender.methodId || title !== tillTitle.toLowerCase()) continue;
    const own = Object.hasOwn(tillTenderTitles, tender.methodId)
      ? `"${tillTenderTitles[tender.methodId]}"`
      : `the title of ${tender.methodId}`;
    fail(
      `entry ${index} title ${JSON.stringify(tender.methodTitle)} is the title of method ` +
        `${methodId}, not of ${tender.methodId}: send ${own} as the title, or ${methodId} as ` +
        `the method`,
    );
  }
}

function checkTenderChange(
  tenders: readonly ReportTender[],
  decimals: number,
  fail: (problem: string) => never,
): void {
  let cashMinor = 0;
  tenders.forEach((tender, index) => {
    const change = formatMoney(tender.change, decimals);
    if (tender.methodId !== cashTenderMethodId) {
      if (tender.change === 0) return;
      fail(
        `entry ${index} is a ${tender.methodId} tender with change "${change}", but only ` +
          `${cashTenderMethodId} tenders give change: send "change":"${formatMoney(toMoney(0), decimals)}"`,
      );
    }
    cashMinor += tender.amount;
    if (tender.change > cashMinor) {
      fail(
        `entry ${index} change "${change}" is more than the ` +
          `${formatMoney(toMoney(cashMinor), decimals)} of cash tendered up to it: send the ` +
          `change given back from that cash`,
      );
    }
  });
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
  if (hiddenCharacter.test(value)) {
    return fail(
      `reference ${shown} contains a control or invisible formatting character: remove it`,
    );
  }
  return value;
}

/**
 * Raises a RangeError unless the tenders, amounts minus change, pay exactly `total`, the order's
 * total in minor units. A paid order's tenders are the record of how it was paid, so reports
 * would otherwise count money no customer handed over. `orderNumber` names the order.
 */
export function checkTendersPayTotal(
  tenders: readonly ReportTender[],
  total: number,
  decimals: number,
  orderNumber: string,
): void {
  const paidMinor = tenders.reduce((sum, tender) => sum + tender.amount - tender.change, 0);
  if (paidMinor === total) return;

  const paid = formatMoney(toMoney(paidMinor), decimals);
  const due = formatMoney(toMoney(total), decimals);
  throw new RangeError(
    `invalid ${posTendersMetaKey} on order ${orderNumber}: the tenders pay ${paid} (amounts ` +
      `minus change) but the order total is ${due}: send tenders whose amounts minus change ` +
      `add up to ${due}`,
  );
}
