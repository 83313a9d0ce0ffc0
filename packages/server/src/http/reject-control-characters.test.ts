import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

describe.each(testDialects)("control characters in requests on %s", (dialect) => {
  let server: TestServer;
  const send = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: server.auth.administrator,
      ...(payload === undefined ? {} : { payload }),
    });
  const countProducts = async () => {
    const response = await send("GET", "/wp-json/wc/v3/products?per_page=1&status=any");
    return Number(response.headers["x-wp-total"]);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it.each([
    ["/wp-json/wc/v3/products", { name: "a\u0000b" }, "name"],
    ["/wp-json/wc/v3/products", { name: "Mug", sku: "mug\u0000" }, "sku"],
    ["/wp-json/wc/v3/products", { name: "Mug", description: "a\u0007b" }, "description"],
    ["/wp-json/wc/v3/customers", { email: "nul@example.com", first_name: "A\u0000" }, "first_name"],
    ["/wp-json/wc/v3/orders", { customer_note: "x\u0000y" }, "customer_note"],
  ])("rejects POST %s with a NUL in %s", async (url, body, field) => {
    const before = await countProducts();
    const response = await send("POST", url, body);
    expect(response.statusCode).toBe(400);
    const error = response.json<{ code: string; data: { params: Record<string, string> } }>();
    expect(error.code).toBe("rest_invalid_param");
    expect(error.data.params[field]).toContain(field);
    expect(await countProducts()).toBe(before);
  });

  it("names the nested field", async () => {
    const response = await send("POST", "/wp-json/wc/v3/orders", {
      line_items: [{ product_id: 1, quantity: 1, meta_data: [{ key: "k", value: "\u001f" }] }],
    });
    expect(response.statusCode).toBe(400);
    const message = response.json<{ data: { params: Record<string, string> } }>().data.params[
      "line_items"
    ];
    expect(message).toContain("line_items[0][meta_data][0][value]");
    expect(message).toContain("U+001F");
  });

  it("names a key with a control character", async () => {
    const response = await send("POST", "/wp-json/wc/v3/products", { "na\u0001me": "x" });
    expect(response.statusCode).toBe(400);
    const error = response.json<{ message: string; data: { params: Record<string, string> } }>();
    expect(error.message).toContain("na\\u0001me");
    expect(error.message).not.toContain("\u0001");
  });

  it("rejects a NUL in a settings value", async () => {
    const response = await send("PUT", "/wp-json/wc/v3/settings/general/woocommerce_store_city", {
      value: "Town\u0000",
    });
    expect(response.statusCode).toBe(400);
    const read = await send("GET", "/wp-json/wc/v3/settings/general/woocommerce_store_city");
    expect(read.json<{ value: string }>().value).not.toContain("\u0000");
  });

  it("rejects a NUL in a query value", async () => {
    const response = await send("GET", "/wp-json/wc/v3/products?search=a%00b");
    expect(response.statusCode).toBe(400);
    const error = response.json<{ data: { params: Record<string, string> } }>();
    expect(error.data.params["search"]).toContain("U+0000");
  });

  it("keeps tabs and line breaks", async () => {
    const response = await send("POST", "/wp-json/wc/v3/products", {
      name: "Tabbed",
      description: "line one\r\nline\ttwo",
    });
    expect(response.statusCode).toBe(201);
  });
});
