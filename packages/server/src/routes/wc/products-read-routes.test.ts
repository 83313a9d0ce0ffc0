import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("wc/v3 products on %s", (dialect) => {
  let server: TestServer;
  const get = (url: string) =>
    server.app.inject({ method: "GET", url, headers: server.auth.cashier });

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("lists 10 products by default with paging headers", async () => {
    const response = await get("/wp-json/wc/v3/products");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveLength(10);
    expect(response.headers["x-wp-total"]).toBe("18");
    expect(response.headers["x-wp-totalpages"]).toBe("2");
    expect(response.headers["link"]).toBe(
      '<http://localhost:80/wp-json/wc/v3/products?page=2>; rel="next"',
    );
  });

  it("links prev and next from a middle page", async () => {
    const response = await get("/wp-json/wc/v3/products?per_page=5&page=2&orderby=id&order=asc");
    const ids = response.json<{ id: number }[]>().map((product) => product.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(response.headers["link"]).toBe(
      '<http://localhost:80/wp-json/wc/v3/products?per_page=5&page=1&orderby=id&order=asc>; rel="prev", ' +
        '<http://localhost:80/wp-json/wc/v3/products?per_page=5&page=3&orderby=id&order=asc>; rel="next"',
    );
  });

  it("answers a page past the end with an empty list", async () => {
    const response = await get("/wp-json/wc/v3/products?per_page=100&page=26");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    expect(response.headers["x-wp-total"]).toBe("18");
    expect(response.headers["x-wp-totalpages"]).toBe("1");
    expect(response.headers["link"]).toBe(
      '<http://localhost:80/wp-json/wc/v3/products?per_page=100&page=1>; rel="prev"',
    );
  });

  it("keeps only the _fields asked for", async () => {
    const response = await get(
      "/wp-json/wc/v3/products?_fields=id%2Cname%2Cprice%2Cstock_quantity&per_page=2",
    );
    for (const product of response.json<Record<string, unknown>[]>()) {
      expect(Object.keys(product)).toEqual(["id", "name", "price", "stock_quantity"]);
    }
  });

  it("searches names", async () => {
    const response = await get("/wp-json/wc/v3/products?search=hoodie");
    const names = response
      .json<{ name: string }[]>()
      .map((product) => product.name)
      .sort();
    expect(names).toEqual([
      "Hoodie",
      "Hoodie with Logo",
      "Hoodie with Pocket",
      "Hoodie with Zipper",
    ]);
    expect(response.headers["x-wp-total"]).toBe("4");
  });

  it("finds one product by SKU and none for an unknown SKU", async () => {
    const found = await get("/wp-json/wc/v3/products?sku=woo-beanie");
    expect(found.json<{ sku: string }[]>().map((product) => product.sku)).toEqual(["woo-beanie"]);
    const none = await get("/wp-json/wc/v3/products?sku=does-not-exist");
    expect(none.json()).toEqual([]);
    expect(none.headers["x-wp-total"]).toBe("0");
    expect(none.headers["x-wp-totalpages"]).toBe("0");
  });

  it("sends a product with WooCommerce's field types", async () => {
    const list = await get("/wp-json/wc/v3/products?sku=woo-beanie");
    const id = list.json<{ id: number }[]>()[0]?.id;
    const product = (await get(`/wp-json/wc/v3/products/${id}`)).json<Record<string, unknown>>();
    expect(product).toMatchObject({
      id,
      name: "Beanie",
      type: "simple",
      status: "publish",
      price: "18",
      regular_price: "20",
      sale_price: "18",
      on_sale: true,
      manage_stock: false,
      stock_quantity: null,
      stock_status: "instock",
      tax_status: "taxable",
      tax_class: "",
      date_on_sale_from: null,
      categories: [{ id: expect.any(Number) as unknown, name: "Accessories", slug: "accessories" }],
    });
    expect(product["date_created_gmt"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(typeof product["date_created"]).toBe("string");
  });

  it("returns include ids in the order asked", async () => {
    const list = (await get("/wp-json/wc/v3/products?per_page=3&orderby=id&order=asc")).json<
      {
        id: number;
      }[]
    >();
    const ids = list.map((product) => product.id).reverse();
    const response = await get(
      `/wp-json/wc/v3/products?include=${ids.join("%2C")}&orderby=include`,
    );
    expect(response.json<{ id: number }[]>().map((product) => product.id)).toEqual(ids);
  });

  it("lists a variable product's variations", async () => {
    const parent = (await get("/wp-json/wc/v3/products?sku=woo-vneck-tee")).json<
      {
        id: number;
        variations: number[];
      }[]
    >()[0];
    const response = await get(`/wp-json/wc/v3/products/${parent?.id}/variations?per_page=100`);
    const variations = response.json<
      {
        id: number;
        parent_id: number;
        attributes: unknown[];
      }[]
    >();
    expect(variations).toHaveLength(3);
    expect(variations.map((v) => v.id).sort()).toEqual([...(parent?.variations ?? [])].sort());
    expect(variations[0]?.attributes).toEqual([
      {
        id: expect.any(Number) as unknown,
        name: "Color",
        slug: "pa_color",
        option: expect.any(String) as unknown,
      },
    ]);
  });

  it("filters by category", async () => {
    const categories = (await get("/wp-json/wc/v3/products/categories?per_page=100")).json<
      {
        id: number;
        name: string;
        count: number;
      }[]
    >();
    const music = categories.find((category) => category.name === "Music");
    expect(music?.count).toBe(2);
    const response = await get(`/wp-json/wc/v3/products?category=${music?.id}`);
    expect(
      response
        .json<{ name: string }[]>()
        .map((p) => p.name)
        .sort(),
    ).toEqual(["Album", "Single"]);
  });

  it("rejects per_page 1000 naming the value", async () => {
    const response = await get("/wp-json/wc/v3/products?per_page=1000");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: "rest_invalid_param",
      message: "Invalid parameter(s): per_page",
      data: {
        status: 400,
        params: {
          per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive), got "1000".',
        },
        details: {
          per_page: {
            code: "rest_invalid_param",
            message: 'per_page must be between 1 (inclusive) and 100 (inclusive), got "1000".',
            data: { param: "per_page" },
          },
        },
      },
    });
  });

  it("rejects an unknown orderby", async () => {
    const response = await get("/wp-json/wc/v3/products?orderby=banana");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "rest_invalid_param",
      message: "Invalid parameter(s): orderby",
    });
  });

  it("answers unknown ids and routes with WooCommerce's 404s", async () => {
    const product = await get("/wp-json/wc/v3/products/99999999");
    expect(product.statusCode).toBe(404);
    expect(product.json()).toEqual({
      code: "woocommerce_rest_product_invalid_id",
      message: "Invalid ID.",
      data: { status: 404 },
    });
    const route = await get("/wp-json/wc/v3/nope");
    expect(route.statusCode).toBe(404);
    expect(route.json()).toEqual({
      code: "rest_no_route",
      message: "No route was found matching the URL and request method.",
      data: { status: 404 },
    });
  });

  it("filters by modified_after in GMT", async () => {
    const response = await get(
      "/wp-json/wc/v3/products?modified_after=2099-01-01T00%3A00%3A00&dates_are_gmt=true",
    );
    expect(response.json()).toEqual([]);
    const bad = await get("/wp-json/wc/v3/products?modified_after=yesterday");
    expect(bad.statusCode).toBe(400);
  });

  it("sends taxes and the current currency", async () => {
    const taxes = (await get("/wp-json/wc/v3/taxes?per_page=100")).json<
      Record<string, unknown>[]
    >();
    expect(taxes).toHaveLength(5);
    expect(taxes[3]).toMatchObject({
      country: "US",
      state: "",
      rate: "10.0000",
      class: "standard",
      postcode: "",
      postcodes: [],
    });
    const currency = (await get("/wp-json/wc/v3/data/currencies/current")).json<
      Record<string, unknown>
    >();
    expect(currency).toMatchObject({
      code: "USD",
      name: "United States (US) dollar",
      symbol: "&#36;",
    });
  });
});
