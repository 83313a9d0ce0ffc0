import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../../test-support/fixtures.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireCustomer {
  id: number;
  email: string;
  first_name: string;
  billing: Record<string, string>;
  shipping: Record<string, string>;
}

describe.each(testDialects)("wc/v3 customers on %s", (dialect) => {
  let server: TestServer;
  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: server.auth.manager,
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("creates, finds, updates and deletes a customer", async () => {
    const body = readFixture("28-customer-create").request.body as object;
    const created = await call("POST", "/wp-json/wc/v3/customers", body);
    expect(created.statusCode).toBe(201);
    const customer = created.json<WireCustomer>();
    expect(created.headers["location"]).toBe(
      `http://localhost:80/wp-json/wc/v3/customers/${customer.id}`,
    );

    const found = (await call("GET", "/wp-json/wc/v3/customers?search=sampleton")).json<
      WireCustomer[]
    >();
    expect(found.map((c) => c.id)).toEqual([customer.id]);
    const byPhone = (await call("GET", "/wp-json/wc/v3/customers?search=555-0100")).json<
      WireCustomer[]
    >();
    expect(byPhone.map((c) => c.id)).toEqual([customer.id]);
    expect((await call("GET", "/wp-json/wc/v3/customers?search=nobody")).json()).toEqual([]);
    expect((await call("GET", "/wp-json/wc/v3/customers?search=first_name")).json()).toEqual([]);

    const updated = await call("PUT", `/wp-json/wc/v3/customers/${customer.id}`, {
      first_name: "Avery-Jo",
      billing: { phone: "555-0177" },
    });
    expect(updated.statusCode).toBe(200);
    const after = updated.json<WireCustomer>();
    expect(after.first_name).toBe("Avery-Jo");
    expect(after.billing["phone"]).toBe("555-0177");
    expect(after.billing["city"]).toBe("Sampleton");

    const single = await call("GET", `/wp-json/wc/v3/customers/${customer.id}`);
    expect(single.json<WireCustomer>().first_name).toBe("Avery-Jo");

    const trash = await call("DELETE", `/wp-json/wc/v3/customers/${customer.id}`);
    expect(trash.statusCode).toBe(501);
    const deleted = await call("DELETE", `/wp-json/wc/v3/customers/${customer.id}?force=true`);
    expect(deleted.statusCode).toBe(200);
    expect((await call("GET", `/wp-json/wc/v3/customers/${customer.id}`)).statusCode).toBe(404);
  });

  it("rejects an invalid email and a taken one on update", async () => {
    const invalid = await call("POST", "/wp-json/wc/v3/customers", { email: "not-an-email" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      code: "rest_invalid_param",
      data: { params: { email: expect.any(String) as unknown } },
    });
    const first = (
      await call("POST", "/wp-json/wc/v3/customers", { email: "first@example.test" })
    ).json<WireCustomer>();
    await call("POST", "/wp-json/wc/v3/customers", { email: "second@example.test" });
    const clash = await call("PUT", `/wp-json/wc/v3/customers/${first.id}`, {
      email: "second@example.test",
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json()).toMatchObject({ code: "registration-error-email-exists" });
  });

  it("derives a free username from the email", async () => {
    const first = (
      await call("POST", "/wp-json/wc/v3/customers", { email: "sam@one.example" })
    ).json<{ username: string }>();
    const second = (
      await call("POST", "/wp-json/wc/v3/customers", { email: "sam@two.example" })
    ).json<{ username: string }>();
    expect([first.username, second.username]).toEqual(["sam", "sam-2"]);
  });

  it("searches literally for % and _", async () => {
    await call("POST", "/wp-json/wc/v3/customers", {
      email: "percent@example.test",
      first_name: "100%",
    });
    const found = (await call("GET", "/wp-json/wc/v3/customers?search=100%25")).json<
      { first_name: string }[]
    >();
    expect(found.map((customer) => customer.first_name)).toEqual(["100%"]);
    await call("POST", "/wp-json/wc/v3/customers", {
      email: "under@example.test",
      first_name: "0a1",
    });
    expect((await call("GET", "/wp-json/wc/v3/customers?search=0_1")).json()).toEqual([]);
  });

  it("pages the customer list", async () => {
    for (let index = 0; index < 3; index += 1) {
      await call("POST", "/wp-json/wc/v3/customers", { email: `page${index}@example.test` });
    }
    const response = await call("GET", "/wp-json/wc/v3/customers?per_page=2&orderby=id&order=asc");
    expect(response.json<unknown[]>()).toHaveLength(2);
    expect(Number(response.headers["x-wp-total"])).toBeGreaterThanOrEqual(5);
  });
});
