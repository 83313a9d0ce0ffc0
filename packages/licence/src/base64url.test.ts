import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeBase64Url, encodeBase64Url } from "./base64url.js";

describe("base64url", () => {
  it("matches Node's encoder for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
      }),
    );
  });

  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it("rejects non-canonical trailing bits", () => {
    // "AQ" is the byte 0x01; "AR" carries the same byte with a non-zero unused bit.
    expect(decodeBase64Url("AQ")).toEqual(new Uint8Array([1]));
    expect(decodeBase64Url("AR")).toBeUndefined();
    expect(decodeBase64Url("AQE")).toEqual(new Uint8Array([1, 1]));
    expect(decodeBase64Url("AQF")).toBeUndefined();
  });

  it.each(["A", "AQ==", "AQ=", "A+B/", "AQ E", "é"])("rejects %j", (text) => {
    expect(decodeBase64Url(text)).toBeUndefined();
  });
});
