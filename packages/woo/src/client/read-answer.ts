import { wcErrorSchema } from "../wc/wc-error.js";
import type { WooRequest, HttpMethod } from "./woo-client.js";
import { WooApiError, WooNetworkError, WooResponseError } from "./woo-errors.js";
import type { AttemptResult } from "./send-once.js";

export type Answer = Extract<AttemptResult, { kind: "answer" }>;

/** Whether an attempt may be retried: no response, 429 or 5xx. */
export function isRetryable(result: AttemptResult): boolean {
  if (result.kind !== "answer") return true;
  return result.status === 429 || result.status >= 500;
}

export function throwIfFailed<T>(
  request: WooRequest<T>,
  method: HttpMethod,
  result: AttemptResult,
): Answer {
  if (result.kind === "timeout") {
    throw new WooNetworkError("timeout", `${method} ${request.route} timed out; try again`);
  }
  if (result.kind === "network") {
    throw new WooNetworkError(
      "network",
      `${method} ${request.route} failed: ${describe(result.error)}; check the connection`,
      { cause: result.error },
    );
  }
  if (result.status >= 400) throw apiError(request, method, result);
  return result;
}

function apiError<T>(request: WooRequest<T>, method: HttpMethod, result: Answer) {
  const status = result.status;
  const parsed = wcErrorSchema.safeParse(result.json);
  if (parsed.success) {
    return new WooApiError(status, parsed.data.code, parsed.data.message, parsed.data.data ?? null);
  }
  return new WooApiError(
    status,
    `http_${status}`,
    `${method} ${request.route} failed with HTTP ${status}`,
  );
}

export function parseAnswer<T>(request: WooRequest<T>, result: Answer): T {
  const parsed = request.schema.safeParse(result.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown";
    throw new WooResponseError(
      result.status,
      `${request.route} returned an unexpected body (${where}); the store may run an incompatible version`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
