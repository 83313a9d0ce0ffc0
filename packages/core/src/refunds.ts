import { formatMoney, toMoney } from "./money.js";
import type { Money } from "./money.js";
import type { LineTotals } from "./totals/order-totals.js";

/** The error code WooCommerce's REST API returns for a refund it cannot create. */
export const refundErrorCode = "woocommerce_rest_cannot_create_order_refund";

export type RefundRejection = { ok: false; code: typeof refundErrorCode; message: string };
export type RefundValidation = { ok: true } | RefundRejection;

/** Returns what is left to refund: the order total less every refund so far, at least zero. */
export function remainingRefundable(orderTotal: Money, refunded: readonly Money[]): Money {
  const remaining = refunded.reduce<number>((left, amount) => left - amount, orderTotal);
  return toMoney(Math.max(0, remaining));
}

/**
 * Checks a refund amount as WooCommerce's `wc_create_refund` does: below zero, or above the order
 * total less what was already refunded, is rejected ("Invalid refund amount.").
 */
export function validateRefundAmount(
  amount: Money,
  orderTotal: Money,
  refunded: readonly Money[],
  decimals: number,
): RefundValidation {
  const show = (value: number): string => formatMoney(toMoney(value), decimals);
  if (amount < 0) {
    return reject(`invalid refund amount ${show(amount)}: a refund cannot be below 0`);
  }

  const remaining = remainingRefundable(orderTotal, refunded);
  if (amount > remaining) {
    const already = refunded.reduce<number>((total, value) => total + value, 0);
    return reject(
      `invalid refund amount ${show(amount)}: the order total is ${show(orderTotal)} and ` +
        `${show(already)} is already refunded, so at most ${show(remaining)} can be refunded`,
    );
  }
  return { ok: true };
}

/** An order line that can be refunded, with the quantity already refunded. */
export interface RefundableLine {
  quantity: number;
  refundedQuantity: number;
  totals: LineTotals;
}

export interface RefundLineRequest {
  key: string;
  quantity: number;
}

export interface RefundLine {
  key: string;
  quantity: number;
  /** Ex-tax amount refunded on the line. */
  refundTotal: Money;
  refundTax: Money;
  taxes: { rateId: number; total: Money }[];
}

export type LineRefund = { ok: true; lines: RefundLine[]; amount: Money } | RefundRejection;

/**
 * Works out a refund by line and quantity. Each line refunds its share of its total and of each
 * tax, rounded half up. The last remaining units take whatever is left of the line, so a line
 * refunded in parts adds up to exactly what it cost.
 */
export function refundByLines(
  lines: ReadonlyMap<string, RefundableLine>,
  requests: readonly RefundLineRequest[],
): LineRefund {
  const refundLines: RefundLine[] = [];
  for (const request of requests) {
    const line = lines.get(request.key);
    if (line === undefined) return reject(`refund names unknown line "${request.key}"`);

    const left = line.quantity - line.refundedQuantity;
    if (
      !Number.isSafeInteger(request.quantity) ||
      request.quantity <= 0 ||
      request.quantity > left
    ) {
      return reject(
        `invalid refund quantity ${request.quantity} on line "${request.key}": expected 1 to ${left}`,
      );
    }
    refundLines.push(refundLine(request, line));
  }

  const amount = refundLines.reduce((total, line) => total + line.refundTotal + line.refundTax, 0);
  return { ok: true, lines: refundLines, amount: toMoney(amount) };
}

function refundLine(request: RefundLineRequest, line: RefundableLine): RefundLine {
  const remainingUnits = line.quantity - line.refundedQuantity;
  const share = (amount: Money): Money => {
    // The last units take whatever the earlier partial refunds left, so the parts add up.
    const refundedSoFar = shareOf(amount, line.refundedQuantity, line.quantity);
    if (request.quantity === remainingUnits) return toMoney(amount - refundedSoFar);
    return toMoney(
      shareOf(amount, line.refundedQuantity + request.quantity, line.quantity) - refundedSoFar,
    );
  };

  const taxes = line.totals.taxes.map((tax) => ({ rateId: tax.rateId, total: share(tax.total) }));
  return {
    key: request.key,
    quantity: request.quantity,
    refundTotal: share(line.totals.total),
    refundTax: toMoney(taxes.reduce((total, tax) => total + tax.total, 0)),
    taxes,
  };
}

function shareOf(amount: number, units: number, quantity: number): number {
  const scaled = amount * units;
  const whole = Math.trunc(scaled / quantity);
  const remainder = Math.abs(scaled % quantity);
  return remainder * 2 >= quantity ? whole + Math.sign(scaled) : whole;
}

function reject(message: string): RefundRejection {
  return { ok: false, code: refundErrorCode, message };
}
