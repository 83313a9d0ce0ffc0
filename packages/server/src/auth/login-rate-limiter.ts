/**
 * Counts failed logins per username and per client address in a sliding window. Kept in
 * memory, so with several server processes each one counts on its own.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: {
      windowMs: number;
      maxFailuresPerUsername: number;
      maxFailuresPerAddress: number;
      now: () => number;
    },
  ) {}

  /** Returns the milliseconds to wait before another attempt, or 0 when one is allowed. */
  retryAfterMs(username: string, address: string): number {
    const nowMs = this.options.now();
    const waits = [
      this.waitFor(`user:${username.toLowerCase()}`, this.options.maxFailuresPerUsername, nowMs),
      this.waitFor(`addr:${address}`, this.options.maxFailuresPerAddress, nowMs),
    ];
    return Math.max(...waits);
  }

  recordFailure(username: string, address: string): void {
    const nowMs = this.options.now();
    for (const key of [`user:${username.toLowerCase()}`, `addr:${address}`]) {
      this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }

  private waitFor(key: string, max: number, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < max) return 0;
    const oldest = recent[recent.length - max] ?? nowMs;
    return oldest + this.options.windowMs - nowMs;
  }

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > nowMs - this.options.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
