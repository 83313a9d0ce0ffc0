import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { insertTestProduct } from "../../test-support/test-products.js";

describe.each(testDialects)("a product's tax class on %s", (dialect) => {
  let server: TestServer;
  let productId: number;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
    productId = await insertTestProduct(server.store, { sku: "taxed-mug", price: "10.00" });
  });
  afterAll(() => server.close());

  const setTaxClass = async (taxClass: string) => {
    const response = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/products/${productId}`,
      headers: server.auth.manager,
      payload: { tax_class: taxClass },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ tax_class: string }>().tax_class;
  };

  it("keeps a class the store has", async () => {
    expect(await setTaxClass("reduced-rate")).toBe("reduced-rate");
  });

  it("reads a class name as its slug", async () => {
    expect(await setTaxClass("Zero rate")).toBe("zero-rate");
  });

  it("falls back to the standard class for an unknown class", async () => {
    expect(await setTaxClass("bogus")).toBe("");
  });

  it("reads standard as the standard class", async () => {
    await setTaxClass("reduced-rate");
    expect(await setTaxClass("standard")).toBe("");
  });
});
