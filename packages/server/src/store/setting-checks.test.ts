import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";
import { currencyCodes, describeCurrency } from "./currencies.js";

interface WireError {
  code: string;
  message: string;
  data: { params?: Record<string, string> };
}

describe("store currencies", () => {
  it("lists every ISO 4217 store currency once", () => {
    expect(new Set(currencyCodes).size).toBe(currencyCodes.length);
    expect(currencyCodes.length).toBeGreaterThanOrEqual(155);
    for (const code of currencyCodes) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it("names and shows currencies", () => {
    expect(describeCurrency("USD")).toMatchObject({ symbol: "$", entity: "&#36;" });
    expect(describeCurrency("INR")).toMatchObject({ name: "Indian Rupee", symbol: "₹" });
    expect(describeCurrency("INR").entity).toBe("&#x20b9;");
    expect(describeCurrency("XOF").name).toContain("CFA");
  });
});

describe.each(testDialects)("setting checks on %s", (dialect) => {
  let server: TestServer;
  const put = (group: string, id: string, value: string) =>
    server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/settings/${group}/${id}`,
      headers: server.auth.administrator,
      payload: { value },
    });
  const read = async (id: string) =>
    (
      await server.app.inject({
        method: "GET",
        url: `/wp-json/wc/v3/settings/general/${id}`,
        headers: server.auth.administrator,
      })
    ).json<{ value: string }>().value;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it.each(["INR", "BRL", "VND", "XOF", "ZAR"])("accepts currency %s", async (code) => {
    const response = await put("general", "woocommerce_currency", code);
    expect(response.statusCode).toBe(200);
    expect(await read("woocommerce_currency")).toBe(code);
  });

  it("rejects a code that is no currency", async () => {
    const before = await read("woocommerce_currency");
    const response = await put("general", "woocommerce_currency", "XAU");
    expect(response.statusCode).toBe(400);
    expect(response.json<WireError>().message).toContain("value");
    expect(response.json<WireError>().data.params?.["value"]).toContain('"XAU"');
    expect(await read("woocommerce_currency")).toBe(before);
  });

  it.each([
    ["woocommerce_default_country", "ZZ:QQ"],
    ["woocommerce_default_country", "ZZ"],
    ["woocommerce_price_decimal_sep", ""],
  ])("rejects %s %j", async (id, value) => {
    const before = await read(id);
    const response = await put("general", id, value);
    expect(response.statusCode).toBe(400);
    expect(response.json<WireError>().data.params?.["value"]).toContain(id);
    expect(await read(id)).toBe(before);
  });

  it("keeps a space as the thousand separator", async () => {
    const response = await put("general", "woocommerce_price_thousand_sep", " ");
    expect(response.statusCode).toBe(200);
    expect(await read("woocommerce_price_thousand_sep")).toBe(" ");
  });

  it("accepts a country without a state", async () => {
    const response = await put("general", "woocommerce_default_country", "GB");
    expect(response.statusCode).toBe(200);
  });
});

describe.each(testDialects)("wc/v3 namespace index on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("lists the routes without a login", async () => {
    const response = await server.app.inject({ method: "GET", url: "/wp-json/wc/v3" });
    expect(response.statusCode).toBe(200);
    const index = response.json<{
      namespace: string;
      routes: Record<string, { methods: string[] }>;
    }>();
    expect(index.namespace).toBe("wc/v3");
    expect(index.routes["/wc/v3/products"]?.methods).toEqual(["GET", "POST"]);
    expect(index.routes["/wc/v3/products/(?P<id>[^/]+)"]?.methods).toEqual([
      "GET",
      "PUT",
      "PATCH",
      "DELETE",
    ]);
    expect(index.routes["/wc/v3/taxes/classes"]?.methods).toEqual(["GET", "POST"]);
    expect(Object.keys(index.routes).every((route) => route.startsWith("/wc/v3"))).toBe(true);
  });
});
