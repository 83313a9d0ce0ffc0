export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultBackoff: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Returns the wait before retry number `attempt` (1 for the first retry): exponential growth
 * capped at `maxDelayMs`, with "equal jitter" (half fixed, half random) so that tills that lost
 * the server together do not come back together.
 */
export function retryDelayMs(attempt: number, random: () => number, options: BackoffOptions) {
  const exponential = options.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/**
 * Reads `Retry-After` (RFC 9110 section 10.2.3) in seconds or as an HTTP date; returns null
 * when absent or unreadable.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const dateMs = Date.parse(header);
  return Number.isNaN(dateMs) ? null : Math.max(0, dateMs - nowMs);
}
