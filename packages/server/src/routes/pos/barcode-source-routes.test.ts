import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface Change {
  collection: string;
  id: number;
  deleted: boolean;
  record?: { sku: string; barcode: string };
}

const url = "/wp-json/pos/v1/settings/pos_barcode_source";

describe.each(testDialects)("pos/v1 barcode source setting on %s", (dialect) => {
  let server: TestServer;
  const as = (role: "administrator" | "manager" | "cashier") => server.auth[role];
  const readValue = async () =>
    (await server.app.inject({ method: "GET", url, headers: as("cashier") })).json<{
      value: string;
    }>().value;
  const change = (value: unknown, role: "administrator" | "manager" | "cashier" = "manager") =>
    server.app.inject({ method: "PUT", url, headers: as(role), payload: { value } });
  const journalHead = async () =>
    (
      await server.app.inject({
        method: "GET",
        url: "/wp-json/pos/v1/changes/head",
        headers: as("cashier"),
      })
    ).json<{ head: number }>().head;
  const changesSince = async (since: number) =>
    (
      await server.app.inject({
        method: "GET",
        url: `/wp-json/pos/v1/changes?since=${since}&limit=5000`,
        headers: as("cashier"),
      })
    ).json<{ changes: Change[] }>().changes;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/products",
      headers: as("manager"),
      payload: {
        name: "Scanned Jam",
        sku: "jam-strawberry",
        global_unique_id: "4006381333931",
        meta_data: [{ key: "_ean", value: "5012345678900" }],
      },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => server.close());

  it("reads the default for a cashier", async () => {
    const response = await server.app.inject({ method: "GET", url, headers: as("cashier") });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: "pos_barcode_source",
      value: "global_unique_id",
      default: "global_unique_id",
    });
  });

  it("journals only products whose barcode changed", async () => {
    const head = await journalHead();

    const response = await change("meta:_ean");

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      value: "meta:_ean",
      changed: { products: 1, variations: 0 },
    });
    expect(await readValue()).toBe("meta:_ean");
    const changes = await changesSince(head);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.record).toMatchObject({ sku: "jam-strawberry", barcode: "5012345678900" });
  });

  it("journals variations under their own collection", async () => {
    const head = await journalHead();

    const response = await change(" sku ", "administrator");

    expect(response.statusCode).toBe(200);
    expect(response.json<{ value: string }>().value).toBe("sku");
    const variations = (await changesSince(head)).filter((c) => c.collection === "variations");
    expect(variations.length).toBeGreaterThan(0);
    for (const variation of variations) {
      expect(variation.record?.barcode).toBe(variation.record?.sku);
    }
  });

  it("journals nothing when the source is unchanged", async () => {
    const head = await journalHead();

    const response = await change("sku");

    expect(response.json()).toMatchObject({ changed: { products: 0, variations: 0 } });
    expect(await journalHead()).toBe(head);
  });

  it.each(["meta:", "ean", "meta:bad key", "", "meta: spaces", "SKU", "meta:_éan"])(
    "rejects %j and changes nothing",
    async (value) => {
      const head = await journalHead();

      const response = await change(value);

      expect(response.statusCode).toBe(400);
      const body = response.json<{ code: string; data: { params: { value: string } } }>();
      expect(body.code).toBe("rest_invalid_param");
      expect(body.data.params.value).toContain(`barcode source "${value}" is invalid`);
      expect(body.data.params.value).toContain("global_unique_id, sku, or meta:<key>");
      expect(await readValue()).toBe("sku");
      expect(await journalHead()).toBe(head);
    },
  );

  it("rejects a value that is not a string", async () => {
    const response = await change(12);

    expect(response.statusCode).toBe(400);
    expect(await readValue()).toBe("sku");
  });

  it("lets a cashier read but not change it", async () => {
    const response = await change("global_unique_id", "cashier");

    expect(response.statusCode).toBe(403);
    expect(await readValue()).toBe("sku");
  });

  it.each([
    ["a 256-character meta key", `meta:${"k".repeat(256)}`, "it has 261 characters"],
    ["a megabyte of text", `meta:${"k ".repeat(500_000)}`, "it has 1000004 characters"],
  ])("rejects %s with its length", async (_case, value, length) => {
    const head = await journalHead();

    const response = await change(value);

    expect(response.statusCode).toBe(400);
    const message = response.json<{ data: { params: { value: string } } }>().data.params.value;
    expect(message).toContain(length);
    expect(message).toContain("a meta key has at most 255");
    expect(response.body.length).toBeLessThan(2000);
    expect(await readValue()).toBe("sku");
    expect(await journalHead()).toBe(head);
  });

  it("trims spaces around a value", async () => {
    const head = await journalHead();

    const response = await change(" sku\n");

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ value: "sku", changed: { products: 0 } });
    expect(await journalHead()).toBe(head);
  });

  it("accepts a meta key of 255 characters", async () => {
    const value = `meta:${"k".repeat(255)}`;

    const response = await change(value);

    expect(response.statusCode).toBe(200);
    expect(await readValue()).toBe(value);
  });
});
