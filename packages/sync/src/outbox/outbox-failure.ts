import { WooApiError, WooNetworkError, WooResponseError } from "@pos/woo";

/** The outbox's next step after a failed send, with the reason it records. */
export interface FailureAction {
  action: "retry" | "park";
  reason: string;
  /** The HTTP status and error code of the server's response, when there was one. */
  status?: number;
  code?: string;
}

/**
 * Statuses that reject the register's session rather than the record: the token was revoked or
 * expired (401), or the logged-in user may not send it (403). The same request succeeds once a
 * user who may send it logs in again, so these retry instead of parking.
 */
export const sessionRejectedStatuses: ReadonlySet<number> = new Set([401, 403]);

/**
 * Raised by a sender to park a record at once with `reason`, for failures that a resend cannot
 * fix (the server rejected the content).
 */
export class OutboxRejection extends Error {
  override name = "OutboxRejection";
}

/**
 * Decides between retry and park: network failures, timeouts, 5xx, 408 and 429 retry because
 * the same request may succeed later, and so do 401 and 403, which wait for a login. Other 4xx
 * park with the server's message, because the same request will be rejected again. Unknown
 * errors retry, so nothing is parked by a bug in the till alone.
 */
export function classifySendFailure(error: unknown): FailureAction {
  if (error instanceof OutboxRejection) return { action: "park", reason: error.message };
  if (error instanceof WooNetworkError) return { action: "retry", reason: error.message };
  if (error instanceof WooApiError) return classifyApiError(error);
  if (error instanceof WooResponseError) return { action: "retry", reason: error.message };

  const message = error instanceof Error ? error.message : String(error);
  return { action: "retry", reason: message };
}

function classifyApiError(error: WooApiError): FailureAction {
  const answer = { status: error.status, code: error.code };
  const detail = `${error.status} ${error.code}: ${error.message}`;
  if (sessionRejectedStatuses.has(error.status)) {
    const reason = `waiting for a login: the store rejected this register's session (${detail})`;
    return { action: "retry", reason, ...answer };
  }
  const retryable = error.status >= 500 || error.status === 408 || error.status === 429;
  return { action: retryable ? "retry" : "park", reason: detail, ...answer };
}
