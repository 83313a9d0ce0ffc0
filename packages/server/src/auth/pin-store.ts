import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { toGmtDateString } from "../time/wp-date.js";
import { hashPin, pinAlgorithm, pinMatches } from "./pin-hash.js";
import type { PinHash } from "./pin-hash.js";
import { withDeviceSessionTables } from "./device-session-schema.js";

type Db = Kysely<DatabaseSchema>;

/** Wrong PINs in a row after which a user is locked until a manager unlocks them. */
export const maxPinFailures = 5;

// NOTE: a chosen length, not a measured one. It is long enough that guessing a PIN on register
// after register gains little, and short enough that a shift without a manager can carry on.
/** How long a lockout that a till reports lasts unless a manager unlocks the user first. */
export const reportedPinLockoutMs = 30 * 60_000;

/** A staff member as the till's cashier switch reads them, with the PIN hash if one is set. */
export interface CashierRecord {
  id: number;
  username: string;
  display_name: string;
  role: string;
  pin: PinHash | null;
  failed_attempts: number;
  locked: boolean;
  /** When a manager last set or unlocked the PIN; a device drops older local lockouts. */
  updated_gmt: string | null;
  /** When the lockout in force began, or null while the user is not locked. */
  locked_gmt: string | null;
  /** When the lockout in force ends, or null for none or one that lasts until a manager unlocks. */
  locked_until_gmt: string | null;
  /**
   * The till that reported the lockout in force: the register's name (null for a till that sent none)
   * and the user signed in on it. Null when the server counted the lock or none is in force.
   */
  locked_by: { register_name: string | null; user_id: number; user_name: string | null } | null;
}

/** The till session that reported a lockout: its register and the user signed in there. */
export interface PinLockoutReporter {
  register: string;
  registerName: string | null;
  userId: number;
}

const noReporter = {
  locked_by_register: null,
  locked_by_register_name: null,
  locked_by_user_id: null,
} as const;

function reporterColumns(reporter: PinLockoutReporter) {
  return {
    locked_by_register: reporter.register,
    locked_by_register_name: reporter.registerName,
    locked_by_user_id: reporter.userId,
  };
}

/** Outcome of a lockout a till reported. */
export type PinLockoutReport =
  | { outcome: "locked"; lockedGmt: string; lockedUntilGmt: string | null }
  | { outcome: "expired" }
  | { outcome: "unlocked-since"; updatedGmt: string }
  | { outcome: "no-pin" };

export type PinAttempt =
  | { outcome: "accepted" }
  | { outcome: "rejected"; attemptsLeft: number }
  | { outcome: "locked" }
  | { outcome: "no-pin" };

/** Sets or replaces a user's PIN and clears any lockout. */
export async function setUserPin(
  db: Db,
  userId: number,
  pin: string,
  now: Date,
  iterations?: number,
): Promise<void> {
  const hashed = await hashPin(pin, iterations);
  const row = {
    ...hashed,
    failed_attempts: 0,
    locked: 0,
    updated_gmt: toGmtDateString(now),
    locked_gmt: null,
    locked_until_gmt: null,
    ...noReporter,
  };
  await withDeviceSessionTables(db)
    .insertInto("user_pins")
    .values({ user_id: userId, ...row })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(row))
    .execute();
}

/** Clears a user's failed attempts and lockout; false when the user has no PIN. */
export async function unlockUserPin(db: Db, userId: number, now: Date): Promise<boolean> {
  const result = await withDeviceSessionTables(db)
    .updateTable("user_pins")
    .set({
      failed_attempts: 0,
      locked: 0,
      updated_gmt: toGmtDateString(now),
      locked_gmt: null,
      locked_until_gmt: null,
      ...noReporter,
    })
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Checks a PIN and counts failures, so the 5th failure in a row locks the user until a manager
 * unlocks them. A lockout reported by a till locks the user until it ends.
 */
export async function attemptUserPin(
  db: Db,
  userId: number,
  pin: string,
  now: Date = new Date(),
): Promise<PinAttempt> {
  const tables = withDeviceSessionTables(db);
  const row = await tables
    .selectFrom("user_pins")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (row === undefined) return { outcome: "no-pin" };
  if (lockInForce(row, now)) return { outcome: "locked" };
  // A reported lockout that ran out starts the count again.
  const failedBefore = row.locked === 1 ? 0 : row.failed_attempts;

  if (await pinMatches(pin, toPinHash(row))) {
    await tables
      .updateTable("user_pins")
      .set({
        failed_attempts: 0,
        locked: 0,
        locked_gmt: null,
        locked_until_gmt: null,
        ...noReporter,
      })
      .where("user_id", "=", userId)
      .execute();
    return { outcome: "accepted" };
  }

  const failures = failedBefore + 1;
  const locked = failures >= maxPinFailures;
  await tables
    .updateTable("user_pins")
    .set({
      failed_attempts: failures,
      locked: locked ? 1 : 0,
      locked_gmt: locked ? toGmtDateString(now) : null,
      locked_until_gmt: null,
      ...noReporter,
    })
    .where("user_id", "=", userId)
    .execute();
  return locked
    ? { outcome: "locked" }
    : { outcome: "rejected", attemptsLeft: maxPinFailures - failures };
}

/**
 * Lists every staff user with their PIN hash, for the till's offline cashier switch. A reported
 * lockout that ended before `now` is listed as unlocked.
 */
export async function listCashierRecords(db: Db, now: Date = new Date()): Promise<CashierRecord[]> {
  const rows = await withDeviceSessionTables(db)
    .selectFrom("users")
    .leftJoin("user_pins", "user_pins.user_id", "users.id")
    .leftJoin("users as reporters", "reporters.id", "user_pins.locked_by_user_id")
    .select([
      "user_pins.locked_by_register_name",
      "user_pins.locked_by_user_id",
      "reporters.display_name as locked_by_user_name",
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "user_pins.algorithm",
      "user_pins.iterations",
      "user_pins.salt",
      "user_pins.hash",
      "user_pins.failed_attempts",
      "user_pins.locked",
      "user_pins.updated_gmt",
      "user_pins.locked_gmt",
      "user_pins.locked_until_gmt",
    ])
    .orderBy("users.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    display_name: row.display_name,
    role: row.role,
    pin:
      row.hash === null || row.salt === null || row.iterations === null
        ? null
        : toPinHash({
            algorithm: row.algorithm ?? pinAlgorithm,
            iterations: row.iterations,
            salt: row.salt,
            hash: row.hash,
          }),
    ...lockFields(row, now),
    updated_gmt: row.updated_gmt ?? null,
  }));
}

