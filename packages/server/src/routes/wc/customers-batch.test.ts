import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface BatchResult {
  create?: { id: number; email?: string; error?: { code: string } }[];
  update?: { id: number; first_name?: string; error?: { code: string } }[];
  delete?: { id: number; email?: string; error?: { code: string } }[];
}

describe.each(testDialects)("wc/v3 customers/batch on %s", (dialect) => {
  let server: TestServer;
  const batch = (payload: object, role: "manager" | "cashier" = "manager") =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers/batch",
      headers: server.auth[role],
      payload,
    });
  const customerCount = async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/wc/v3/customers?per_page=1",
      headers: server.auth.manager,
    });
    return Number(response.headers["x-wp-total"]);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("creates, updates and deletes in one request", async () => {
    const created = (
      await batch({
        create: [
          { email: "ada.batch@example.test", first_name: "Ada" },
          { email: "ben.batch@example.test", first_name: "Ben" },
        ],
      })
    ).json<BatchResult>().create;
    expect(created?.map((customer) => customer.email)).toEqual([
      "ada.batch@example.test",
      "ben.batch@example.test",
    ]);
    const [ada, ben] = created ?? [];

    const response = await batch({
      update: [{ id: ada?.id, first_name: "Adah" }],
      delete: [ben?.id],
    });
    const result = response.json<BatchResult>();

    expect(response.statusCode).toBe(200);
    expect(result.update?.[0]).toMatchObject({ id: ada?.id, first_name: "Adah" });
    expect(result.delete?.[0]).toMatchObject({ id: ben?.id, email: "ben.batch@example.test" });
    expect(result.create).toBeUndefined();
  });

  it("fails one item and keeps the others", async () => {
    const before = await customerCount();
    const result = (
      await batch({
        create: [
          { email: "not-an-email" },
          { email: "cara.batch@example.test" },
          { email: "cara.batch@example.test" },
        ],
        update: [{ id: 999_999, first_name: "Nobody" }],
      })
    ).json<BatchResult>();

    expect(result.create?.[0]?.error?.code).toBe("rest_invalid_param");
    expect(result.create?.[1]?.email).toBe("cara.batch@example.test");
    expect(result.create?.[2]?.error?.code).toBe("registration-error-email-exists");
    expect(result.update?.[0]).toMatchObject({
      id: 999_999,
      error: { code: "woocommerce_rest_invalid_id" },
    });
    expect(await customerCount()).toBe(before + 1);
  });

  it("rejects more than 100 items and writes nothing", async () => {
    const before = await customerCount();
    const create = Array.from({ length: 101 }, (_, n) => ({ email: `bulk${n}@example.test` }));
    const response = await batch({ create });

    expect(response.statusCode).toBe(413);
    expect(await customerCount()).toBe(before);
  });

  it("lets a cashier create but not delete", async () => {
    const created = (
      await batch({ create: [{ email: "dev.batch@example.test" }] }, "cashier")
    ).json<BatchResult>().create?.[0];
    expect(created?.email).toBe("dev.batch@example.test");

    const result = (await batch({ delete: [created?.id] }, "cashier")).json<BatchResult>();

    expect(result.delete?.[0]?.error?.code).toBe("woocommerce_rest_cannot_delete");
    const kept = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/customers/${created?.id}`,
      headers: server.auth.manager,
    });
    expect(kept.statusCode).toBe(200);
  });
});
