import type { z } from "zod";
import { authorize, type WooAuth } from "./woo-auth.js";
import { WooResponseError } from "./woo-errors.js";
import { abortableSleep } from "./abortable-sleep.js";
import { parseBaseUrl } from "./base-url.js";
import { isRetryable, parseAnswer, throwIfFailed, type Answer } from "./read-answer.js";
import { readPageInfo, type PageInfo } from "./paging.js";
import { defaultBackoff, retryAfterMs, retryDelayMs, type BackoffOptions } from "./retry-delay.js";
import { sendOnce, type AttemptResult } from "./send-once.js";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | undefined;

/**
 * One HTTP attempt as reported to the connectivity monitor: `ok` when the server responded below 500
 * (a 401 or 404 still proves it is reachable); `status` is null without a response.
 */
export interface RequestOutcome {
  method: HttpMethod;
  route: string;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  failure: "network" | "timeout" | "http" | null;
}

export interface WooClientOptions {
  /** The site root, such as `https://shop.example`; routes are under `/wp-json/` below it. */
  baseUrl: string;
  auth?: WooAuth;
  fetch?: typeof fetch;
  /** Limit for one attempt, from sending to the end of the body. */
  timeoutMs?: number;
  /** Attempts of an idempotent request, the first included. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  now?: () => number;
  random?: () => number;
  /** Waits between retries; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  nonce?: () => string;
}

export interface WooRequest<T> {
  method?: HttpMethod;
  /** Route below `/wp-json/`, such as `wc/v3/products` or `pos/v1/ping`. */
  route: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  ifNoneMatch?: string | null;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Whether a retry is safe; defaults to true for GET, HEAD, PUT and DELETE. */
  idempotent?: boolean;
}

export interface WooResponse<T> extends PageInfo {
  status: number;
  data: T;
  headers: Headers;
  etag: string | null;
}

export type ConditionalResponse<T> =
  ({ changed: true } & WooResponse<T>) | { changed: false; status: 304; etag: string | null };

type Listener = (outcome: RequestOutcome) => void;

const defaultTimeoutMs = 15_000;
const defaultMaxAttempts = 4;

/**
 * A client for the WooCommerce REST API and the pos/v1 extensions: authentication, timeouts,
 * retries of idempotent requests, schema checks of every response and typed errors.
 */
export class WooClient {
  readonly baseUrl: string;
  private readonly listeners = new Set<Listener>();
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly nonce: () => string;
  private refreshing: Promise<string | null> | null = null;

  constructor(private readonly options: WooClientOptions) {
    this.baseUrl = parseBaseUrl(options.baseUrl);
    // A bare reference to window.fetch throws "Illegal invocation" when called as a method.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
    this.nonce = options.nonce ?? (() => crypto.randomUUID().replaceAll("-", ""));
  }

  /** Registers a listener for the outcome of every attempt; returns the unsubscribe function. */
  onRequest(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a request and returns the parsed response; throws WooApiError on 4xx and 5xx. */
  async request<T>(request: WooRequest<T>): Promise<WooResponse<T>> {
    const result = await this.requestIfChanged({ ...request, ifNoneMatch: null });
    if (!result.changed) {
      throw new WooResponseError(
        304,
        `${request.route} returned 304 to a request without If-None-Match`,
      );
    }
    return result;
  }

  /** Sends a request with `If-None-Match`; a 304 returns `{ changed: false }`. */
  async requestIfChanged<T>(request: WooRequest<T>): Promise<ConditionalResponse<T>> {
    const attempt = await this.sendWithRetries(request);
    const etag = attempt.headers.get("etag");
    if (attempt.status === 304) return { changed: false, status: 304, etag };

    const data = parseAnswer(request, attempt);
    return {
      changed: true,
      status: attempt.status,
      data,
      headers: attempt.headers,
      etag,
      ...readPageInfo(attempt.headers),
    };
  }

  /** Builds the absolute URL of a route with its query, without credentials. */
  urlOf(route: string, query: Record<string, QueryValue> = {}): URL {
    const url = new URL(`${this.baseUrl}/wp-json/${route.replace(/^\/+/, "")}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async sendWithRetries<T>(request: WooRequest<T>): Promise<Answer> {
    const method = request.method ?? "GET";
    const idempotent = request.idempotent ?? method !== "POST";
    const maxAttempts = idempotent ? (this.options.maxAttempts ?? defaultMaxAttempts) : 1;
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(request, method);
      const unauthorized = result.kind === "answer" && result.status === 401;
      if (unauthorized && !refreshed && (await this.refreshBearer(result.sentAuthorization))) {
        refreshed = true;
        attempt--;
        continue;
      }
      if (!isRetryable(result) || attempt >= maxAttempts)
        return throwIfFailed(request, method, result);
      await this.sleep(this.delayBefore(attempt, result), request.signal);
      request.signal?.throwIfAborted();
    }
  }

  private async attempt<T>(request: WooRequest<T>, method: HttpMethod): Promise<AttemptResult> {
    const startedMs = this.now();
    const result = await sendOnce({
      fetch: this.fetchFn,
      prepare: () => this.prepare(request, method),
      method,
      body: request.body,
      signal: request.signal,
      timeoutMs: request.timeoutMs ?? this.options.timeoutMs ?? defaultTimeoutMs,
    });
    this.report(method, request.route, result, this.now() - startedMs);
    return result;
  }

  private async prepare<T>(request: WooRequest<T>, method: HttpMethod) {
    const headers = new Headers({ Accept: "application/json" });
    if (request.body !== undefined) headers.set("Content-Type", "application/json");
    if (request.ifNoneMatch) headers.set("If-None-Match", request.ifNoneMatch);
    const auth = this.options.auth ?? { kind: "none" };
    return authorize(auth, this.urlOf(request.route, request.query), headers, {
      method,
      nowMs: this.now(),
      nonce: this.nonce(),
    });
  }

  /**
   * Refreshes the bearer token once for all requests that got a 401 meanwhile: pos/v1 refresh
   * tokens are single-use, so a second concurrent refresh would end the session.
   */
  private async refreshBearer(sentAuthorization: string | null): Promise<boolean> {
    const auth = this.options.auth;
    if (auth?.kind !== "bearer" || !auth.refreshToken) return false;
    // Another request renewed the token after this one was sent: retry with the new token.
    const token = auth.getToken();
    if (token !== null && sentAuthorization !== `Bearer ${token}` && !this.refreshing) return true;
    this.refreshing ??= auth.refreshToken().finally(() => {
      this.refreshing = null;
    });
    return (await this.refreshing) !== null;
  }

  private delayBefore(attempt: number, result: AttemptResult): number {
    const backoff = retryDelayMs(attempt, this.random, this.options.backoff ?? defaultBackoff);
    if (result.kind !== "answer") return backoff;
    const hinted = retryAfterMs(result.headers.get("retry-after"), this.now());
    return hinted === null ? backoff : Math.max(backoff, hinted);
  }

  private report(method: HttpMethod, route: string, result: AttemptResult, latencyMs: number) {
    const outcome: RequestOutcome =
      result.kind === "answer"
        ? {
            method,
            route,
            ok: result.status < 500,
            status: result.status,
            latencyMs,
            failure: result.status >= 500 ? "http" : null,
          }
        : { method, route, ok: false, status: null, latencyMs, failure: result.kind };
    for (const listener of this.listeners) listener(outcome);
  }
}
