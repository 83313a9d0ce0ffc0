import { checkTendersPayTotal, parsePosTenders, posTendersMetaKey } from "@pos/core";
import type { ReportTender } from "@pos/core";
import { WooError } from "../http/woo-error.js";

/** Maximum length of the part of a rejected meta value that a 400 message quotes. */
const maxQuotedValueLength = 200;

/** Statuses in which WooCommerce counts an order as paid (`wc_get_is_paid_statuses`). */
const paidStatuses: ReadonlySet<string> = new Set(["processing", "completed"]);

/** Tells whether an order counts as paid: a payment date is stored or its status is paid. */
export function isPaidOrder(order: { status: string; paid: boolean }): boolean {
  return order.paid || paidStatuses.has(order.status);
}

/**
 * Rejects an order whose `_pos_tenders` meta core's `parsePosTenders` cannot read, the parser that
 * reports and receipts use later, so no stored order can break them. Orders without that meta are
 * not checked and give null. `orderNumber` follows "on order" in the message: the order's number,
 * or for an order not yet created its client UUID or "being created".
 */
export function checkPosTendersMeta(
  meta: readonly { key: string; value: unknown }[],
  decimals: number,
  orderNumber: string,
): ReportTender[] | null {
  const entries = meta.filter((candidate) => candidate.key === posTendersMetaKey);
  const entry = entries[0];
  if (entry === undefined) return null;
  if (entries.length > 1) {
    throw invalidTendersError(
      `it was sent ${entries.length} times on order ${orderNumber}; send one ${posTendersMetaKey} ` +
        "entry with every tender in its array",
      entries[1]?.value,
    );
  }
  try {
    return parsePosTenders(entry.value, decimals, orderNumber);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw invalidTendersError(error.message, entry.value);
  }
}

/**
 * Rejects a paid order whose tenders, amounts minus change, do not add up to its total, checked
 * after `checkPosTendersMeta` read them. An order is paid when `paid` is true (`set_paid`, or a
 * payment date already stored) or its status is processing or completed.
 */
export function checkPosTendersPayTotal(
  meta: readonly { key: string; value: unknown }[],
  tenders: readonly ReportTender[] | null,
  order: { total: number; decimals: number; status: string; paid: boolean; number: string },
): void {
  if (tenders === null) return;
  if (!isPaidOrder(order)) return;
  try {
    checkTendersPayTotal(tenders, order.total, order.decimals, order.number);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const value = meta.find((candidate) => candidate.key === posTendersMetaKey)?.value;
    throw invalidTendersError(error.message, value);
  }
}

function invalidTendersError(problem: string, value: unknown): WooError {
  const message =
    `meta_data ${posTendersMetaKey} was rejected, and nothing was saved: ${problem}. ` +
    `The value sent was ${quoted(value)}.`;
  return new WooError(400, "rest_invalid_param", `Invalid parameter(s): meta_data. ${message}`, {
    params: { meta_data: message },
    details: { meta_data: { code: "rest_invalid_param", message, data: null } },
  });
}

function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > maxQuotedValueLength ? `${text.slice(0, maxQuotedValueLength)}…` : text;
}
