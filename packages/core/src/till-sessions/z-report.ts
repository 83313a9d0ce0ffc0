import { toMoney } from "../money.js";
import type { Money } from "../money.js";
import type { ReportOrder } from "../reports/report-order.js";
import { sumOf } from "../reports/sales-figures.js";
import type {
  PaymentMethodTotal,
  RefundMethodTotal,
  ReportCurrency,
  TaxRateTotal,
} from "../reports/sales-report.js";
import { totalTaxByRate } from "../reports/tax-rate-totals.js";
import { totalRefundsByMethod, totalTendersByMethod } from "../reports/tender-totals.js";
import { computeExpectedCash, defaultCashMethodIds } from "./expected-cash.js";
import type { ExpectedCash } from "./expected-cash.js";
import { selectSessionOrders } from "./session-orders.js";
import type { CashMovement, TillSession } from "./till-session.js";

/** The end-of-shift report of a closed till session. */
export interface ZReport {
  sessionId: string;
  registerId: string;
  cashierId: number;
  currency: ReportCurrency;
  openedAtGmt: string;
  closedAtGmt: string;
  /** Number of sales (orders) in the session. */
  sales: number;
  grossSales: Money;
  tax: Money;
  taxByRate: readonly TaxRateTotal[];
  payments: readonly PaymentMethodTotal[];
  refunds: { count: number; amount: Money; tax: Money; byMethod: readonly RefundMethodTotal[] };
  movements: readonly CashMovement[];
  cash: ExpectedCash;
  countedCash: Money;
  /** `countedCash - cash.expected`: above 0 the drawer is over, below 0 it is short. */
  difference: Money;
  outcome: "over" | "short" | "exact";
}

/** Builds the Z report of a closed session from the orders stored for its register. */
export function computeZReport(
  session: TillSession,
  orders: readonly ReportOrder[],
  cashMethodIds: readonly string[] = defaultCashMethodIds,
): ZReport {
  if (session.closedAtGmt === null || session.countedCash === null) {
    throw new Error(
      `cannot print a Z report: till session ${session.id} on register ${session.registerId} ` +
        `is still open, so close it with the counted cash first`,
    );
  }
  const { sales, refunds } = selectSessionOrders(session, orders);
  const cash = computeExpectedCash(session, orders, cashMethodIds);
  const difference = toMoney(session.countedCash - cash.expected);

  return {
    sessionId: session.id,
    registerId: session.registerId,
    cashierId: session.cashierId,
    currency: session.currency,
    openedAtGmt: session.openedAtGmt,
    closedAtGmt: session.closedAtGmt,
    sales: sales.length,
    grossSales: sumOf(sales.map((order) => order.total)),
    tax: sumOf(sales.map((order) => order.totalTax)),
    taxByRate: totalTaxByRate(sales),
    payments: totalTendersByMethod(sales),
    refunds: {
      count: refunds.length,
      amount: sumOf(refunds.map((refund) => refund.amount)),
      tax: sumOf(refunds.map((refund) => refund.tax)),
      byMethod: totalRefundsByMethod(refunds),
    },
    movements: session.movements,
    cash,
    countedCash: session.countedCash,
    difference,
    outcome: outcomeOf(difference),
  };
}

function outcomeOf(difference: Money): ZReport["outcome"] {
  if (difference > 0) return "over";
  if (difference < 0) return "short";
  return "exact";
}
