/** Attempts allowed per key within one window. */
export interface RateLimit {
  readonly maxAttempts: number;
  readonly windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Window {
  startMs: number;
  attempts: number;
}

/**
 * Counts attempts per bucket in fixed windows, in memory. A restart clears the counts, which is
 * acceptable because licence keys carry 100 random bits: the limit stops a runaway client
 * hammering one key, not a guessing attack.
 */
export class FixedWindowRateLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(
    private readonly limit: RateLimit,
    private readonly nowMs: () => number,
  ) {}

  /** Records one attempt for `bucket` and decides whether it may go ahead. */
  take(bucket: string): RateDecision {
    const now = this.nowMs();
    this.#forgetEndedWindows(now);

    const window = this.#windows.get(bucket);
    if (window === undefined || now - window.startMs >= this.limit.windowMs) {
      this.#windows.set(bucket, { startMs: now, attempts: 1 });
      return { allowed: true };
    }
    if (window.attempts >= this.limit.maxAttempts) {
      return { allowed: false, retryAfterMs: window.startMs + this.limit.windowMs - now };
    }
    window.attempts += 1;
    return { allowed: true };
  }

  #forgetEndedWindows(now: number): void {
    if (this.#windows.size < 10_000) return;
    for (const [bucket, window] of this.#windows) {
      if (now - window.startMs >= this.limit.windowMs) this.#windows.delete(bucket);
    }
  }
}
