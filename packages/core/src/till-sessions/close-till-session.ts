import type { Money } from "../money.js";
import { lastStepAt } from "./record-cash-movement.js";
import { assertCountedCash, assertOpen, instantText } from "./till-session.js";
import type { TillSession } from "./till-session.js";

/** Closes a till session at `now` with the cash counted in the drawer. */
export function closeTillSession(session: TillSession, countedCash: Money, now: Date): TillSession {
  assertOpen(session, "close the session");
  assertCountedCash(countedCash, "counted cash", session.currency.decimals);
  return { ...session, closedAtGmt: instantText(now, lastStepAt(session)), countedCash };
}
