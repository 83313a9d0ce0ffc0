import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../../test-support/fixtures.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("wc/v3 settings on %s", (dialect) => {
  let server: TestServer;
  const call = (
    method: "GET" | "PUT",
    url: string,
    payload?: object,
    role: "administrator" | "manager" = "administrator",
  ) =>
    server.app.inject({ method, url, headers: server.auth[role], ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("lists general settings with WooCommerce's ids", async () => {
    const settings = (await call("GET", "/wp-json/wc/v3/settings/general")).json<
      { id: string; value: string }[]
    >();
    const recorded = readFixture("57-settings-general").response.body as { id: string }[];
    const recordedIds = new Set(recorded.map((setting) => setting.id));
    expect(settings.every((setting) => recordedIds.has(setting.id))).toBe(true);
    expect(settings.find((setting) => setting.id === "woocommerce_currency")?.value).toBe("USD");
  });

  it("changes prices_include_tax as the fixture shows", async () => {
    const fixture = readFixture("50-settings-prices-include-tax-yes");
    const response = await call(
      "PUT",
      "/wp-json/wc/v3/settings/tax/woocommerce_prices_include_tax",
      fixture.request.body as object,
    );
    expect(response.statusCode).toBe(200);
    const ours = response.json<Record<string, unknown>>();
    const recorded = fixture.response.body as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(recorded));
    expect(ours["value"]).toBe("yes");
    expect(ours["options"]).toEqual(recorded["options"]);
    const store = (await call("GET", "/wp-json/pos/v1/store")).json<{
      prices_include_tax: boolean;
    }>();
    expect(store.prices_include_tax).toBe(true);
  });

  it("rejects bad values and unknown settings", async () => {
    const bad = await call(
      "PUT",
      "/wp-json/wc/v3/settings/general/woocommerce_price_num_decimals",
      { value: "9" },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "rest_invalid_param" });
    const unknown = await call("PUT", "/wp-json/wc/v3/settings/general/woocommerce_nope", {
      value: "1",
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: "rest_setting_setting_invalid" });
    const decimals = (
      await call("GET", "/wp-json/wc/v3/settings/general/woocommerce_price_num_decimals")
    ).json<{ value: string }>();
    expect(decimals.value).toBe("2");
  });

  it("lets only administrators change settings", async () => {
    const response = await call(
      "PUT",
      "/wp-json/wc/v3/settings/general/woocommerce_currency",
      { value: "EUR" },
      "manager",
    );
    expect(response.statusCode).toBe(403);
  });
});
