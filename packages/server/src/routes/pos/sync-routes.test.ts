import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { writeSettingValues } from "../../store/store-settings.js";

interface Change {
  seq: number;
  collection: string;
  id: number;
  deleted: boolean;
  record?: Record<string, unknown>;
}

describe.each(testDialects)("pos/v1 change feed and snapshots on %s", (dialect) => {
  let server: TestServer;
  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: "GET", url, headers: { ...server.auth.cashier, ...headers } });

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("journals every imported record once", async () => {
    const head = (await get("/wp-json/pos/v1/changes/head")).json<{ head: number }>();
    expect(head.head).toBeGreaterThan(0);
    const feed = (await get("/wp-json/pos/v1/changes?since=0&limit=5000")).json<{
      changes: Change[];
      next: number;
      more: boolean;
    }>();
    const count = (collection: string) =>
      feed.changes.filter((c) => c.collection === collection).length;
    expect(count("products")).toBe(18);
    expect(count("variations")).toBe(7);
    expect(count("categories")).toBe(6);
    expect(count("tax_rates")).toBe(5);
    expect(feed.more).toBe(false);
    expect(feed.next).toBe(head.head);
    const seqs = feed.changes.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("sends records in the catalogue's camelCase shape", async () => {
    const feed = (await get("/wp-json/pos/v1/changes?since=0&limit=5000")).json<{
      changes: Change[];
    }>();
    const beanie = feed.changes.find((change) => change.record?.["sku"] === "woo-beanie");
    expect(beanie?.record).toMatchObject({
      type: "simple",
      status: "publish",
      name: "Beanie",
      price: "18",
      regularPrice: "20",
      salePrice: "18",
      onSale: true,
      taxStatus: "taxable",
      manageStock: false,
      stockQuantity: null,
      variationIds: [],
      categoryIds: [expect.any(Number) as unknown],
    });
  });

  it("pages the feed with next and more", async () => {
    const first = (await get("/wp-json/pos/v1/changes?since=0&limit=10")).json<{
      changes: Change[];
      next: number;
      more: boolean;
    }>();
    expect(first.changes).toHaveLength(10);
    expect(first.more).toBe(true);
    const second = (await get(`/wp-json/pos/v1/changes?since=${first.next}&limit=10`)).json<{
      changes: Change[];
    }>();
    expect(second.changes[0]?.seq).toBeGreaterThan(first.next);
  });

  it("answers 304 to a matching ETag until something changes", async () => {
    const head = (await get("/wp-json/pos/v1/changes/head")).json<{ head: number }>().head;
    const empty = await get(`/wp-json/pos/v1/changes?since=${head}`);
    expect(empty.json()).toEqual({ changes: [], next: head, more: false, totals: {} });
    const etag = String(empty.headers["etag"]);
    const unchanged = await get(`/wp-json/pos/v1/changes?since=${head}`, { "if-none-match": etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe("");

    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers",
      headers: server.auth.cashier,
      payload: {
        email: "feed.test@example.test",
        first_name: "Feed",
        billing: { phone: "555-0199" },
      },
    });
    expect(created.statusCode).toBe(201);
    const changed = await get(`/wp-json/pos/v1/changes?since=${head}`, { "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    const feed = changed.json<{ changes: Change[]; totals: Record<string, number> }>();
    expect(feed.changes).toHaveLength(1);
    const snapshot = (await get("/wp-json/pos/v1/snapshot/customers?limit=1")).json<{
      total: number;
    }>();
    expect(feed.totals).toEqual({ customers: snapshot.total });
    expect(feed.changes[0]).toMatchObject({
      collection: "customers",
      deleted: false,
      record: {
        email: "feed.test@example.test",
        firstName: "Feed",
        billing: { phone: "555-0199" },
      },
    });
  });

  it("answers 304 to an ETag in a list and to *", async () => {
    const head = (await get("/wp-json/pos/v1/changes/head")).json<{ head: number }>().head;
    const etag = String((await get(`/wp-json/pos/v1/changes?since=${head}`)).headers["etag"]);
    const listed = await get(`/wp-json/pos/v1/changes?since=${head}`, {
      "if-none-match": `W/"other", ${etag}`,
    });
    expect(listed.statusCode).toBe(304);
    const any = await get(`/wp-json/pos/v1/changes?since=${head}`, { "if-none-match": "*" });
    expect(any.statusCode).toBe(304);
  });

  it("brings a cursor past the head back to the head", async () => {
    const head = (await get("/wp-json/pos/v1/changes/head")).json<{ head: number }>().head;
    const ahead = await get(`/wp-json/pos/v1/changes?since=${head + 1000}`);
    expect(ahead.json()).toEqual({ changes: [], next: head, more: false, totals: {} });
  });

  it("sends a tombstone for a deleted record", async () => {
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/customers",
      headers: server.auth.cashier,
      payload: { email: "gone@example.test" },
    });
    const id = created.json<{ id: number }>().id;
    const head = (await get("/wp-json/pos/v1/changes/head")).json<{ head: number }>().head;
    await server.app.inject({
      method: "DELETE",
      url: `/wp-json/wc/v3/customers/${id}?force=true`,
      headers: server.auth.manager,
    });
    const feed = (await get(`/wp-json/pos/v1/changes?since=${head}`)).json<{
      changes: Change[];
    }>();
    expect(feed.changes).toEqual([{ seq: head + 1, collection: "customers", id, deleted: true }]);
  });

  it("pages snapshots in id order with a total", async () => {
    const first = (await get("/wp-json/pos/v1/snapshot/products?limit=10")).json<{
      records: { id: number }[];
      next_after: number | null;
      total: number;
    }>();
    expect(first.records).toHaveLength(10);
    expect(first.total).toBe(18);
    expect(first.next_after).toBe(first.records[9]?.id);
    const second = (
      await get(`/wp-json/pos/v1/snapshot/products?after=${first.next_after}&limit=10`)
    ).json<{ records: { id: number }[]; next_after: number | null }>();
    expect(second.records).toHaveLength(8);
    expect(second.next_after).toBeNull();
    const ids = [...first.records, ...second.records].map((record) => record.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const variations = (await get("/wp-json/pos/v1/snapshot/variations")).json<{
      records: { parentId: number }[];
      total: number;
    }>();
    expect(variations.total).toBe(7);
    expect(variations.records.every((record) => record.parentId > 0)).toBe(true);
  });

  it("rejects an unknown collection and a bad limit", async () => {
    const unknown = await get("/wp-json/pos/v1/snapshot/widgets");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: "rest_invalid_param" });
    const limit = await get("/wp-json/pos/v1/changes?limit=0");
    expect(limit.statusCode).toBe(400);
    expect((await get("/wp-json/pos/v1/snapshot/products?limit=5001")).statusCode).toBe(400);
  });

  describe("snapshot totals", () => {
    const total = async () =>
      (await get("/wp-json/pos/v1/snapshot/products?limit=1")).json<{ total: number }>().total;

    it("follow writes between pages", async () => {
      const before = await total();
      expect(await total()).toBe(before);

      const created = await server.app.inject({
        method: "POST",
        url: "/wp-json/wc/v3/products",
        headers: server.auth.manager,
        payload: { name: "Total Probe", regular_price: "3.00" },
      });
      expect(created.statusCode).toBe(201);
      expect(await total()).toBe(before + 1);

      const id = created.json<{ id: number }>().id;
      const drafted = await server.app.inject({
        method: "PUT",
        url: `/wp-json/wc/v3/products/${id}`,
        headers: server.auth.manager,
        payload: { status: "draft" },
      });
      expect(drafted.statusCode).toBe(200);
      expect(await total()).toBe(before);
    });
  });

  describe("barcode source setting", () => {
    const snapshotBarcodes = async () => {
      const body = (await get("/wp-json/pos/v1/snapshot/products?limit=5000")).json<{
        records: { sku: string; barcode: string }[];
      }>();
      return new Map(body.records.map((record) => [record.sku, record.barcode]));
    };
    const useSource = (value: string) =>
      writeSettingValues(server.store.db, { pos_barcode_source: value });

    beforeAll(async () => {
      const created = await server.app.inject({
        method: "POST",
        url: "/wp-json/wc/v3/products",
        headers: server.auth.manager,
        payload: {
          name: "Scanned Jam",
          sku: "jam-strawberry",
          global_unique_id: "4006381333931",
          meta_data: [{ key: "_ean", value: "5012345678900" }],
        },
      });
      expect(created.statusCode).toBe(201);
    });
    afterAll(() => useSource("global_unique_id"));

    it.each([
      ["global_unique_id", "4006381333931"],
      ["sku", "jam-strawberry"],
      ["meta:_ean", "5012345678900"],
      ["meta:_wpm_gtin_code", ""],
    ])("sends barcodes from %s", async (source, expected) => {
      await useSource(source);

      expect((await snapshotBarcodes()).get("jam-strawberry")).toBe(expected);
    });

    it("applies to the change feed too", async () => {
      await useSource("meta:_ean");
      const feed = (await get("/wp-json/pos/v1/changes?since=0&limit=5000")).json<{
        changes: Change[];
      }>();
      const jam = feed.changes.find((change) => change.record?.["sku"] === "jam-strawberry");

      expect(jam?.record?.["barcode"]).toBe("5012345678900");
    });

    it("reads an invalid setting as the global unique id", async () => {
      await useSource("meta:");

      expect((await snapshotBarcodes()).get("jam-strawberry")).toBe("4006381333931");
    });
  });
});
