import { formatMoney, parseMoney } from "../money.js";
import type { ReportTender } from "./report-order.js";

/** Order meta key whose value is the JSON array of the order's tenders. */
export const posTendersMetaKey = "_pos_tenders";

/**
 * One entry of `_pos_tenders` on the wire. Amounts are decimal strings in the order's currency,
 * as WooCommerce writes amounts: `{"method":"pos_cash","title":"Cash","amount":"40.00",
 * "change":"1.39"}`.
 */
export interface PosTenderJson {
  method: string;
  title: string;
  amount: string;
  change: string;
}

/** Writes tenders as the `_pos_tenders` meta value. */
export function formatPosTenders(tenders: readonly ReportTender[], decimals: number): string {
  const entries: PosTenderJson[] = tenders.map((tender) => ({
    method: tender.methodId,
    title: tender.methodTitle,
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
        `such as [{"method":"pos_cash","title":"Cash","amount":"40.00","change":"1.39"}]`,
    );
  };
  let entries: unknown = value;
  if (typeof value === "string") {
    try {
      entries = JSON.parse(value);
    } catch {
      fail("the value is not JSON");
    }
  }
  if (!Array.isArray(entries)) return fail("the value is not an array");

  return entries.map((entry: unknown, index) => {
    const record = (typeof entry === "object" && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    const text = (field: keyof PosTenderJson): string => {
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
    return {
      methodId: text("method"),
      methodTitle: text("title"),
      amount: money("amount"),
      change: money("change"),
    };
  });
}
