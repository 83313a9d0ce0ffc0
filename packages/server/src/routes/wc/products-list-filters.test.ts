import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("wc/v3 list filters on %s", (dialect) => {
  let server: TestServer;
  const call = async <T>(method: "GET" | "POST" | "PUT", url: string, payload?: object) => {
    const response = await server.app.inject({
      method,
      url,
      headers: server.auth.manager,
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: response.statusCode, body: response.json<T>() };
  };
  const names = async (url: string) => {
    const { status, body } = await call<{ name: string }[]>("GET", url);
    expect(status).toBe(200);
    return body.map((product) => product.name).sort();
  };
  const createCategory = async (name: string, parent = 0) =>
    (await call<{ id: number }>("POST", "/wp-json/wc/v3/products/categories", { name, parent }))
      .body.id;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  describe("categories", () => {
    it("lists products of child categories", async () => {
      const top = await createCategory("Filter top");
      const middle = await createCategory("Filter middle", top);
      const bottom = await createCategory("Filter bottom", middle);
      await call("POST", "/wp-json/wc/v3/products", {
        name: "Deep product",
        categories: [{ id: bottom }],
      });
      await call("POST", "/wp-json/wc/v3/products", {
        name: "Top product",
        categories: [{ id: top }],
      });
      expect(await names(`/wp-json/wc/v3/products?category=${top}`)).toEqual([
        "Deep product",
        "Top product",
      ]);
      expect(await names(`/wp-json/wc/v3/products?category=${bottom}`)).toEqual(["Deep product"]);
    });

    it("rejects a parent that makes a loop", async () => {
      const top = await createCategory("Loop top");
      const child = await createCategory("Loop child", top);
      const grandchild = await createCategory("Loop grandchild", child);
      const response = await call<{ code: string; message: string }>(
        "PUT",
        `/wp-json/wc/v3/products/categories/${top}`,
        { parent: grandchild },
      );
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(String(top));
      expect(response.body.message).toContain(String(grandchild));
      const stored = await call<{ parent: number }>(
        "GET",
        `/wp-json/wc/v3/products/categories/${top}`,
      );
      expect(stored.body.parent).toBe(0);
    });

    it("still moves a category to another branch", async () => {
      const left = await createCategory("Move left");
      const right = await createCategory("Move right");
      const leaf = await createCategory("Move leaf", left);
      const response = await call<{ parent: number }>(
        "PUT",
        `/wp-json/wc/v3/products/categories/${leaf}`,
        { parent: right },
      );
      expect(response.status).toBe(200);
      expect(response.body.parent).toBe(right);
    });

    it("hides empty categories on request", async () => {
      const empty = await createCategory("Empty shelf");
      const all = await call<{ id: number }[]>(
        "GET",
        "/wp-json/wc/v3/products/categories?per_page=100",
      );
      expect(all.body.map((category) => category.id)).toContain(empty);
      const hidden = await call<{ id: number; count: number }[]>(
        "GET",
        "/wp-json/wc/v3/products/categories?per_page=100&hide_empty=true",
      );
      expect(hidden.body.map((category) => category.id)).not.toContain(empty);
      expect(hidden.body.every((category) => category.count > 0)).toBe(true);
    });
  });

  describe("search", () => {
    it("matches every word", async () => {
      expect(await names("/wp-json/wc/v3/products?search=hoodie%20logo")).toEqual([
        "Hoodie with Logo",
      ]);
    });

    it("takes a quoted phrase and an excluded word", async () => {
      expect(await names("/wp-json/wc/v3/products?search=%22with%20logo%22")).toContain(
        "Hoodie with Logo",
      );
      const hoodies = await names("/wp-json/wc/v3/products?search=hoodie%20-logo");
      expect(hoodies).toContain("Hoodie");
      expect(hoodies).not.toContain("Hoodie with Logo");
    });
  });

  describe("prices and parents", () => {
    beforeAll(async () => {
      for (const [name, price] of [
        ["Pricey 5", "5.00"],
        ["Pricey 10", "10.00"],
        ["Pricey 20", "20.00"],
      ]) {
        await call("POST", "/wp-json/wc/v3/products", { name, regular_price: price });
      }
    });

    it("filters by min_price and max_price", async () => {
      expect(await names("/wp-json/wc/v3/products?search=pricey&min_price=10")).toEqual([
        "Pricey 10",
        "Pricey 20",
      ]);
      expect(await names("/wp-json/wc/v3/products?search=pricey&max_price=9.99")).toEqual([
        "Pricey 5",
      ]);
      expect(await names("/wp-json/wc/v3/products?search=pricey&min_price=6&max_price=19")).toEqual(
        ["Pricey 10"],
      );
    });

    it("rejects a price filter that is not a number", async () => {
      const response = await call<{ data: { params: Record<string, string> } }>(
        "GET",
        "/wp-json/wc/v3/products?min_price=ten",
      );
      expect(response.status).toBe(400);
      expect(response.body.data.params["min_price"]).toContain('"ten"');
    });

    it("filters by parent and parent_exclude", async () => {
      expect(await names("/wp-json/wc/v3/products?search=pricey&parent=0")).toHaveLength(3);
      expect(await names("/wp-json/wc/v3/products?search=pricey&parent=999")).toEqual([]);
      expect(await names("/wp-json/wc/v3/products?search=pricey&parent_exclude=0")).toEqual([]);
    });
  });

  describe("attributes", () => {
    let sizeId: number;
    let smallId: number;

    beforeAll(async () => {
      sizeId = (
        await call<{ id: number }>("POST", "/wp-json/wc/v3/products/attributes", {
          name: "Filter size",
          slug: "filter-size",
        })
      ).body.id;
      smallId = (
        await call<{ id: number }>("POST", `/wp-json/wc/v3/products/attributes/${sizeId}/terms`, {
          name: "Small",
        })
      ).body.id;
      await call("POST", `/wp-json/wc/v3/products/attributes/${sizeId}/terms`, { name: "Large" });
      await call("POST", "/wp-json/wc/v3/products", {
        name: "Small shirt",
        attributes: [{ id: sizeId, name: "Filter size", options: ["Small"] }],
      });
      await call("POST", "/wp-json/wc/v3/products", {
        name: "Large shirt",
        attributes: [{ id: sizeId, name: "Filter size", options: ["Large"] }],
      });
    });

    it("filters by attribute term", async () => {
      expect(
        await names(`/wp-json/wc/v3/products?attribute=pa_filter-size&attribute_term=${smallId}`),
      ).toEqual(["Small shirt"]);
    });

    it("rejects an unknown attribute or a missing term", async () => {
      const unknown = await call(
        "GET",
        "/wp-json/wc/v3/products?attribute=pa_nope&attribute_term=1",
      );
      expect(unknown.status).toBe(400);
      const missing = await call("GET", "/wp-json/wc/v3/products?attribute=pa_filter-size");
      expect(missing.status).toBe(400);
    });

    it("hides unused attribute terms on request", async () => {
      await call("POST", `/wp-json/wc/v3/products/attributes/${sizeId}/terms`, { name: "Unused" });
      const all = await names(`/wp-json/wc/v3/products/attributes/${sizeId}/terms`);
      expect(all).toEqual(["Large", "Small", "Unused"]);
      const used = await names(
        `/wp-json/wc/v3/products/attributes/${sizeId}/terms?hide_empty=true`,
      );
      expect(used).toEqual(["Large", "Small"]);
    });
  });
});
