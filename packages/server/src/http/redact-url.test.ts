import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.js";

describe("redactUrl", () => {
  it("hides consumer key and secret", () => {
    expect(redactUrl("/wp-json/wc/v3/products?consumer_key=ck_1&consumer_secret=cs_2&page=2")).toBe(
      "/wp-json/wc/v3/products?consumer_key=%5Bredacted%5D&consumer_secret=%5Bredacted%5D&page=2",
    );
  });

  it("keeps URLs without credentials", () => {
    expect(redactUrl("/wp-json/wc/v3/products?page=2")).toBe("/wp-json/wc/v3/products?page=2");
    expect(redactUrl("/wp-json/pos/v1/ping")).toBe("/wp-json/pos/v1/ping");
  });
});
