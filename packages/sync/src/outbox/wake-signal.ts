/**
 * A wait that ends early when `notify` is called. A notify that arrives while no wait runs is
 * kept, so the next wait returns at once and no wake-up is lost between two checks.
 */
export class WakeSignal {
  private pendingNotify = false;
  private release: (() => void) | null = null;

  notify(): void {
    if (this.release) {
      this.release();
      return;
    }
    this.pendingNotify = true;
  }

  /** Resolves after `timeoutMs`, on `notify`, or when `signal` aborts, whichever comes first. */
  wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.pendingNotify || signal.aborted) {
      this.pendingNotify = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.release = null;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener("abort", done, { once: true });
      this.release = done;
    });
  }
}
