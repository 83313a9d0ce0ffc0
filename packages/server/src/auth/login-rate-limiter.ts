import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";

/**
 * Counts failed logins per username and per client address in a sliding window. The failures
 * are rows of `login_failures`, so every server process on one database shares the count.
 */
export class LoginRateLimiter {
  constructor(
    private readonly options: {
      db: Kysely<DatabaseSchema>;
      windowMs: number;
      maxFailuresPerUsername: number;
      maxFailuresPerAddress: number;
      now: () => number;
    },
  ) {}

  /** Returns the milliseconds to wait before another attempt, or 0 when one is allowed. */
  async retryAfterMs(username: string, address: string): Promise<number> {
    const nowMs = this.options.now();
    const waits = await Promise.all([
      this.waitFor(userKey(username), this.options.maxFailuresPerUsername, nowMs),
      this.waitFor(addressKey(address), this.options.maxFailuresPerAddress, nowMs),
    ]);
    return Math.max(...waits);
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const nowMs = this.options.now();
    await this.options.db
      .deleteFrom("login_failures")
      .where("failed_at_ms", "<=", nowMs - this.options.windowMs)
      .execute();
    await this.options.db
      .insertInto("login_failures")
      .values([
        { key: userKey(username), failed_at_ms: nowMs },
        { key: addressKey(address), failed_at_ms: nowMs },
      ])
      .execute();
  }

  async recordSuccess(username: string): Promise<void> {
    await this.options.db
      .deleteFrom("login_failures")
      .where("key", "=", userKey(username))
      .execute();
  }

  private async waitFor(key: string, max: number, nowMs: number): Promise<number> {
    const recent = await this.options.db
      .selectFrom("login_failures")
      .select("failed_at_ms")
      .where("key", "=", key)
      .where("failed_at_ms", ">", nowMs - this.options.windowMs)
      .orderBy("failed_at_ms", "desc")
      .limit(max)
      .execute();
    if (recent.length < max) return 0;
    const oldest = Number(recent[max - 1]?.failed_at_ms ?? nowMs);
    return Math.max(oldest + this.options.windowMs - nowMs, 1);
  }
}

function userKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

function addressKey(address: string): string {
  return `addr:${address}`;
}
