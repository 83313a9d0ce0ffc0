import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { order, sampleOrders } from "../reports/report-test-orders.js";
import { closeTillSession } from "./close-till-session.js";
import { computeExpectedCash } from "./expected-cash.js";
import { recordCashMovement } from "./record-cash-movement.js";
import { openTillSession } from "./till-session.js";
import type { TillSession } from "./till-session.js";
import { computeZReport } from "./z-report.js";

const m = toMoney;
const at = (time: string): Date => new Date(`2026-03-10T${time}:00Z`);

function openedSession(): TillSession {
  return openTillSession(
    {
      id: "session-1",
      registerId: "R1",
      cashierId: 7,
      currency: { code: "USD", decimals: 2 },
      openingFloat: m(10000),
    },
    at("08:00"),
  );
}

function shiftSession(): TillSession {
  let session = openedSession();
  session = recordCashMovement(
    session,
    { kind: "in", amount: m(2000), reason: "change from the safe", cashierId: 7 },
    at("12:00"),
  );
  session = recordCashMovement(
    session,
    { kind: "out", amount: m(5000), reason: "bank deposit", cashierId: 7 },
    at("15:00"),
  );
  return closeTillSession(session, m(12500), at("18:00"));
}

// Register R1 from 08:00 to 18:00 on 10 March, with the sample orders (cents):
//
// | step                          | drawer |
// | opening float                 | 10000  |
// | cash in, change from the safe |  +2000 |
// | cash out, bank deposit        |  -5000 |
// | 1001 cash 4000, change 139    |  +3861 |
// | 1005 cash 2500, change 301    |  +2199 |
// | 1009 cash refund (paid at R1) |   -500 |
// | 1002 and 1006 paid by card    |      0 |
// | expected                      |  12560 |
// | counted                       |  12500 |
// | difference                    |    -60 (short)
describe("till session", () => {
  it("computes expected cash step by step", () => {
    expect(computeExpectedCash(shiftSession(), sampleOrders)).toEqual({
      openingFloat: 10000,
      cashIn: 2000,
      cashOut: 5000,
      cashTendered: 6500,
      changeGiven: 440,
      cashRefunds: 500,
      expected: 12560,
    });
  });

  it("builds a Z report with a shortfall", () => {
    const report = computeZReport(shiftSession(), sampleOrders);

    expect(report.sales).toBe(4);
    expect(report.grossSales).toBe(3861 + 1448 + 2199 + 4330);
    expect(report.tax).toBe(261 + 98 + 149 + 330);
    expect(report.payments.map((method) => [method.methodId, method.received])).toEqual([
      ["pos_card", 1448 + 4330],
      ["pos_cash", 3861 + 2199],
    ]);
    expect(report.refunds.count).toBe(2);
    expect(report.refunds.amount).toBe(2165 + 500);
    expect(report.refunds.tax).toBe(165);
    expect(report.movements.map((movement) => movement.reason)).toEqual([
      "change from the safe",
      "bank deposit",
    ]);
    expect(report.cash.expected).toBe(12560);
    expect(report.countedCash).toBe(12500);
    expect(report.difference).toBe(-60);
    expect(report.outcome).toBe("short");
  });

  it("reports a drawer that is over", () => {
    const session = closeTillSession(openedSession(), m(10025), at("09:00"));
    const report = computeZReport(session, sampleOrders);
    expect(report.cash.expected).toBe(10000);
    expect(report.difference).toBe(25);
    expect(report.outcome).toBe("over");
  });

  it("reads expected cash while open", () => {
    // An open session has no end yet, so 1010 (cash 700 on R1 at midnight) counts as well.
    const cashSoFar = computeExpectedCash(openedSession(), sampleOrders);
    expect(cashSoFar.expected).toBe(10000 + 3861 + 2199 - 500 + 700);
  });

  it("leaves out other registers and times", () => {
    const otherRegister = order({ number: "6001", registerId: "R2", total: m(900) });
    const afterClose = order({
      number: "6002",
      registerId: "R1",
      dateCreatedGmt: "2026-03-10T18:00:01",
      total: m(900),
    });
    const report = computeZReport(shiftSession(), [...sampleOrders, otherRegister, afterClose]);
    expect(report.sales).toBe(4);
  });
});

describe("till session checks", () => {
  it("rejects closing twice", () => {
    expect(() => closeTillSession(shiftSession(), m(0), at("19:00"))).toThrow(
      /cannot close the session: till session session-1 on register R1 was closed at 2026-03-10T18:00:00.000Z/,
    );
  });

  it("rejects cash in after closing", () => {
    expect(() =>
      recordCashMovement(
        shiftSession(),
        { kind: "in", amount: m(100), reason: "float top-up", cashierId: 7 },
        at("19:00"),
      ),
    ).toThrow(/cannot record cash in: till session session-1/);
  });

  it("requires a reason", () => {
    expect(() =>
      recordCashMovement(
        openedSession(),
        { kind: "out", amount: m(100), reason: "  ", cashierId: 7 },
        at("09:00"),
      ),
    ).toThrow(/missing reason for cash out/);
  });

  it.each([0, -100, 1.5])("rejects a movement of %d", (amount) => {
    expect(() =>
      recordCashMovement(
        openedSession(),
        { kind: "in", amount: amount as ReturnType<typeof m>, reason: "top-up", cashierId: 7 },
        at("09:00"),
      ),
    ).toThrow(/invalid cash in amount/);
  });

  it("rejects a negative count", () => {
    expect(() => closeTillSession(openedSession(), m(-1), at("09:00"))).toThrow(
      /invalid counted cash -0.01: counted cash must be a whole number of minor units, 0 or more/,
    );
  });

  it("rejects a negative float", () => {
    expect(() =>
      openTillSession(
        {
          id: "session-2",
          registerId: "R1",
          cashierId: 7,
          currency: { code: "USD", decimals: 2 },
          openingFloat: m(-500),
        },
        at("08:00"),
      ),
    ).toThrow(/invalid opening float -5.00/);
  });

  it("rejects a clock that went back", () => {
    expect(() => closeTillSession(openedSession(), m(0), at("07:59"))).toThrow(
      /invalid time 2026-03-10T07:59:00.000Z: it is before 2026-03-10T08:00:00.000Z/,
    );
  });

  it("refuses a Z report while open", () => {
    expect(() => computeZReport(openedSession(), sampleOrders)).toThrow(
      /cannot print a Z report: till session session-1 on register R1 is still open/,
    );
  });

  it("rejects orders in another currency", () => {
    const euros = order({ number: "6003", registerId: "R1", currency: "EUR", total: m(100) });
    expect(() => computeExpectedCash(openedSession(), [euros])).toThrow(
      /order 6003 is in EUR \(2 decimals\) but the store currency is in USD/,
    );
  });

  it("leaves the session unchanged on a rejected step", () => {
    const session = openedSession();
    const before = JSON.stringify(session);
    expect(() => closeTillSession(session, m(-1), at("09:00"))).toThrow();
    expect(JSON.stringify(session)).toBe(before);
  });
});
