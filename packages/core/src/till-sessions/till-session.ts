import { assertDecimals, formatMoney } from "../money.js";
import type { Money } from "../money.js";
import type { ReportCurrency } from "../reports/sales-report.js";

/**
 * A till session: one cashier's shift on one register, from the float counted into the drawer to
 * the cash counted out of it. Sessions are values: each step returns a new session, and the
 * caller stores it.
 */
export interface TillSession {
  id: string;
  registerId: string;
  cashierId: number;
  currency: ReportCurrency;
  /** ISO 8601 instant in UTC. */
  openedAtGmt: string;
  /** Cash counted into the drawer at the start. */
  openingFloat: Money;
  movements: readonly CashMovement[];
  /** Null while the session is open. */
  closedAtGmt: string | null;
  /** Cash counted in the drawer at close, or null while open. */
  countedCash: Money | null;
}

/** Cash put into the drawer ("in") or taken out ("out") other than by a sale or a refund. */
export interface CashMovement {
  kind: "in" | "out";
  /** Amount above zero, with `kind` giving the direction. */
  amount: Money;
  /** Reason the cash moved, such as "bank deposit" or "change from the safe". */
  reason: string;
  atGmt: string;
  cashierId: number;
}

export interface OpenTillSessionInput {
  /** A new unique id such as a UUID, made by the caller so that randomness stays injectable. */
  id: string;
  registerId: string;
  cashierId: number;
  currency: ReportCurrency;
  openingFloat: Money;
}

/** Opens a till session at `now` with the counted opening float. */
export function openTillSession(input: OpenTillSessionInput, now: Date): TillSession {
  assertDecimals(input.currency.decimals);
  requireText(input.id, "till session id");
  requireText(input.registerId, "register id");
  assertCountedCash(input.openingFloat, "opening float", input.currency.decimals);
  return {
    id: input.id,
    registerId: input.registerId,
    cashierId: input.cashierId,
    currency: { ...input.currency },
    openedAtGmt: instantText(now),
    openingFloat: input.openingFloat,
    movements: [],
    closedAtGmt: null,
    countedCash: null,
  };
}

/** Rejects an amount of counted cash that is not a whole number of minor units of at least 0. */
export function assertCountedCash(amount: Money, fieldName: string, decimals: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    const formatted = Number.isSafeInteger(amount) ? formatMoney(amount, decimals) : String(amount);
    throw new RangeError(
      `invalid ${fieldName} ${formatted}: counted cash must be a whole number of minor units, 0 or more`,
    );
  }
}

/** Rejects a step on a closed session, naming the step and when the session closed. */
export function assertOpen(session: TillSession, step: string): void {
  if (session.closedAtGmt !== null) {
    throw new Error(
      `cannot ${step}: till session ${session.id} on register ${session.registerId} was closed ` +
        `at ${session.closedAtGmt}, so open a new session first`,
    );
  }
}

/**
 * Returns `now` as an ISO string, rejecting an invalid date and, when `notBefore` is given, an
 * instant before it (a device clock that went back).
 */
export function instantText(now: Date, notBefore?: string): string {
  if (Number.isNaN(now.getTime())) {
    throw new RangeError("invalid time: expected a valid Date for now");
  }
  const text = now.toISOString();
  if (notBefore !== undefined && Date.parse(text) < Date.parse(notBefore)) {
    throw new RangeError(
      `invalid time ${text}: it is before ${notBefore}, the session's last step, so check the device clock`,
    );
  }
  return text;
}

function requireText(value: string, fieldName: string): void {
  if (value.trim() === "")
    throw new RangeError(`missing ${fieldName}: expected a non-empty string`);
}
