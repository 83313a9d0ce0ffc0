import { z } from "zod";
import { appendLog, type SalesDb } from "../db/sales-db.js";
import { cashierRecordSchema, type CashierRecord } from "./cashier-record.js";

const cashiersKey = "cashiers";
const lockoutsKey = "cashier-lockouts";

const storedCashiersSchema = z.object({
  version: z.literal(1),
  maxFailures: z.number().int().positive(),
  records: z.array(cashierRecordSchema),
  syncedAtMs: z.number(),
});

/** This device's count of wrong PINs for one user, kept offline. */
const lockoutSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAtMs: z.number(),
  lockedAtMs: z.number().nullable(),
  /** Set when a manager unlocked the user on this device; overrides a server lock seen before. */
  unlockedAtMs: z.number().nullable(),
});

export type Lockout = z.infer<typeof lockoutSchema>;

const lockoutsSchema = z.record(z.string(), lockoutSchema);

export interface StoredCashiers {
  maxFailures: number;
  records: CashierRecord[];
  syncedAtMs: number;
}

/**
 * Stores the staff list from the server. A local lockout older than the server's last PIN change
 * or unlock is dropped, because a manager acted on it there.
 */
export async function saveCashiers(
  db: SalesDb,
  cashiers: { maxFailures: number; records: CashierRecord[] },
  nowMs: number,
): Promise<void> {
  await db.transaction("rw", db.settings, async () => {
    const value = { version: 1, ...cashiers, syncedAtMs: nowMs };
    await db.settings.put({ key: cashiersKey, value });
    const lockouts = await loadLockouts(db);
    for (const record of cashiers.records) {
      const lockout = lockouts[record.id];
      const changedAtMs = record.updated_gmt === null ? 0 : Date.parse(`${record.updated_gmt}Z`);
      if (lockout && changedAtMs > Math.max(lockout.lastFailureAtMs, lockout.lockedAtMs ?? 0)) {
        delete lockouts[record.id];
      }
    }
    await db.settings.put({ key: lockoutsKey, value: lockouts });
  });
}

/** Reads the stored staff list; null before the first sync or when the row is unreadable. */
export async function loadCashiers(db: SalesDb): Promise<StoredCashiers | null> {
  const row = await db.settings.get(cashiersKey);
  if (row === undefined) return null;
  const parsed = storedCashiersSchema.safeParse(row.value);
  if (parsed.success) return parsed.data;
  await appendLog(db, {
    atMs: Date.now(),
    level: "warn",
    message: `stored staff list is invalid and was ignored until the next sync: ${parsed.error.message}`,
  });
  return null;
}

export async function loadLockouts(db: SalesDb): Promise<Record<string, Lockout>> {
  const parsed = lockoutsSchema.safeParse((await db.settings.get(lockoutsKey))?.value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Applies `change` to one user's lockout in a single transaction and returns the result. */
export async function updateLockout(
  db: SalesDb,
  userId: number,
  change: (current: Lockout | undefined) => Lockout,
): Promise<Lockout> {
  return db.transaction("rw", db.settings, async () => {
    const lockouts = await loadLockouts(db);
    const next = change(lockouts[userId]);
    await db.settings.put({ key: lockoutsKey, value: { ...lockouts, [userId]: next } });
    return next;
  });
}

/**
 * Tells whether a user may not switch in: locked on this device, or locked on the store (by another
 * till's report too) until a time after `nowMs` and not unlocked here since that lock began.
 */
export function isLocked(
  record: CashierRecord,
  lockout: Lockout | undefined,
  nowMs: number,
): boolean {
  if (lockout?.lockedAtMs != null) return true;
  if (!record.locked) return false;

  const untilMs = gmtMs(record.locked_until_gmt);
  if (untilMs !== null && untilMs <= nowMs) return false;
  const unlockedAtMs = lockout?.unlockedAtMs ?? null;
  if (unlockedAtMs === null) return true;
  const lockedMs = gmtMs(record.locked_gmt);
  return lockedMs !== null && lockedMs > unlockedAtMs;
}

/** Reads the store's GMT text, which has no zone designator, as epoch milliseconds. */
function gmtMs(gmt: string | null | undefined): number | null {
  if (gmt === null || gmt === undefined) return null;
  const ms = Date.parse(`${gmt}Z`);
  return Number.isNaN(ms) ? null : ms;
}
