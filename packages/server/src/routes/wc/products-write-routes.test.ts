import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../../test-support/fixtures.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireProduct {
  id: number;
  name: string;
  sku: string;
  status: string;
  price: string;
  regular_price: string;
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: string;
}

describe.each(testDialects)("wc/v3 product writes on %s", (dialect) => {
  let server: TestServer;
  const call = (
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: unknown,
    role: "manager" | "cashier" = "manager",
  ) =>
    server.app.inject({
      method,
      url,
      headers: server.auth[role],
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const create = async (body: object) => {
    const response = await call("POST", "/wp-json/wc/v3/products", body);
    expect(response.statusCode).toBe(201);
    return response.json<WireProduct>();
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("creates a product with stock", async () => {
    const product = await create({
      name: "Blue Mug",
      sku: "blue-mug",
      regular_price: "9.5",
      stock_quantity: 4,
    });
    expect(product).toMatchObject({
      name: "Blue Mug",
      sku: "blue-mug",
      status: "publish",
      price: "9.5",
      manage_stock: true,
      stock_quantity: 4,
      stock_status: "instock",
    });
  });

  it("updates price and stock as the fixture shows", async () => {
    const product = await create({ name: "Update Me", regular_price: "1.00" });
    const fixture = readFixture("26-product-update-price");
    const response = await call(
      "PUT",
      `/wp-json/wc/v3/products/${product.id}`,
      fixture.request.body,
    );
    expect(response.statusCode).toBe(200);
    const expected = fixture.response.body as Record<string, unknown>;
    const ours = response.json<Record<string, unknown>>();
    for (const key of [
      "price",
      "regular_price",
      "stock_quantity",
      "manage_stock",
      "stock_status",
    ]) {
      expect(ours[key]).toEqual(expected[key]);
    }
  });

  it("rejects a duplicate SKU and writes nothing", async () => {
    const before = await call("GET", "/wp-json/wc/v3/products?per_page=1");
    const response = await call("POST", "/wp-json/wc/v3/products", {
      name: "Clash",
      sku: "woo-beanie",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "product_invalid_sku" });
    expect(response.json<{ message: string }>().message).toContain('"woo-beanie"');
    const after = await call("GET", "/wp-json/wc/v3/products?per_page=1");
    expect(after.headers["x-wp-total"]).toBe(before.headers["x-wp-total"]);
  });

  it("rejects bad prices, unknown categories and cashiers", async () => {
    expect(
      (await call("POST", "/wp-json/wc/v3/products", { name: "Bad", regular_price: "12,50" }))
        .statusCode,
    ).toBe(400);
    const category = await call("POST", "/wp-json/wc/v3/products", {
      name: "Bad",
      categories: [{ id: 999999 }],
    });
    expect(category.statusCode).toBe(400);
    expect(category.json()).toMatchObject({ code: "woocommerce_rest_invalid_term" });
    const cashier = await call("POST", "/wp-json/wc/v3/products", { name: "Nope" }, "cashier");
    expect(cashier.statusCode).toBe(403);
    expect(cashier.json()).toMatchObject({ code: "woocommerce_rest_cannot_create" });
  });

  it("trashes, then deletes for good", async () => {
    const product = await create({ name: "Short Lived", regular_price: "2.00" });
    const trashed = await call("DELETE", `/wp-json/wc/v3/products/${product.id}`);
    expect(trashed.statusCode).toBe(200);
    expect(trashed.json<WireProduct>().status).toBe("trash");
    expect(
      (await call("GET", `/wp-json/wc/v3/products/${product.id}`)).json<WireProduct>().status,
    ).toBe("trash");
    const listed = await call("GET", "/wp-json/wc/v3/products?status=trash");
    expect(listed.json<WireProduct[]>().map((p) => p.id)).toContain(product.id);
    const again = await call("DELETE", `/wp-json/wc/v3/products/${product.id}`);
    expect(again.statusCode).toBe(410);
    const forced = await call("DELETE", `/wp-json/wc/v3/products/${product.id}?force=true`);
    expect(forced.statusCode).toBe(200);
    expect(forced.json<WireProduct>().id).toBe(product.id);
    const gone = await call("GET", `/wp-json/wc/v3/products/${product.id}`);
    expect(gone.json()).toEqual(readFixture("62-product-get-deleted-404").response.body);
  });

  it("sends a tombstone for a trashed product", async () => {
    const product = await create({ name: "Feed Trash", regular_price: "2.00" });
    const head = (await call("GET", "/wp-json/pos/v1/changes/head")).json<{ head: number }>().head;
    await call("DELETE", `/wp-json/wc/v3/products/${product.id}`);
    const feed = (await call("GET", `/wp-json/pos/v1/changes?since=${head}`)).json<{
      changes: { id: number; deleted: boolean }[];
    }>();
    expect(feed.changes.find((change) => change.id === product.id)?.deleted).toBe(true);
  });

  it("runs a mixed batch with per-item errors", async () => {
    const beanie = (await call("GET", "/wp-json/wc/v3/products?sku=woo-beanie")).json<
      WireProduct[]
    >()[0];
    const response = await call("POST", "/wp-json/wc/v3/products/batch", {
      create: [{ name: "Batch Demo Product", regular_price: "3.00", sku: "batch-demo-1" }],
      update: [
        { id: beanie?.id, description: "<p>Warm.</p>" },
        { id: 99999999, regular_price: "1.00" },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      create: WireProduct[];
      update: (WireProduct | { id: number; error: unknown })[];
    }>();
    expect(body.create[0]).toMatchObject({ name: "Batch Demo Product", sku: "batch-demo-1" });
    expect(body.update[0]).toMatchObject({ id: beanie?.id, name: "Beanie" });
    const recorded = readFixture("63-products-batch-mixed").response.body as { update: unknown[] };
    expect(body.update[1]).toEqual(recorded.update[1]);
  });

  it("rejects a batch of more than 100 items with 413", async () => {
    const fixture = readFixture("64-products-batch-too-many");
    const response = await call("POST", "/wp-json/wc/v3/products/batch", fixture.request.body);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual(fixture.response.body);
  });

  it("creates and updates a variation", async () => {
    const parent = (await call("GET", "/wp-json/wc/v3/products?sku=woo-vneck-tee")).json<
      WireProduct[]
    >()[0];
    const created = await call("POST", `/wp-json/wc/v3/products/${parent?.id}/variations`, {
      sku: "woo-vneck-tee-yellow",
      regular_price: "12.00",
      attributes: [{ name: "Color", option: "Yellow" }],
    });
    expect(created.statusCode).toBe(201);
    const variation = created.json<WireProduct & { parent_id: number; name: string }>();
    expect(variation).toMatchObject({ parent_id: parent?.id, price: "12.00", name: "Yellow" });
    const updated = await call(
      "PUT",
      `/wp-json/wc/v3/products/${parent?.id}/variations/${variation.id}`,
      { sale_price: "10.00" },
    );
    expect(updated.json<WireProduct>().price).toBe("10.00");
    const refreshed = (await call("GET", `/wp-json/wc/v3/products/${parent?.id}`)).json<
      WireProduct & { variations: number[] }
    >();
    expect(refreshed.variations).toContain(variation.id);
    expect(refreshed.price).toBe("10.00");
  });

  describe("list filters", () => {
    const ids = async (query: string) =>
      (await call("GET", `/wp-json/wc/v3/products?per_page=100&${query}`))
        .json<WireProduct[]>()
        .map((p) => p.sku)
        .sort();

    it("filters featured and on sale", async () => {
      expect(await ids("featured=true")).toEqual([
        "woo-cap",
        "woo-hoodie-with-pocket",
        "woo-hoodie-with-zipper",
        "woo-sunglasses",
        "woo-vneck-tee",
      ]);
      const onSale = await ids("on_sale=true");
      expect(onSale).toEqual(
        expect.arrayContaining(["woo-beanie", "woo-belt", "woo-cap", "woo-single"]),
      );
      expect(onSale).not.toContain("woo-tshirt");
    });

    it("filters stock status, exclude and offset", async () => {
      await create({ name: "Sold Out", sku: "sold-out", regular_price: "1.00", stock_quantity: 0 });
      expect(await ids("stock_status=outofstock")).toEqual(["sold-out"]);
      const all = (
        await call("GET", "/wp-json/wc/v3/products?per_page=100&orderby=id&order=asc")
      ).json<WireProduct[]>();
      const first = all[0]!;
      expect(await ids(`exclude=${first.id}`)).not.toContain(first.sku);
      const offset = (
        await call("GET", "/wp-json/wc/v3/products?per_page=2&offset=1&orderby=id&order=asc")
      ).json<WireProduct[]>();
      expect(offset.map((p) => p.id)).toEqual([all[1]?.id, all[2]?.id]);
    });

    it("sorts by price with empty prices", async () => {
      const response = await call(
        "GET",
        "/wp-json/wc/v3/products?per_page=100&orderby=price&order=asc&status=publish",
      );
      expect(response.statusCode).toBe(200);
      const prices = response
        .json<WireProduct[]>()
        .map((p) => p.price)
        .filter((price) => price !== "")
        .map(Number);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    });

    it("filters by creation and modification dates", async () => {
      expect(await ids("after=2099-01-01T00:00:00")).toEqual([]);
      expect((await ids("before=2099-01-01T00:00:00")).length).toBeGreaterThan(18);
      expect(await ids("modified_before=2000-01-01T00:00:00")).toEqual([]);
    });
  });
});
