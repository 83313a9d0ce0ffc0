import type { AuthorizedRequest } from "./woo-auth.js";

export type AttemptResult =
  | {
      kind: "answer";
      status: number;
      headers: Headers;
      json: unknown;
      sentAuthorization: string | null;
    }
  | { kind: "network"; error: unknown }
  | { kind: "timeout" };

export interface SendOnceInput {
  fetch: typeof fetch;
  prepare: () => Promise<AuthorizedRequest>;
  method: string;
  body: unknown;
  signal: AbortSignal | undefined;
  timeoutMs: number;
}

/**
 * Sends one attempt and reads its body within `timeoutMs`. An abort by the caller's signal is
 * thrown as is; every other failure is returned, so the caller decides on retries.
 */
export async function sendOnce(input: SendOnceInput): Promise<AttemptResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout.signal]) : timeout.signal;
  try {
    const { url, headers } = await input.prepare();
    const response = await input.fetch(url, {
      method: input.method,
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      signal,
    });
    const json = await readJson(response, input.method);
    return {
      kind: "answer",
      status: response.status,
      headers: response.headers,
      json,
      sentAuthorization: headers.get("Authorization"),
    };
  } catch (error) {
    input.signal?.throwIfAborted();
    if (timeout.signal.aborted) return { kind: "timeout" };
    return { kind: "network", error };
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(response: Response, method: string): Promise<unknown> {
  const text = method === "HEAD" || response.status === 304 ? "" : await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
