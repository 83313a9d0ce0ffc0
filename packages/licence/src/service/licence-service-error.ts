/**
 * An expected failure of a licence service request, sent in WooCommerce's error shape:
 * `{code, message, data: {status}}`.
 */
export class LicenceServiceError extends Error {
  override readonly name = "LicenceServiceError";

  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    /** Extra response headers, such as Retry-After. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  toBody(): { code: string; message: string; data: { status: number } } {
    return { code: this.code, message: this.message, data: { status: this.httpStatus } };
  }
}