function lockFields(
  row: {
    failed_attempts: number | null;
    locked: number | null;
    locked_gmt: string | null;
    locked_until_gmt: string | null;
    locked_by_register_name: string | null;
    locked_by_user_id: number | null;
    locked_by_user_name: string | null;
  },
  now: Date,
) {
  if (!lockInForce(row, now)) {
    const failures = row.locked === 1 ? 0 : (row.failed_attempts ?? 0);
    return {
      failed_attempts: failures,
      locked: false,
      locked_gmt: null,
      locked_until_gmt: null,
      locked_by: null,
    };
  }
  return {
    failed_attempts: row.failed_attempts ?? 0,
    locked: true,
    locked_gmt: row.locked_gmt,
    locked_until_gmt: row.locked_until_gmt,
    locked_by:
      row.locked_by_user_id === null
        ? null
        : {
            register_name: row.locked_by_register_name,
            user_id: row.locked_by_user_id,
            user_name: row.locked_by_user_name,
          },
  };
}

/** Tells whether a lock is on and has not run out by `now`. */
function lockInForce(
  row: { locked: number | null; locked_until_gmt: string | null },
  now: Date,
): boolean {
  if (row.locked !== 1) return false;
  return row.locked_until_gmt === null || row.locked_until_gmt > toGmtDateString(now);
}

/**
 * Records a lockout a till counted offline, so every till and the server refuse the user's PIN
 * until a manager unlocks them or `reportedPinLockoutMs` after the lockout began. A till clock
 * ahead of the server's is taken as the server's now. Nothing changes when the lockout has
 * already ended, or when a manager set or unlocked the PIN after it began.
 */
export async function recordPinLockout(
  db: Db,
  userId: number,
  lockedAt: Date,
  now: Date,
  reporter: PinLockoutReporter,
): Promise<PinLockoutReport> {
  const tables = withDeviceSessionTables(db);
  const row = await tables
    .selectFrom("user_pins")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (row === undefined) return { outcome: "no-pin" };

  const start = new Date(Math.min(lockedAt.getTime(), now.getTime()));
  const lockedGmt = toGmtDateString(start);
  const untilGmt = toGmtDateString(new Date(start.getTime() + reportedPinLockoutMs));
  if (untilGmt <= toGmtDateString(now)) return { outcome: "expired" };
  if (row.updated_gmt >= lockedGmt) {
    return { outcome: "unlocked-since", updatedGmt: row.updated_gmt };
  }
  if (lockInForce(row, now)) {
    return laterLock(tables, row, { lockedGmt, untilGmt, reporter });
  }

  await tables
    .updateTable("user_pins")
    .set({
      locked: 1,
      locked_gmt: lockedGmt,
      locked_until_gmt: untilGmt,
      ...reporterColumns(reporter),
    })
    .where("user_id", "=", userId)
    .execute();
  return { outcome: "locked", lockedGmt, lockedUntilGmt: untilGmt };
}

/** Extends a lock in force to the later end of the two. A lock without an end keeps none. */
async function laterLock(
  tables: ReturnType<typeof withDeviceSessionTables>,
  row: { user_id: number; locked_gmt: string | null; locked_until_gmt: string | null },
  reported: { lockedGmt: string; untilGmt: string; reporter: PinLockoutReporter },
): Promise<PinLockoutReport> {
  const lockedGmt = row.locked_gmt ?? reported.lockedGmt;
  if (row.locked_until_gmt === null) {
    return { outcome: "locked", lockedGmt, lockedUntilGmt: null };
  }
  const untilGmt =
    row.locked_until_gmt > reported.untilGmt ? row.locked_until_gmt : reported.untilGmt;
  await tables
    .updateTable("user_pins")
    .set({
      locked_until_gmt: untilGmt,
      locked_gmt: lockedGmt,
      ...reporterColumns(reported.reporter),
    })
    .where("user_id", "=", row.user_id)
    .execute();
  return { outcome: "locked", lockedGmt, lockedUntilGmt: untilGmt };
}

function toPinHash(row: {
  algorithm: string;
  iterations: number;
  salt: string;
  hash: string;
}): PinHash {
  if (row.algorithm !== pinAlgorithm) {
    throw new Error(`stored PIN uses unknown algorithm "${row.algorithm}"; set the PIN again`);
  }
  return { algorithm: pinAlgorithm, iterations: row.iterations, salt: row.salt, hash: row.hash };
}
