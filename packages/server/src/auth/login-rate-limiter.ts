import { sql, type Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { StoreDatabase } from "../db/store-database.js";

/** The limit that stopped a login: the username's own failures, or those of its client address. */
export type LoginLimitScope = "username" | "address";

/** A login stopped by a limit, with the time until the next attempt may run. */
export interface LoginLimit {
  kind: "limited";
  scope: LoginLimitScope;
  retryAfterMs: number;
}

/** The result of one password check run through the limiter. */
export type LoginAttemptResult = LoginLimit | { kind: "accepted" } | { kind: "rejected" };

/** PostgreSQL advisory lock class of the per-username login lock (the key is the name's hash). */
const loginLockClass = 73_019;

/**
 * Counts failed logins per username and per client address in a sliding window. The failures
 * are rows of `login_failures`, so every server process on one database shares the count.
 *
 * The attempts of one username run one at a time, so parallel guesses each see the failures
 * recorded before them and no more than the limit are ever checked. On PostgreSQL the lock is a
 * transaction-level advisory lock, which holds across server processes. On SQLite, which one
 * process serves, it is a queue in this process.
 */
export class LoginRateLimiter {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      store: StoreDatabase;
      windowMs: number;
      maxFailuresPerUsername: number;
      maxFailuresPerAddress: number;
      now: () => number;
    },
  ) {}

  /**
   * Runs `verify` for one attempt of `username` from `address` unless a limit is reached. A
   * rejected attempt is recorded as a failure; an accepted one clears the username's failures.
   */
  async attempt(
    username: string,
    address: string,
    verify: () => Promise<boolean>,
  ): Promise<LoginAttemptResult> {
    return this.oneAtATime(username, async (db) => {
      const nowMs = this.options.now();
      const limit = await this.limitOf(db, username, address, nowMs);
      if (limit !== null) return limit;

      if (await verify()) {
        await db.deleteFrom("login_failures").where("key", "=", userKey(username)).execute();
        return { kind: "accepted" };
      }
      await insertFailure(db, username, address, nowMs, this.options.windowMs);
      return { kind: "rejected" };
    });
  }

  /**
   * Returns the limit that `username` or `address` is over, or null, without recording an
   * attempt. It takes no lock, so parallel requests can all pass it: use it only in front of
   * a check whose failures are then recorded with `recordFailure`.
   */
  async check(username: string, address: string): Promise<LoginLimit | null> {
    return this.limitOf(this.options.store.db, username, address, this.options.now());
  }

  /** Records one failed attempt, or returns the limit when the attempt was already over it. */
  async recordFailure(username: string, address: string): Promise<LoginLimit | null> {
    return this.oneAtATime(username, async (db) => {
      const nowMs = this.options.now();
      const limit = await this.limitOf(db, username, address, nowMs);
      if (limit !== null) return limit;
      await insertFailure(db, username, address, nowMs, this.options.windowMs);
      return null;
    });
  }

  /** Runs `work` while no other attempt of the same username runs, in any server process. */
  private async oneAtATime<T>(
    username: string,
    work: (db: Kysely<DatabaseSchema>) => Promise<T>,
  ): Promise<T> {
    const key = userKey(username);
    const { store } = this.options;
    if (store.dialect === "postgres") {
      return store.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${loginLockClass}, hashtext(${key}))`.execute(trx);
        return work(trx);
      });
    }

    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(
      () => work(store.db),
      () => work(store.db),
    );
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }

  private async limitOf(
    db: Kysely<DatabaseSchema>,
    username: string,
    address: string,
    nowMs: number,
  ): Promise<LoginLimit | null> {
    const { windowMs, maxFailuresPerUsername, maxFailuresPerAddress } = this.options;
    const userWait = await waitFor(db, userKey(username), maxFailuresPerUsername, nowMs, windowMs);
    if (userWait > 0) return { kind: "limited", scope: "username", retryAfterMs: userWait };
    const addressWait = await waitFor(
      db,
      addressKey(address),
      maxFailuresPerAddress,
      nowMs,
      windowMs,
    );
    if (addressWait > 0) return { kind: "limited", scope: "address", retryAfterMs: addressWait };
    return null;
  }
}

/** Records a failure for the username and the address, dropping rows older than the window. */
async function insertFailure(
  db: Kysely<DatabaseSchema>,
  username: string,
  address: string,
  nowMs: number,
  windowMs: number,
): Promise<void> {
  await db
    .deleteFrom("login_failures")
    .where("failed_at_ms", "<=", nowMs - windowMs)
    .execute();
  await db
    .insertInto("login_failures")
    .values([
      { key: userKey(username), failed_at_ms: nowMs },
      { key: addressKey(address), failed_at_ms: nowMs },
    ])
    .execute();
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
