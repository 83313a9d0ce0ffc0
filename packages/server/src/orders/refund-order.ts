import {
  formatMoney,
  moneyToPrecise,
  parseMoney,
  refundByLines,
  refundErrorCode,
  sumMoney,
  toMoney,
  validateRefundAmount,
} from "@pos/core";
import type { LineTotals, Money, RefundableLine, RefundLine } from "@pos/core";
import type { AppContext } from "../app-context.js";
import { writeTransaction } from "../db/change-journal.js";
import { invalidParamError, WooError } from "../http/woo-error.js";
import { toGmtDateString } from "../time/wp-date.js";
import type { RefundCreateBody, StoredRefund } from "./refund-input.js";
import { findRefundByKey, saveRefundKey } from "./refund-keys.js";
import { restoreStock } from "./restore-stock.js";
import type { StoredLineItem, StoredOrder } from "./stored-order.js";
import { parseStoredOrder } from "./stored-order.js";
import { lockOrder } from "./update-order.js";

/** The refund's id, and false when an earlier request with the same idempotency key made it. */
export interface CreatedRefund {
  refundId: number;
  created: boolean;
}

/**
 * Records a refund of an order in one transaction. With an idempotency key, a repeat of the
 * key returns the refund already made instead of refunding twice. The amount is the one sent, or else the sum
 * of the refunded lines. A refund above what is left is rejected with WooCommerce's code and
 * message ("Invalid refund amount."), but with status 400 where WooCommerce sends 500. No
 * payment gateway is called, so the refund is recorded only.
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
    if (idempotencyKey !== undefined) {
      const existing = await findRefundByKey(trx, idempotencyKey, orderId);
      if (existing !== undefined) return { refundId: existing, created: false };
    }
    const order = parseStoredOrder(row.details);
    const previous = await trx
      .selectFrom("refunds")
      .selectAll()
      .where("order_id", "=", orderId)
      .execute();
    const refundedAmounts = previous.map((refund) => parseMoney(refund.amount, order.decimals));
    const refundedQuantities = countRefundedQuantities(
      previous.map((refund) => JSON.parse(refund.details) as StoredRefund),
    );

    const lines = refundLines(order, body, refundedQuantities);
    const amount =
      body.amount === undefined
        ? sumMoney(lines.map((line) => toMoney(line.refundTotal + line.refundTax)))
        : parseAmount(body.amount, order.decimals);
    if (amount < 0) {
      throw new WooError(
        400,
        "woocommerce_rest_invalid_order_refund",
        "Refund amount must be greater than zero.",
      );
    }
    const orderTotal = parseMoney(order.total, order.decimals);
    const check = validateRefundAmount(amount, orderTotal, refundedAmounts, order.decimals);
    if (!check.ok) {
      throw new WooError(400, refundErrorCode, "Invalid refund amount.", { reason: check.message });
    }

    const nowGmt = toGmtDateString(context.now());
    const money = (value: Money) => formatMoney(value, order.decimals);
    const stored: StoredRefund = {
      reason: body.reason,
      refunded_by: userId,
      restocked: body.api_restock,
      meta_data: body.meta_data,
      line_items: lines.map((line) => ({
        id: Number(line.key),
        quantity: line.quantity,
        total: money(line.refundTotal),
        total_tax: money(line.refundTax),
        taxes: line.taxes.map((tax) => ({ id: tax.rateId, total: money(tax.total) })),
      })),
    };
    if (body.api_restock) {
      for (const line of lines) {
        const item = order.line_items.find((candidate) => String(candidate.id) === line.key);
        if (item !== undefined && line.quantity > 0 && order.stock_reduced)
          await restoreStock(trx, item, line.quantity, nowGmt);
      }
    }
    const inserted = await trx
      .insertInto("refunds")
      .values({
        order_id: orderId,
        amount: money(amount),
        date_created_gmt: nowGmt,
        details: JSON.stringify(stored),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (amount + refundedAmounts.reduce<number>((sum, value) => sum + value, 0) === orderTotal) {
      const next: StoredOrder = { ...order, status: "refunded", date_modified_gmt: nowGmt };
      await trx
        .updateTable("orders")
        .set({ status: "refunded", date_modified_gmt: nowGmt, details: JSON.stringify(next) })
        .where("id", "=", orderId)
        .execute();
    }
    if (idempotencyKey !== undefined) {
      await saveRefundKey(trx, idempotencyKey, orderId, inserted.id);
    }
    return { refundId: inserted.id, created: true };
  });
}

function parseAmount(text: string, decimals: number): Money {
  try {
    return parseMoney(text, decimals);
  } catch {
    throw invalidParamError(
      "amount",
      `amount must be a decimal amount with at most ${decimals} decimals, got "${text}".`,
    );
  }
}

function countRefundedQuantities(refunds: readonly StoredRefund[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const refund of refunds) {
    for (const line of refund.line_items)
      counts.set(String(line.id), (counts.get(String(line.id)) ?? 0) + line.quantity);
  }
  return counts;
}

/** Lines with an explicit `refund_total` are taken as sent; the others by quantity with core's rules. */
function refundLines(
  order: StoredOrder,
  body: RefundCreateBody,
  refunded: ReadonlyMap<string, number>,
): RefundLine[] {
  const byKey = new Map<string, RefundableLine>();
  for (const item of order.line_items) {
    byKey.set(String(item.id), {
      quantity: item.quantity,
      refundedQuantity: refunded.get(String(item.id)) ?? 0,
      totals: lineTotalsOf(item, order.decimals),
    });
  }
  const lines: RefundLine[] = [];
  for (const [index, request] of body.line_items.entries()) {
    const line = byKey.get(String(request.id));
    if (line === undefined) {
      throw invalidParamError(
        "line_items",
        `line_items[${index}][id]: order ${order.order_key} has no line item ${request.id}.`,
      );
    }
    if (request.refund_total !== undefined) {
      const taxes = request.refund_tax.map((tax) => ({
        rateId: tax.id,
        total: parseAmount(tax.refund_total, order.decimals),
      }));
      lines.push({
        key: String(request.id),
        quantity: request.quantity,
        refundTotal: parseAmount(request.refund_total, order.decimals),
        refundTax: sumMoney(taxes.map((tax) => tax.total)),
        taxes,
      });
      continue;
    }
    const result = refundByLines(byKey, [{ key: String(request.id), quantity: request.quantity }]);
    if (!result.ok)
      throw new WooError(400, refundErrorCode, "Invalid refund amount.", {
        reason: result.message,
      });
    lines.push(...result.lines);
  }
  return lines;
}

function lineTotalsOf(item: StoredLineItem, decimals: number): LineTotals {
  const money = (text: string) => parseMoney(text, decimals);
  return {
    key: String(item.id),
    subtotal: money(item.subtotal),
    subtotalTax: money(item.subtotal_tax),
    total: money(item.total),
    totalTax: money(item.total_tax),
    taxes: item.taxes.map((tax) => ({
      rateId: tax.id,
      subtotal: money(tax.subtotal || "0"),
      total: money(tax.total),
    })),
    subtotalPrecise: moneyToPrecise(money(item.subtotal), decimals),
    totalPrecise: moneyToPrecise(money(item.total), decimals),
    discount: toMoney(money(item.subtotal) - money(item.total)),
  };
}
