import "fake-indexeddb/auto";
import type { WcOrder } from "@pos/woo";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OrderStore } from "../cart/order-store.js";
import { emptyOrder } from "../cart/test-orders.js";
import { SalesDb } from "../db/sales-db.js";
import type { StoredOrder } from "../db/stored-order.js";
import { formatOpenCart, openCartMetaKey, orderFromStoreOpenOrder } from "./open-cart-snapshot.js";

const uuid = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

function openOrder(): StoredOrder {
  return {
    ...emptyOrder(uuid),
    customer: { id: 7, name: "Ada Lovelace" },
    lines: [
      {
        lineId: "line-1",
        productId: 10,
        variationId: null,
        name: "Beanie",
        sku: "woo-beanie",
        attributes: [],
        quantity: 3,
        catalogPriceMinor: 1800,
        priceOverrideMinor: 1500,
        discountBasisPoints: 1000,
        onSale: false,
        taxStatus: "taxable",
        taxClass: "",
        categoryIds: [3],
      },
    ],
    adjustment: { kind: "discount", basis: "percent", value: 500 },
    coupons: [{ code: "spring10", toBeConfirmed: true }],
  };
}

function storeOrder(meta: { key: string; value: unknown }[], status = "pos-open"): WcOrder {
  return { id: 41, number: "41", status, meta_data: meta } as unknown as WcOrder;
}

describe("open cart snapshot", () => {
  it("round-trips the cart exactly", () => {
    const order = openOrder();
    const loaded = orderFromStoreOpenOrder(
      storeOrder([
        { key: "_pos_client_uuid", value: uuid },
        { key: openCartMetaKey, value: formatOpenCart(order) },
      ]),
      5_000,
    );
    expect(loaded.clientUuid).toBe(uuid);
    expect(loaded.status).toBe("pos-open");
    expect(loaded.lines).toEqual(order.lines);
    expect(loaded.adjustment).toEqual(order.adjustment);
    expect(loaded.coupons).toEqual(order.coupons);
    expect(loaded.customer).toEqual(order.customer);
    expect(loaded.parkedAtMs).toBe(5_000);
  });

  it("rejects an order without a till UUID", () => {
    expect(() => orderFromStoreOpenOrder(storeOrder([]), 0)).toThrow(
      "order #41 has no till order UUID",
    );
  });

  it("rejects an unreadable cart", () => {
    const order = storeOrder([
      { key: "_pos_client_uuid", value: uuid },
      { key: openCartMetaKey, value: "{not json" },
    ]);
    expect(() => orderFromStoreOpenOrder(order, 0)).toThrow(
      `order #41 has no readable ${openCartMetaKey} cart`,
    );
  });

  it("rejects a cart from a newer till", () => {
    const saved = JSON.parse(formatOpenCart(openOrder())) as Record<string, unknown>;
    const cart = { ...saved, formatVersion: 99 };
    const order = storeOrder([
      { key: "_pos_client_uuid", value: uuid },
      { key: openCartMetaKey, value: JSON.stringify(cart) },
    ]);
    expect(() => orderFromStoreOpenOrder(order, 0)).toThrow("order format 99");
  });
});

describe("OrderStore open orders from the store", () => {
  let db: SalesDb;

  beforeEach(() => {
    db = new SalesDb(`sales-test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it("imports a store order as parked", async () => {
    const store = new OrderStore(db, { nowMs: () => 9_000 });
    await store.importParked(openOrder());
    const open = await store.listOpen();
    expect(open.map((order) => order.clientUuid)).toEqual([uuid]);
    expect(open[0]?.parkedAtMs).toBe(9_000);
  });

  it("will not import over a completed order", async () => {
    await db.orders.put({ ...openOrder(), status: "completed" });
    const store = new OrderStore(db);
    await expect(store.importParked(openOrder())).rejects.toThrow(
      `order ${uuid} is already completed on this till`,
    );
  });

  it("removes an open order but not a completed one", async () => {
    const store = new OrderStore(db);
    await store.importParked(openOrder());
    await store.remove(uuid);
    expect(await db.orders.get(uuid)).toBeUndefined();

    await db.orders.put({ ...openOrder(), status: "completed" });
    await expect(store.remove(uuid)).rejects.toThrow("it cannot be removed");
    expect(await db.orders.get(uuid)).toBeDefined();
  });
});
