import { toMoney } from "../money.js";
import type { Money } from "../money.js";
import type { ReportOrder, ReportRefund } from "./report-order.js";
import type { SalesFigures } from "./sales-report.js";

/** Sums the headline figures of orders and of refunds dated in the same period. */
export function sumSalesFigures(
  orders: readonly ReportOrder[],
  refunds: readonly ReportRefund[],
): SalesFigures {
  const grossSales = sumOf(orders.map((order) => order.total));
  const tax = sumOf(orders.map((order) => order.totalTax));
  return {
    orders: orders.length,
    grossSales,
    netSales: toMoney(grossSales - tax),
    tax,
    itemsSold: orders
      .flatMap((order) => order.lineItems)
      .reduce((count, line) => count + line.quantity, 0),
    refunds: sumOf(refunds.map((refund) => refund.amount)),
  };
}

/** Divides gross sales by the number of orders, rounded half up, or 0 without orders. */
export function averageOrderValue(grossSales: Money, orders: number): Money {
  if (orders === 0) return toMoney(0);
  const quotient = Math.floor(grossSales / orders);
  const remainder = grossSales - quotient * orders;
  return toMoney(remainder * 2 >= orders ? quotient + 1 : quotient);
}

export function sumOf(amounts: readonly Money[]): Money {
  return toMoney(amounts.reduce<number>((total, amount) => total + amount, 0));
}
