import {
  formatMoney,
  moneyToPrecise,
  parseMoney,
  refundByLines,
  refundErrorCode,
  sumMoney,
  toMoney,
} from "@pos/core";
import type { LineTotals, Money, RefundableLine, RefundLine } from "@pos/core";
import { invalidParamError, WooError } from "../http/woo-error.js";
import type { RefundCreateBody, StoredRefund, StoredRefundLineKind } from "./refund-input.js";
import type { StoredLineItem, StoredOrder } from "./stored-order.js";

/** The quantity, total and tax that earlier refunds took from one order line. */
export interface RefundedFromLine {
  quantity: number;
  total: Money;
  tax: Money;
}

/** A refund line with the kind of order line it refunds. */
export interface OrderRefundLine extends RefundLine {
  kind: StoredRefundLineKind;
}

/** An order line that a refund can name: a line item, a shipping line or a fee line. */
interface RefundableOrderLine {
  kind: StoredRefundLineKind;
  quantity: number;
  total: Money;
  tax: Money;
  lineItem?: StoredLineItem;
}

type RefundRequest = RefundCreateBody["line_items"][number];

/** Sums the quantities and amounts that earlier refunds took from each order line, by line id. */
export function refundedByLine(
  refunds: readonly StoredRefund[],
  decimals: number,
): Map<number, RefundedFromLine> {
  const sums = new Map<number, RefundedFromLine>();
  for (const refund of refunds) {
    for (const line of refund.line_items) {
      const sum = sums.get(line.id) ?? { quantity: 0, total: toMoney(0), tax: toMoney(0) };
      sums.set(line.id, {
        quantity: sum.quantity + line.quantity,
        total: toMoney(sum.total + parseMoney(line.total, decimals)),
        tax: toMoney(sum.tax + parseMoney(line.total_tax, decimals)),
      });
    }
  }
  return sums;
}

/**
 * Builds the refund lines of a request. A line item refunded by quantity alone gets its share of
 * the line with core's rules. A line sent with `refund_total` is taken as sent, and so are
 * shipping and fee lines, which `wc_create_refund` accepts too. Every line is capped: its
 * quantity at the units sold less those refunded, and its amount at the line's total less what
 * earlier refunds took.
 */
export function buildRefundLines(
  order: StoredOrder,
  requests: readonly RefundRequest[],
  refunded: ReadonlyMap<number, RefundedFromLine>,
  orderId: number,
): OrderRefundLine[] {
  const orderLines = refundableLines(order);
  const lines: OrderRefundLine[] = [];
  for (const [index, request] of requests.entries()) {
    const line = orderLines.get(request.id);
    if (line === undefined) {
      throw invalidParamError(
        "line_items",
        `line_items[${index}][id]: order ${orderId} has no line item, shipping line or fee line ` +
          `${request.id}; send the id of one of its lines.`,
      );
    }
    if (lines.some((earlier) => earlier.key === String(request.id))) {
      throw invalidParamError(
        "line_items",
        `line_items[${index}][id]: line ${request.id} is named twice; send each line once.`,
      );
    }
    const before = refunded.get(request.id) ?? { quantity: 0, total: toMoney(0), tax: toMoney(0) };
    const refundLine = buildRefundLine(order, line, request, before, orderId);
    assertWithinLine(order, line, refundLine, before);
    lines.push({ ...refundLine, kind: line.kind });
  }
  return lines;
}

function refundableLines(order: StoredOrder): Map<number, RefundableOrderLine> {
  const money = (text: string) => parseMoney(text, order.decimals);
  const lines = new Map<number, RefundableOrderLine>();
  for (const item of order.line_items) {
    lines.set(item.id, {
      kind: "line_item",
      quantity: item.quantity,
      total: money(item.total),
      tax: money(item.total_tax),
      lineItem: item,
    });
  }
  for (const shipping of order.shipping_lines) {
    const line = { quantity: 0, total: money(shipping.total), tax: money(shipping.total_tax) };
    lines.set(shipping.id, { kind: "shipping", ...line });
  }
  for (const fee of order.fee_lines) {
    const line = { quantity: 0, total: money(fee.total), tax: money(fee.total_tax) };
    lines.set(fee.id, { kind: "fee", ...line });
  }
  return lines;
}

function buildRefundLine(
  order: StoredOrder,
  line: RefundableOrderLine,
  request: RefundRequest,
  before: RefundedFromLine,
  orderId: number,
): RefundLine {
  const key = String(request.id);
  if (request.refund_total !== undefined) {
    const taxes = request.refund_tax.map((tax) => ({
      rateId: tax.id,
      total: parseRefundMoney(tax.refund_total, order.decimals, "refund_tax"),
    }));
    return {
      key,
      quantity: line.kind === "line_item" ? request.quantity : 0,
      refundTotal: parseRefundMoney(request.refund_total, order.decimals, "refund_total"),
      refundTax: sumMoney(taxes.map((tax) => tax.total)),
      taxes,
    };
  }
  if (line.lineItem === undefined) {
    throw invalidParamError(
      "line_items",
      `line_items: ${line.kind} line ${request.id} of order ${orderId} has no ` +
        "quantity to refund; send its refund_total.",
    );
  }

  const left = line.quantity - before.quantity;
  if (left <= 0) throw lineRefundError(`line ${request.id} is already fully refunded`);
  const refundable = new Map<string, RefundableLine>([
    [
      key,
      {
        quantity: line.quantity,
        refundedQuantity: before.quantity,
        totals: lineTotalsOf(line.lineItem, order.decimals),
      },
    ],
  ]);
  const result = refundByLines(refundable, [{ key, quantity: request.quantity }]);
  if (!result.ok) throw lineRefundError(result.message);
  return result.lines[0]!;
}

function assertWithinLine(
  order: StoredOrder,
  line: RefundableOrderLine,
  refund: RefundLine,
  before: RefundedFromLine,
): void {
  const show = (value: number) => formatMoney(toMoney(value), order.decimals);
  const label = `line ${refund.key}`;
  if (line.kind === "line_item" && refund.quantity > line.quantity - before.quantity) {
    throw lineRefundError(
      `refund quantity ${refund.quantity} on ${label} is more than the ` +
        `${line.quantity - before.quantity} units not yet refunded of ${line.quantity} sold`,
    );
  }
  if (refund.refundTotal < 0 || refund.refundTax < 0) {
    throw lineRefundError(`refund amounts on ${label} cannot be below 0`);
  }
  if (refund.refundTotal > line.total - before.total) {
    throw lineRefundError(
      `refund_total ${show(refund.refundTotal)} on ${label} is more than the ` +
        `${show(line.total - before.total)} left of its total ${show(line.total)}`,
    );
  }
  // The tax is not capped per line. A client that rounds each unit's tax can send a cent more
  // than the line's tax in all, as the recorded partial refund of WooCommerce 11 does when
  // repeated. The order total still caps it.
}

function lineRefundError(reason: string): WooError {
  return new WooError(400, refundErrorCode, "Invalid refund amount.", { reason });
}

/** Parses a refund amount sent as a decimal string or number, in the order's decimals. */
export function parseRefundMoney(text: string, decimals: number, field: string): Money {
  try {
    return parseMoney(text, decimals);
  } catch {
    throw invalidParamError(
      field,
      `${field} must be a decimal amount with at most ${decimals} decimals, got "${text}".`,
    );
  }
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
