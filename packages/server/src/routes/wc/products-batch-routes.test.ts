import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireVariation {
  id: number;
  sku: string;
  regular_price: string;
  attributes: { id: number; name: string; option: string }[];
}

interface BatchReply {
  create?: Array<WireVariation & { error?: { code: string; message: string } }>;
  update?: Array<WireVariation & { error?: { code: string } }>;
  delete?: Array<WireVariation & { error?: { code: string } }>;
}

describe.each(testDialects)("variation batches and attribute ids on %s", (dialect) => {
  let server: TestServer;
  let parentId: number;
  let colorId: number;
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: server.auth.manager,
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const attributes = await call("GET", "/wp-json/wc/v3/products/attributes");
    const color = attributes.json<{ id: number; name: string }[]>().find((a) => a.name === "Color");
    if (color === undefined) throw new Error("the sample catalogue has no Color attribute");
    colorId = color.id;
    const parent = await call("POST", "/wp-json/wc/v3/products", {
      name: "Batch parent",
      type: "variable",
      attributes: [{ id: colorId, name: "Color", variation: true, options: ["Green", "Red"] }],
    });
    parentId = parent.json<{ id: number }>().id;
  });
  afterAll(() => server.close());

  it("creates a variation from an attribute id", async () => {
    const response = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations`, {
      regular_price: "17.00",
      attributes: [{ id: colorId, option: "Green" }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<WireVariation>().attributes).toEqual([
      expect.objectContaining({ id: colorId, name: "Color", option: "Green" }),
    ]);
  });

  it("rejects an attribute with neither id nor name", async () => {
    const response = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations`, {
      attributes: [{ option: "Green" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("attributes[0]");
  });

  it("rejects an unknown attribute id", async () => {
    const response = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations`, {
      attributes: [{ id: 99999, option: "Green" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("99999");
  });

  it("creates, updates and deletes variations in one batch", async () => {
    const first = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations`, {
      sku: "BATCH-V1",
      regular_price: "5.00",
    });
    const firstId = first.json<WireVariation>().id;
    const doomed = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations`, {
      sku: "BATCH-V2",
    });
    const doomedId = doomed.json<WireVariation>().id;

    const response = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations/batch`, {
      create: [
        { sku: "BATCH-V3", regular_price: "7.00", attributes: [{ id: colorId, option: "Red" }] },
        { sku: "BATCH-V1" },
      ],
      update: [{ id: firstId, regular_price: "6.00" }],
      delete: [doomedId],
    });
    expect(response.statusCode).toBe(200);
    const reply = response.json<BatchReply>();
    expect(reply.create?.[0]?.sku).toBe("BATCH-V3");
    expect(reply.create?.[1]?.error?.code).toBe("product_invalid_sku");
    expect(reply.update?.[0]?.regular_price).toBe("6.00");
    expect(reply.delete?.[0]?.id).toBe(doomedId);
    const gone = await call("GET", `/wp-json/wc/v3/products/${parentId}/variations/${doomedId}`);
    expect(gone.statusCode).toBe(404);
  });

  it("keeps another product's variation out of the batch", async () => {
    const other = await call("POST", "/wp-json/wc/v3/products", { type: "variable" });
    const otherId = other.json<{ id: number }>().id;
    const variation = await call("POST", `/wp-json/wc/v3/products/${otherId}/variations`, {});
    const variationId = variation.json<WireVariation>().id;
    const response = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations/batch`, {
      update: [{ id: variationId, regular_price: "1.00" }],
      delete: [variationId],
    });
    const reply = response.json<BatchReply>();
    expect(reply.update?.[0]?.error?.code).toBe("woocommerce_rest_product_invalid_id");
    expect(reply.delete?.[0]?.error?.code).toBe("woocommerce_rest_product_invalid_id");
    const kept = await call("GET", `/wp-json/wc/v3/products/${otherId}/variations/${variationId}`);
    expect(kept.statusCode).toBe(200);
  });

  it("rejects a variation batch of 101 items with 413", async () => {
    const create = Array.from({ length: 101 }, () => ({}));
    const response = await call("POST", `/wp-json/wc/v3/products/${parentId}/variations/batch`, {
      create,
    });
    expect(response.statusCode).toBe(413);
  });

  it("runs a coupon batch", async () => {
    const existing = await call("POST", "/wp-json/wc/v3/coupons", { code: "batch-old" });
    const existingId = existing.json<{ id: number }>().id;
    const response = await call("POST", "/wp-json/wc/v3/coupons/batch", {
      create: [{ code: "batch-new", amount: "5" }, { amount: "1" }],
      update: [{ id: existingId, amount: "3" }],
      delete: [999999],
    });
    expect(response.statusCode).toBe(200);
    const reply = response.json<{
      create: Array<{ code?: string; error?: { code: string } }>;
      update: Array<{ amount?: string }>;
      delete: Array<{ id: number; error?: { code: string } }>;
    }>();
    expect(reply.create[0]?.code).toBe("batch-new");
    expect(reply.create[1]?.error?.code).toBe("rest_missing_callback_param");
    expect(reply.update[0]?.amount).toBe("3.00");
    expect(reply.delete[0]).toMatchObject({
      id: 999999,
      error: { code: "woocommerce_rest_shop_coupon_invalid_id" },
    });
  });
});
