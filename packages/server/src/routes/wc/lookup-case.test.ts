import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { insertTestProduct } from "../../test-support/test-products.js";

describe.each(testDialects)("SKU and email lookups without case on %s", (dialect) => {
  let server: TestServer;
  let productId: number;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
    productId = await insertTestProduct(server.store, { sku: "case-mug", price: "10.00" });
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers",
      headers: server.auth.manager,
      payload: { email: "Case.Person@example.test", first_name: "Case" },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => server.close());

  const get = (url: string) =>
    server.app.inject({ method: "GET", url, headers: server.auth.manager });

  it("finds a product by its SKU in capitals", async () => {
    const response = await get("/wp-json/wc/v3/products?sku=CASE-MUG");
    expect(response.json<{ id: number }[]>().map((product) => product.id)).toEqual([productId]);
  });

  it("finds a customer by an email in other case", async () => {
    const response = await get("/wp-json/wc/v3/customers?email=CASE.PERSON@EXAMPLE.TEST&role=all");
    expect(response.json<{ email: string }[]>().map((customer) => customer.email)).toEqual([
      "Case.Person@example.test",
    ]);
  });
});
