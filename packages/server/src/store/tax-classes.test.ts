import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

interface WireError {
  code: string;
  message: string;
  data: { params?: Record<string, string> };
}

describe.each(testDialects)("wc/v3 tax classes on %s", (dialect) => {
  let server: TestServer;
  const call = (method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: server.auth.manager,
      ...(payload === undefined ? {} : { payload }),
    });
  const slugs = async () =>
    (await call("GET", "/wp-json/wc/v3/taxes/classes"))
      .json<{ slug: string }[]>()
      .map((taxClass) => taxClass.slug);

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("creates a class and lists it", async () => {
    const response = await call("POST", "/wp-json/wc/v3/taxes/classes", { name: "Food Items" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ slug: "food-items", name: "Food Items" });
    expect(await slugs()).toEqual(["standard", "reduced-rate", "zero-rate", "food-items"]);
  });

  it("rejects a duplicate and an empty name", async () => {
    const duplicate = await call("POST", "/wp-json/wc/v3/taxes/classes", { name: "Zero rate" });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json<WireError>().code).toBe("woocommerce_rest_tax_class_exists");
    const empty = await call("POST", "/wp-json/wc/v3/taxes/classes", { name: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<WireError>().code).toBe("woocommerce_rest_tax_class_invalid_name");
  });

  it("deletes a class with its rates", async () => {
    await call("POST", "/wp-json/wc/v3/taxes/classes", { name: "Luxury" });
    const rate = await call("POST", "/wp-json/wc/v3/taxes", {
      country: "US",
      rate: "20",
      class: "luxury",
    });
    expect(rate.statusCode).toBe(201);
    const rateId = rate.json<{ id: number }>().id;

    const unforced = await call("DELETE", "/wp-json/wc/v3/taxes/classes/luxury");
    expect(unforced.statusCode).toBe(501);
    const response = await call("DELETE", "/wp-json/wc/v3/taxes/classes/luxury?force=true");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ slug: "luxury", name: "Luxury" });
    expect(await slugs()).not.toContain("luxury");
    const gone = await call("GET", `/wp-json/wc/v3/taxes/${rateId}`);
    expect(gone.statusCode).toBe(404);
  });

  it("refuses to delete standard or an unknown class", async () => {
    for (const slug of ["standard", "nope"]) {
      const response = await call("DELETE", `/wp-json/wc/v3/taxes/classes/${slug}?force=true`);
      expect(response.statusCode).toBe(400);
      expect(response.json<WireError>().code).toBe("woocommerce_rest_invalid_tax_class");
    }
    expect(await slugs()).toContain("standard");
  });

  it("rejects a tax rate of an unknown class", async () => {
    const before = (await call("GET", "/wp-json/wc/v3/taxes?per_page=100")).json<unknown[]>();
    const response = await call("POST", "/wp-json/wc/v3/taxes", {
      country: "US",
      rate: "5",
      class: "nope",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<WireError>().data.params?.["class"]).toContain('"nope"');
    const after = (await call("GET", "/wp-json/wc/v3/taxes?per_page=100")).json<unknown[]>();
    expect(after).toHaveLength(before.length);
  });
});
