/** A 4xx or 5xx response, with WooCommerce's error code when the body carried one. */
export class WooApiError extends Error {
  override readonly name = "WooApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

/** No HTTP response: the connection failed or the request timed out. */
export class WooNetworkError extends Error {
  override readonly name = "WooNetworkError";

  constructor(
    readonly reason: "network" | "timeout",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A 2xx response whose body does not match the schema of the route. */
export class WooResponseError extends Error {
  override readonly name = "WooResponseError";

  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
