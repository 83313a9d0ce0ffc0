import { toMoney } from "../money.js";
import { cartDiscountName } from "../totals/cart-discounts.js";
import type { ReportOrder } from "./report-order.js";
import type { AmountWithTax, DiscountTotals } from "./sales-report.js";

/**
 * Sums discounts by kind, as positive amounts: coupons (`discount_total`, `discount_tax`), the
 * till's line discounts, and cart discounts (negative fee lines named "Cart discount").
 */
export function totalDiscounts(orders: readonly ReportOrder[]): DiscountTotals {
  const coupons = orders.map((order) => pair(order.discountTotal, order.discountTax));
  const lineDiscounts = orders.map((order) =>
    pair(
      sum(order.lineItems.map((line) => line.lineDiscount)),
      sum(order.lineItems.map((line) => line.lineDiscountTax)),
    ),
  );
  const cartDiscounts = orders.map((order) => {
    const fees = order.feeLines.filter((fee) => isCartDiscount(fee.name, fee.total));
    return pair(-sum(fees.map((fee) => fee.total)), -sum(fees.map((fee) => fee.totalTax)));
  });
  return {
    coupons: addUp(coupons),
    lineDiscounts: addUp(lineDiscounts),
    cartDiscounts: addUp(cartDiscounts),
  };
}

/** Tells whether a fee line is a cart discount: below zero, with the name the till gives it. */
export function isCartDiscount(name: string, total: number): boolean {
  return name === cartDiscountName && total < 0;
}

function pair(amount: number, tax: number): [number, number] {
  return [amount, tax];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function addUp(pairs: readonly [number, number][]): AmountWithTax {
  const used = pairs.filter(([amount, tax]) => amount !== 0 || tax !== 0);
  return {
    count: used.length,
    amount: toMoney(sum(used.map(([amount]) => amount))),
    tax: toMoney(sum(used.map(([, tax]) => tax))),
  };
}
