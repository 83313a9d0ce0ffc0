import {
  formatMoney,
  parseMoney,
  refundErrorCode,
  sumMoney,
  toMoney,
  validateRefundAmount,
} from "@pos/core";
import type { Money } from "@pos/core";
import type { Kysely } from "kysely";
import type { AppContext } from "../app-context.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import { writeTransaction } from "../db/change-journal.js";
import { WooError } from "../http/woo-error.js";
import { toGmtDateString } from "../time/wp-date.js";
import type { RefundCreateBody, StoredRefund } from "./refund-input.js";
import { findRefundByKey, saveRefundKey } from "./refund-keys.js";
import { buildRefundLines, parseRefundMoney, refundedByLine } from "./refund-lines.js";
import type { OrderRefundLine } from "./refund-lines.js";
import { assertRepeatOfStoredRefund } from "./refund-repeat.js";
import { reducedStockOf, restoreStock, withReducedStock } from "./restore-stock.js";
import type { StoredOrder } from "./stored-order.js";
import { parseStoredOrder } from "./stored-order.js";
import { lockOrder } from "./update-order.js";

type Db = Kysely<DatabaseSchema>;

/** The refund's id, and false when an earlier request with the same idempotency key made it. */
export interface CreatedRefund {
  refundId: number;
  created: boolean;
}

/**
 * Records a refund of an order in one transaction, with the order row locked, so concurrent
 * refunds of one order are checked one after another. With an idempotency key, a repeat of the
 * key returns the refund already made, and a different refund under that key is rejected with
 * 409. The amount is the one sent, or else the sum of the refunded lines. A refund above what is
 * left is rejected with WooCommerce's code and message ("Invalid refund amount."), but with
 * status 400 where WooCommerce sends 500. No payment gateway is called, so the refund is
 * recorded only.
 */
export function createRefund(
  context: AppContext,
  orderId: number,
  body: RefundCreateBody,
  userId: number,
  idempotencyKey?: string,
): Promise<CreatedRefund> {
  return writeTransaction(context.store.db, async (trx) => {
    const row = await lockOrder(trx, context, orderId);
    const order = parseStoredOrder(row.details);
    if (order.status === "pos-open") {
      // Nothing was paid on an open order yet. Its lines are replaced when it is saved again or
      // checked out, so a refund would name lines that no longer exist.
      throw new WooError(
        400,
        "pos_open_order_not_refundable",
        `Order ${orderId} is still open at the till (pos-open): void it, or check it out ` +
          "before refunding.",
      );
    }
    if (idempotencyKey !== undefined) {
      const existing = await findRefundByKey(trx, idempotencyKey, orderId);
      if (existing !== undefined) {
        await assertRepeatOfStoredRefund(trx, existing, body, idempotencyKey, order.decimals);
        return { refundId: existing, created: false };
      }
    }
    const previous = await trx
      .selectFrom("refunds")
      .selectAll()
      .where("order_id", "=", orderId)
      .execute();
    const refundedAmounts = previous.map((refund) => parseMoney(refund.amount, order.decimals));
    const refunded = refundedByLine(
      previous.map((refund) => JSON.parse(refund.details) as StoredRefund),
      order.decimals,
    );

    const lines = buildRefundLines(order, body.line_items, refunded, orderId);
    const amount =
      body.amount === undefined
        ? sumMoney(lines.map((line) => toMoney(line.refundTotal + line.refundTax)))
        : parseRefundMoney(body.amount, order.decimals, "amount");
    assertAmountAllowed(amount, order, refundedAmounts);

    const nowGmt = toGmtDateString(context.now());
    const next: StoredOrder = body.api_restock
      ? await restockRefundedLines(trx, order, lines, nowGmt)
      : order;
    const inserted = await trx
      .insertInto("refunds")
      .values({
        order_id: orderId,
        amount: formatMoney(amount, order.decimals),
        date_created_gmt: nowGmt,
        details: JSON.stringify(storedRefundOf(body, lines, userId, order.decimals)),
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const fullyRefunded =
      amount + sumMoney(refundedAmounts) === parseMoney(order.total, order.decimals);
    if (fullyRefunded || next !== order) {
      const status = fullyRefunded ? "refunded" : order.status;
      const changed: StoredOrder = { ...next, status, date_modified_gmt: nowGmt };
      await trx
        .updateTable("orders")
        .set({ status, date_modified_gmt: nowGmt, details: JSON.stringify(changed) })
        .where("id", "=", orderId)
        .execute();
    }
    if (idempotencyKey !== undefined) {
      await saveRefundKey(trx, idempotencyKey, orderId, inserted.id);
    }
    return { refundId: inserted.id, created: true };
  });
}

function assertAmountAllowed(amount: Money, order: StoredOrder, refunded: readonly Money[]) {
  if (amount < 0) {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_order_refund",
      "Refund amount must be greater than zero.",
    );
  }
  const orderTotal = parseMoney(order.total, order.decimals);
  const check = validateRefundAmount(amount, orderTotal, refunded, order.decimals);
  if (!check.ok) {
    throw new WooError(400, refundErrorCode, "Invalid refund amount.", { reason: check.message });
  }
}

/**
 * Puts refunded units back in stock, at most the units the line still has taken from stock (`_reduced_stock`),
 * and lowers that meta by the units put back, as WooCommerce's `wc_restock_refunded_items` does.
 * A later cancellation then restores only the units still taken. Returns the order with its lines'
 * meta updated, or the same order when nothing went back.
 */
async function restockRefundedLines(
  trx: Db,
  order: StoredOrder,
  lines: readonly OrderRefundLine[],
  nowGmt: string,
): Promise<StoredOrder> {
  let changed = false;
  const lineItems = [];
  for (const item of order.line_items) {
    const refund = lines.find((line) => line.kind === "line_item" && line.key === String(item.id));
    const held = reducedStockOf(item);
    const units = Math.min(refund?.quantity ?? 0, held);
    if (units <= 0) {
      lineItems.push(item);
      continue;
    }
    await restoreStock(trx, item, units, nowGmt);
    lineItems.push(withReducedStock(item, held - units));
    changed = true;
  }
  return changed ? { ...order, line_items: lineItems } : order;
}

function storedRefundOf(
  body: RefundCreateBody,
  lines: readonly OrderRefundLine[],
  userId: number,
  decimals: number,
): StoredRefund {
  const money = (value: Money) => formatMoney(value, decimals);
  return {
    reason: body.reason,
    refunded_by: userId,
    restocked: body.api_restock,
    meta_data: body.meta_data,
    line_items: lines.map((line) => ({
      id: Number(line.key),
      kind: line.kind,
      quantity: line.quantity,
      total: money(line.refundTotal),
      total_tax: money(line.refundTax),
      taxes: line.taxes.map((tax) => ({ id: tax.rateId, total: money(tax.total) })),
    })),
  };
}
