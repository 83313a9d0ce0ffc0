import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture, shapeOf } from "../../test-support/fixtures.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

/** Keys whose value is null in one record and set in another; compared by name only. */
function withoutNullables(shape: unknown, keys: readonly string[]): unknown {
  if (typeof shape !== "object" || shape === null || Array.isArray(shape)) return shape;
  const copy: Record<string, unknown> = { ...(shape as Record<string, unknown>) };
  for (const key of keys) if (key in copy) copy[key] = "any";
  return copy;
}

describe.each(testDialects)("wire shapes against WooCommerce 11 fixtures on %s", (dialect) => {
  let server: TestServer;
  const get = (url: string) =>
    server.app.inject({ method: "GET", url, headers: server.auth.manager });
  const idOf = async (sku: string) =>
    await server.store.db
      .selectFrom("products")
      .select(["id", "parent_id"])
      .where("sku", "=", sku)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("sends a simple product with WooCommerce's fields and types", async () => {
    const fixture = readFixture("13-product-simple").response.body as Record<string, unknown>;
    const { id } = await idOf("woo-beanie");
    const ours = (await get(`/wp-json/wc/v3/products/${id}`)).json<Record<string, unknown>>();
    expect(Object.keys(ours)).toEqual(Object.keys(fixture));
    const loose = ["images", "related_ids", "_links", "meta_data", "tags", "brands"];
    expect(withoutNullables(shapeOf(ours), loose)).toEqual(
      withoutNullables(shapeOf(fixture), loose),
    );
  });

  it("sends a variation with WooCommerce's fields and types", async () => {
    const fixture = readFixture("16-product-variation-single").response.body as Record<
      string,
      unknown
    >;
    const { id, parent_id } = await idOf("woo-vneck-tee-blue");
    const ours = (await get(`/wp-json/wc/v3/products/${parent_id}/variations/${id}`)).json<
      Record<string, unknown>
    >();
    expect(Object.keys(ours)).toEqual(Object.keys(fixture));
    const loose = ["image", "_links", "meta_data", "permalink"];
    expect(withoutNullables(shapeOf(ours), loose)).toEqual(
      withoutNullables(shapeOf(fixture), loose),
    );
  });

  it("creates a customer as the fixture shows and rejects its duplicate", async () => {
    const created = readFixture("28-customer-create");
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers",
      headers: server.auth.manager,
      payload: created.request.body as object,
    });
    expect(response.statusCode).toBe(201);
    const ours = response.json<Record<string, unknown>>();
    const fixture = created.response.body as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(fixture));
    expect(shapeOf(withoutNullables(ours, ["_links", "meta_data"]))).toEqual(
      shapeOf(withoutNullables(fixture, ["_links", "meta_data"])),
    );
    expect(ours["billing"]).toEqual(fixture["billing"]);
    expect(ours["shipping"]).toEqual(fixture["shipping"]);

    const duplicate = readFixture("29-customer-create-duplicate-email");
    const again = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers",
      headers: server.auth.manager,
      payload: duplicate.request.body as object,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual(duplicate.response.body);
  });

  it("creates an order with WooCommerce's fields and types", async () => {
    const fixture = readFixture("37-order-create-set-paid");
    const beanie = await idOf("woo-beanie");
    const blue = await idOf("woo-vneck-tee-blue");
    const body = {
      ...(fixture.request.body as Record<string, unknown>),
      customer_id: 0,
      coupon_lines: [],
      line_items: [
        { product_id: beanie.id, quantity: 2 },
        { product_id: blue.parent_id, variation_id: blue.id, quantity: 1 },
      ],
    };
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    const ours = response.json<Record<string, unknown>>();
    const recorded = fixture.response.body as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(recorded));
    const loose = ["_links", "meta_data", "coupon_lines", "line_items", "customer_id"];
    expect(withoutNullables(shapeOf(ours), loose)).toEqual(
      withoutNullables(shapeOf(recorded), loose),
    );
    const ourLine = (ours["line_items"] as Record<string, unknown>[])[0] ?? {};
    const recordedLine = (recorded["line_items"] as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(ourLine)).toEqual(Object.keys(recordedLine));
  });

  it("sends the recorded error bodies", async () => {
    for (const name of [
      "70-error-400-per-page-1000",
      "73-error-404-unknown-route",
      "74-error-404-product",
      "75-error-404-order",
    ]) {
      const fixture = readFixture(name);
      const response = await get(fixture.request.url);
      expect(response.statusCode).toBe(fixture.response.status);
      const body = response.json<{ code: string; message: string; data: { status: number } }>();
      const recorded = fixture.response.body as typeof body;
      expect([body.code, body.message, body.data.status]).toEqual([
        recorded.code,
        recorded.message,
        recorded.data.status,
      ]);
    }
  });
});
