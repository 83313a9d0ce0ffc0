import type { CartAdjustment, CartLine, StoredOrder } from "../db/stored-order.js";
import type { CartAction } from "./cart-action.js";

/** Maximum units on one line. A larger number is most likely a barcode typed into the field. */
export const maxLineQuantity = 9_999;

/** Raised when an action does not fit the order; the order stays as it was. */
export class CartActionError extends Error {
  override name = "CartActionError";
}

export interface ReduceContext {
  nowMs: number;
  newLineId: () => string;
}

/**
 * Applies one cashier action to an open order and returns the new order. It never changes
 * its input, and it rejects actions on completed orders and out-of-range values.
 */
export function reduceCart(order: StoredOrder, action: CartAction, context: ReduceContext) {
  if (order.status !== "pos-open") {
    throw new CartActionError(
      `order ${order.clientUuid} is ${order.status}; start a new sale to sell more`,
    );
  }

  const changed = applyAction(order, action, context);
  return { ...changed, updatedAtMs: context.nowMs };
}

function applyAction(order: StoredOrder, action: CartAction, context: ReduceContext): StoredOrder {
  switch (action.type) {
    case "addLine":
      return addLine(order, action, context);
    case "setQuantity":
      checkQuantity(action.quantity);
      return updateLine(order, action.lineId, () => ({ quantity: action.quantity }));
    case "setPrice":
      checkPrice(action.priceMinor);
      return updateLine(order, action.lineId, () => ({ priceOverrideMinor: action.priceMinor }));
    case "setLineDiscount":
      checkBasisPoints(action.discountBasisPoints, "line discount");
      return updateLine(order, action.lineId, () => ({
        discountBasisPoints: action.discountBasisPoints,
      }));
    case "removeLine":
      findLine(order, action.lineId);
      return { ...order, lines: order.lines.filter((line) => line.lineId !== action.lineId) };
    case "setAdjustment":
      if (action.adjustment) checkAdjustment(action.adjustment);
      return { ...order, adjustment: action.adjustment };
    case "setCustomer":
      return { ...order, customer: action.customer };
    case "addCoupon":
      return addCoupon(order, action.code, action.toBeConfirmed);
    case "removeCoupon":
      return {
        ...order,
        coupons: order.coupons.filter((coupon) => coupon.code !== normalizeCouponCode(action.code)),
      };
  }
}

/** Returns a coupon code as WooCommerce stores it: trimmed and in lower case. */
export function normalizeCouponCode(code: string): string {
  return code.trim().toLowerCase();
}

function addCoupon(order: StoredOrder, typed: string, toBeConfirmed: boolean): StoredOrder {
  const code = normalizeCouponCode(typed);
  if (!code) throw new CartActionError("the coupon code is empty: type or scan a code");
  if (order.coupons.some((coupon) => coupon.code === code)) {
    throw new CartActionError(`coupon "${code}" is already applied to this order`);
  }
  return { ...order, coupons: [...order.coupons, { code, toBeConfirmed }] };
}

/** Adds a line, or raises the quantity of an identical line (same item, price and discount). */
function addLine(
  order: StoredOrder,
  action: Extract<CartAction, { type: "addLine" }>,
  context: ReduceContext,
): StoredOrder {
  const quantity = action.quantity ?? 1;
  checkQuantity(quantity);

  const same = order.lines.find(
    (line) =>
      line.productId === action.line.productId &&
      line.variationId === action.line.variationId &&
      line.priceOverrideMinor === action.line.priceOverrideMinor &&
      line.discountBasisPoints === action.line.discountBasisPoints,
  );
  if (same) {
    const total = same.quantity + quantity;
    checkQuantity(total);
    return updateLine(order, same.lineId, () => ({ quantity: total }));
  }

  const line: CartLine = { ...action.line, lineId: context.newLineId(), quantity };
  return { ...order, lines: [...order.lines, line] };
}

function updateLine(
  order: StoredOrder,
  lineId: string,
  change: (line: CartLine) => Partial<CartLine>,
): StoredOrder {
  const target = findLine(order, lineId);
  const lines = order.lines.map((line) => (line === target ? { ...line, ...change(line) } : line));
  return { ...order, lines };
}

function findLine(order: StoredOrder, lineId: string): CartLine {
  const line = order.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) {
    throw new CartActionError(`line ${lineId} is not in order ${order.clientUuid}; reload it`);
  }
  return line;
}

function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxLineQuantity) {
    throw new CartActionError(
      `quantity ${quantity} is invalid: enter a whole number from 1 to ${maxLineQuantity}, ` +
        `or remove the line`,
    );
  }
}

function checkPrice(priceMinor: number | null): void {
  if (priceMinor === null) return;
  if (!Number.isInteger(priceMinor) || priceMinor < 0) {
    throw new CartActionError(`price ${priceMinor} is invalid: enter an amount of 0 or more`);
  }
}

function checkAdjustment(adjustment: CartAdjustment): void {
  if (adjustment.basis === "percent" && adjustment.kind === "fee") {
    throw new CartActionError("a fee is an amount, not a percentage: enter the fee's amount");
  }
  if (adjustment.basis === "percent") checkBasisPoints(adjustment.value, "cart discount");
  if (!Number.isSafeInteger(adjustment.value) || adjustment.value < 0) {
    throw new CartActionError(
      `cart ${adjustment.kind} of ${adjustment.value} is invalid: enter an amount of 0 or more`,
    );
  }
}

function checkBasisPoints(basisPoints: number, what: string): void {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new CartActionError(
      `${what} of ${basisPoints / 100} % is invalid: enter a percentage from 0 to 100`,
    );
  }
}
