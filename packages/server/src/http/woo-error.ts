/**
 * An expected HTTP failure, sent in WooCommerce's error shape:
 * `{"code": "...", "message": "...", "data": {"status": 400, ...}}`.
 */
export class WooError extends Error {
  readonly code: string;
  readonly status: number;
  readonly data: Record<string, unknown>;

  constructor(status: number, code: string, message: string, data: Record<string, unknown> = {}) {
    super(message);
    this.name = "WooError";
    this.code = code;
    this.status = status;
    this.data = data;
  }

  toBody(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { ...this.data, status: this.status } };
  }
}

/** Builds a `rest_invalid_param` error as WordPress sends it for one bad parameter. */
export function invalidParamError(
  param: string,
  message: string,
  detailCode = "rest_invalid_param",
) {
  return new WooError(400, "rest_invalid_param", `Invalid parameter(s): ${param}`, {
    params: { [param]: message },
    details: { [param]: { code: detailCode, message, data: null } },
  });
}

export function notFoundError(code: string): WooError {
  return new WooError(404, code, "Invalid ID.");
}
