import { toMoney } from "../money.js";
import type { Money } from "../money.js";
import type { ReportOrder } from "../reports/report-order.js";
import { sumOf } from "../reports/sales-figures.js";
import { selectSessionOrders } from "./session-orders.js";
import type { TillSession } from "./till-session.js";

/** Payment method ids that put cash in the drawer unless the caller names others. */
export const defaultCashMethodIds: readonly string[] = ["pos_cash"];

/** The cash a drawer should hold, part by part. */
export interface ExpectedCash {
  openingFloat: Money;
  cashIn: Money;
  cashOut: Money;
  /** Amounts handed over in cash tenders, before change. */
  cashTendered: Money;
  /** Change given back on every tender, cash back on a card included, since the drawer pays it. */
  changeGiven: Money;
  cashRefunds: Money;
  /** `openingFloat + cashIn - cashOut + cashTendered - changeGiven - cashRefunds`. */
  expected: Money;
}

/**
 * Computes the cash a session's drawer should hold from its float, movements, sales and refunds.
 * Works on an open session too, for a mid-shift reading.
 */
export function computeExpectedCash(
  session: TillSession,
  orders: readonly ReportOrder[],
  cashMethodIds: readonly string[] = defaultCashMethodIds,
): ExpectedCash {
  const { sales, refunds } = selectSessionOrders(session, orders);
  const tenders = sales.flatMap((order) => order.tenders);
  const movementTotal = (kind: "in" | "out"): Money =>
    sumOf(session.movements.filter((entry) => entry.kind === kind).map((entry) => entry.amount));

  const parts = {
    openingFloat: session.openingFloat,
    cashIn: movementTotal("in"),
    cashOut: movementTotal("out"),
    cashTendered: sumOf(
      tenders.filter((tender) => cashMethodIds.includes(tender.methodId)).map((t) => t.amount),
    ),
    changeGiven: sumOf(tenders.map((tender) => tender.change)),
    cashRefunds: sumOf(
      refunds.filter((refund) => cashMethodIds.includes(refund.methodId)).map((r) => r.amount),
    ),
  };
  const expected =
    parts.openingFloat +
    parts.cashIn -
    parts.cashOut +
    parts.cashTendered -
    parts.changeGiven -
    parts.cashRefunds;
  return { ...parts, expected: toMoney(expected) };
}
