import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { toGmtDateString } from "../time/wp-date.js";
import { hashPin, pinAlgorithm, pinMatches } from "./pin-hash.js";
import type { PinHash } from "./pin-hash.js";
import { withDeviceSessionTables } from "./device-session-schema.js";

type Db = Kysely<DatabaseSchema>;

/** Wrong PINs in a row after which a user is locked until a manager unlocks them. */
export const maxPinFailures = 5;

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
}

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
  const row = { ...hashed, failed_attempts: 0, locked: 0, updated_gmt: toGmtDateString(now) };
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
    .set({ failed_attempts: 0, locked: 0, updated_gmt: toGmtDateString(now) })
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Checks a PIN, counting failures; the 5th failure in a row locks the user. */
export async function attemptUserPin(db: Db, userId: number, pin: string): Promise<PinAttempt> {
  const tables = withDeviceSessionTables(db);
  const row = await tables
    .selectFrom("user_pins")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (row === undefined) return { outcome: "no-pin" };
  if (row.locked === 1) return { outcome: "locked" };

  if (await pinMatches(pin, toPinHash(row))) {
    await tables
      .updateTable("user_pins")
      .set({ failed_attempts: 0 })
      .where("user_id", "=", userId)
      .execute();
    return { outcome: "accepted" };
  }

  const failures = row.failed_attempts + 1;
  const locked = failures >= maxPinFailures;
  await tables
    .updateTable("user_pins")
    .set({ failed_attempts: failures, locked: locked ? 1 : 0 })
    .where("user_id", "=", userId)
    .execute();
  return locked
    ? { outcome: "locked" }
    : { outcome: "rejected", attemptsLeft: maxPinFailures - failures };
}

/** Lists every staff user with their PIN hash, for the till's offline cashier switch. */
export async function listCashierRecords(db: Db): Promise<CashierRecord[]> {
  const rows = await withDeviceSessionTables(db)
    .selectFrom("users")
    .leftJoin("user_pins", "user_pins.user_id", "users.id")
    .select([
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
    failed_attempts: row.failed_attempts ?? 0,
    locked: row.locked === 1,
    updated_gmt: row.updated_gmt ?? null,
  }));
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
