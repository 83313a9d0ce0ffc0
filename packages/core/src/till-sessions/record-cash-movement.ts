import { formatMoney } from "../money.js";
import type { Money } from "../money.js";
import { assertOpen, instantText } from "./till-session.js";
import type { CashMovement, TillSession } from "./till-session.js";

export interface CashMovementInput {
  kind: "in" | "out";
  amount: Money;
  reason: string;
  cashierId: number;
}

/** Records cash put into or taken out of the drawer at `now`, with the reason required. */
export function recordCashMovement(
  session: TillSession,
  input: CashMovementInput,
  now: Date,
): TillSession {
  assertOpen(session, `record cash ${input.kind}`);
  if (input.kind !== "in" && input.kind !== "out") {
    throw new RangeError(
      `invalid cash movement kind "${String(input.kind)}": expected "in" or "out"`,
    );
  }
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    const formatted = Number.isSafeInteger(input.amount)
      ? formatMoney(input.amount, session.currency.decimals)
      : String(input.amount);
    throw new RangeError(
      `invalid cash ${input.kind} amount ${formatted}: expected more than 0 in minor units`,
    );
  }
  const reason = input.reason.trim();
  if (reason === "") {
    throw new RangeError(`missing reason for cash ${input.kind}: say why the cash moved`);
  }

  const movement: CashMovement = {
    kind: input.kind,
    amount: input.amount,
    reason,
    atGmt: instantText(now, lastStepAt(session)),
    cashierId: input.cashierId,
  };
  return { ...session, movements: [...session.movements, movement] };
}

/** Returns when the session last changed: its last movement, else its opening. */
export function lastStepAt(session: TillSession): string {
  return session.movements.at(-1)?.atGmt ?? session.openedAtGmt;
}
