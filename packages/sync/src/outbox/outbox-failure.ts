import { WooApiError, WooNetworkError, WooResponseError } from "@pos/woo";

/** The outbox's next step after a failed send, with the reason it records. */
export type FailureAction =
  { action: "retry"; reason: string } | { action: "park"; reason: string };

/**
 * Raised by a sender to park a record at once with `reason`, for failures that a resend cannot
 * fix (the server rejected the content).
 */
export class OutboxRejection extends Error {
  override name = "OutboxRejection";
}

/**
 * Decides between retry and park: network failures, timeouts, 5xx, 408 and 429 retry because
 * the same request may succeed later; other 4xx park with the server's message, because the
 * same request will be rejected again. Unknown errors retry, so nothing is parked by a bug in
 * the till alone.
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
  const reason = `${error.status} ${error.code}: ${error.message}`;
  const retryable = error.status >= 500 || error.status === 408 || error.status === 429;
  return { action: retryable ? "retry" : "park", reason };
}
