import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { exclusiveLockKeys, withExclusiveLock } from "../db/exclusive-lock.js";
import type { StoreDatabase } from "../db/store-database.js";

/** The limit that stopped a login: the username's own failures, or those of its client address. */
export type LoginLimitScope = "username" | "address";

/** The result of a request for one login attempt. */
export type LoginAttempt =
  | { kind: "allowed"; attemptId: string }
  | { kind: "limited"; scope: LoginLimitScope; retryAfterMs: number };

/**
 * Counts failed logins per username and per client address in a sliding window. The failures
 * are rows of `login_failures`, so every server process on one database shares the count.
 *
 * An attempt is recorded as a failure before its password is checked, in the same locked
 * transaction that counts the earlier ones, so parallel guesses cannot all pass the count
 * before any of them is recorded. A correct password then removes its own rows and the
 * username's earlier failures.
 */
export class LoginRateLimiter {
  constructor(
    private readonly options: {
      store: StoreDatabase;
      windowMs: number;
      maxFailuresPerUsername: number;
      maxFailuresPerAddress: number;
      now: () => number;
    },
  ) {}

  /** Records an attempt for `username` from `address`, or returns the limit it would exceed. */
  async begin(username: string, address: string): Promise<LoginAttempt> {
    const nowMs = this.options.now();
    const { windowMs, maxFailuresPerUsername, maxFailuresPerAddress } = this.options;
    return withExclusiveLock(this.options.store, exclusiveLockKeys.loginAttempt, async (db) => {
      await db
        .deleteFrom("login_failures")
        .where("failed_at_ms", "<=", nowMs - windowMs)
        .execute();

      const userWait = await waitFor(
        db,
        userKey(username),
        maxFailuresPerUsername,
        nowMs,
        windowMs,
      );
      if (userWait > 0) return { kind: "limited", scope: "username", retryAfterMs: userWait };
      const addressWait = await waitFor(
        db,
        addressKey(address),
        maxFailuresPerAddress,
        nowMs,
        windowMs,
      );
      if (addressWait > 0) return { kind: "limited", scope: "address", retryAfterMs: addressWait };

      const attemptId = randomUUID();
      await db
        .insertInto("login_failures")
        .values([
          { key: userKey(username), failed_at_ms: nowMs, attempt: attemptId },
          { key: addressKey(address), failed_at_ms: nowMs, attempt: attemptId },
        ])
        .execute();
      return { kind: "allowed", attemptId };
    });
  }

  /** Deletes the rows of a successful attempt and the username's earlier failures. */
  async succeeded(attemptId: string, username: string): Promise<void> {
    await this.options.store.db
      .deleteFrom("login_failures")
      .where((where) =>
        where.or([where("attempt", "=", attemptId), where("key", "=", userKey(username))]),
      )
      .execute();
  }
}

/** Returns the milliseconds until `key` has fewer than `max` failures in the window, or 0. */
async function waitFor(
  db: Kysely<DatabaseSchema>,
  key: string,
  max: number,
  nowMs: number,
  windowMs: number,
): Promise<number> {
  const recent = await db
    .selectFrom("login_failures")
    .select("failed_at_ms")
    .where("key", "=", key)
    .where("failed_at_ms", ">", nowMs - windowMs)
    .orderBy("failed_at_ms", "desc")
    .limit(max)
    .execute();
  if (recent.length < max) return 0;
  const oldest = Number(recent[max - 1]?.failed_at_ms ?? nowMs);
  return Math.max(oldest + windowMs - nowMs, 1);
}

function userKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

function addressKey(address: string): string {
  return `addr:${address}`;
}
