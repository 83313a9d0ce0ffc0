import type { SalesDb } from "../db/sales-db.js";
import type { CashierRecord } from "./cashier-record.js";
import {
  isLocked,
  loadCashiers,
  loadLockouts,
  updateLockout,
  type Lockout,
} from "./cashier-store.js";
import { setCurrentCashier } from "./current-cashier.js";
import { queuePinLockout } from "./pin-lockout-outbox.js";
import { verifyPin } from "./verify-pin.js";

export type PinCheck =
  | { kind: "accepted"; cashier: CashierRecord }
  | { kind: "wrong-pin"; attemptsLeft: number }
  | { kind: "locked"; cashier: CashierRecord }
  | { kind: "wait"; waitMs: number }
  | { kind: "no-pin" }
  | { kind: "unknown-user" };

/** The wait after the first wrong PIN; it doubles with each further one (1, 2, 4, 8 s). */
export const firstPinDelayMs = 1000;

/**
 * Switches the till to another cashier after checking their PIN on this device, offline too.
 * Wrong PINs slow further attempts and the last allowed one locks the user until a manager
 * unlocks them.
 */
export async function switchCashier(
  db: SalesDb,
  sessionUserId: number,
  userId: number,
  pin: string,
  nowMs: number,
): Promise<PinCheck> {
  const check = await checkPin(db, userId, pin, nowMs);
  if (check.kind === "accepted") {
    const { id, display_name: displayName } = check.cashier;
    await setCurrentCashier(db, { id, displayName, sessionUserId });
  }
  return check;
}

/**
 * Unlocks a locked user on this device when a manager or administrator enters their own PIN.
 * A wrong manager PIN counts against the manager like any other attempt.
 */
export async function unlockCashier(
  db: SalesDb,
  lockedUserId: number,
  managerId: number,
  managerPin: string,
  nowMs: number,
): Promise<PinCheck | { kind: "not-a-manager" }> {
  const stored = await loadCashiers(db);
  const manager = stored?.records.find((record) => record.id === managerId);
  if (manager === undefined) return { kind: "unknown-user" };
  if (manager.role === "cashier") return { kind: "not-a-manager" };

  const check = await checkPin(db, managerId, managerPin, nowMs);
  if (check.kind !== "accepted") return check;
  await updateLockout(db, lockedUserId, () => ({
    failures: 0,
    lastFailureAtMs: 0,
    lockedAtMs: null,
    unlockedAtMs: nowMs,
  }));
  return check;
}

async function checkPin(
  db: SalesDb,
  userId: number,
  pin: string,
  nowMs: number,
): Promise<PinCheck> {
  const stored = await loadCashiers(db);
  const record = stored?.records.find((candidate) => candidate.id === userId);
  if (stored === null || record === undefined) return { kind: "unknown-user" };
  if (record.pin === null) return { kind: "no-pin" };

  const lockout = (await loadLockouts(db))[userId];
  if (isLocked(record, lockout, nowMs)) return { kind: "locked", cashier: record };
  const waitMs = waitBeforeAttempt(lockout, nowMs);
  if (waitMs > 0) return { kind: "wait", waitMs };

  if (await verifyPin(pin, record.pin)) {
    await updateLockout(db, userId, (current) => ({
      failures: 0,
      lastFailureAtMs: 0,
      lockedAtMs: null,
      unlockedAtMs: current?.unlockedAtMs ?? null,
    }));
    return { kind: "accepted", cashier: record };
  }
  const next = await countWrongPin(db, userId, stored.maxFailures, nowMs);
  if (next.lockedAtMs !== null) return { kind: "locked", cashier: record };
  return { kind: "wrong-pin", attemptsLeft: stored.maxFailures - next.failures };
}

/**
 * Counts a wrong PIN. The one that locks the user also queues the lockout for the store in the
 * same transaction, so other registers learn of it once this till reaches the store.
 */
async function countWrongPin(
  db: SalesDb,
  userId: number,
  maxFailures: number,
  nowMs: number,
): Promise<Lockout> {
  return db.transaction("rw", db.settings, db.outbox, async () => {
    const next = await updateLockout(db, userId, (current) => {
      const failures = (current?.failures ?? 0) + 1;
      const lockedAtMs = failures >= maxFailures ? nowMs : null;
      return { failures, lastFailureAtMs: nowMs, lockedAtMs, unlockedAtMs: null };
    });
    if (next.lockedAtMs !== null) {
      await queuePinLockout(db, { userId, lockedAtMs: next.lockedAtMs });
    }
    return next;
  });
}

function waitBeforeAttempt(lockout: Lockout | undefined, nowMs: number): number {
  if (lockout === undefined || lockout.failures === 0) return 0;
  const delayMs = firstPinDelayMs * 2 ** (lockout.failures - 1);
  return Math.max(0, lockout.lastFailureAtMs + delayMs - nowMs);
}
