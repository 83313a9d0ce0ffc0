import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

describe.each(testDialects)("coupon amount and email checks on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  const create = (payload: object) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/coupons",
      headers: server.auth.manager,
      payload,
    });
  const couponCount = async () =>
    (await server.store.db.selectFrom("coupons").select("id").execute()).length;

  it.each([
    ["negative fixed_cart", { code: "neg", discount_type: "fixed_cart", amount: "-5" }],
    ["percent above 100", { code: "big", discount_type: "percent", amount: 150 }],
    ["negative percent", { code: "negp", discount_type: "percent", amount: "-0.01" }],
  ])("rejects %s", async (_name, payload) => {
    const before = await couponCount();
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("coupon_invalid_amount");
    expect(response.json<{ message: string }>().message).toContain("Invalid discount amount");
    expect(await couponCount()).toBe(before);
  });

  it("accepts percent 100 and fixed 0", async () => {
    expect(
      (await create({ code: "all", discount_type: "percent", amount: "100" })).statusCode,
    ).toBe(201);
    expect(
      (await create({ code: "zero", discount_type: "fixed_cart", amount: "0" })).statusCode,
    ).toBe(201);
  });

  it("rejects a percent update above 100", async () => {
    const created = await create({ code: "grow", discount_type: "fixed_cart", amount: "150" });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    const response = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/coupons/${id}`,
      headers: server.auth.manager,
      payload: { discount_type: "percent" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("coupon_invalid_amount");
  });

  it("rejects an email restriction that is no address", async () => {
    const response = await create({ code: "mail", email_restrictions: ["not an email"] });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("coupon_invalid_email_address");
    expect(response.json<{ message: string }>().message).toContain('"not an email"');
  });

  it("rejects an expiry date off the calendar", async () => {
    const before = await couponCount();
    const response = await create({ code: "feb30", date_expires: "2020-02-30T00:00:00" });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("rest_invalid_param");
    expect(response.json<{ message: string }>().message).toContain("date_expires");
    expect(await couponCount()).toBe(before);
  });

  it("stores email restrictions lower-cased", async () => {
    const response = await create({
      code: "mail-ok",
      email_restrictions: [" Shopper@Example.com", "*@Example.org"],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ email_restrictions: string[] }>().email_restrictions).toEqual([
      "shopper@example.com",
      "*@example.org",
    ]);
  });
});
