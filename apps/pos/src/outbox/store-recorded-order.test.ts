import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import {
  computeRestOrderTotals,
  parseMoney,
  parsePrecise,
  toMoney,
  type RestOrderInput,
} from "@pos/core";
import type { OutboxRecord } from "@pos/sync";
import type { WcOrderCreate } from "@pos/woo";
import { afterEach, describe, expect, it } from "vitest";
import { storeLocation, totalOrder, totalsSettings } from "../cart/cart-totals.js";
import { emptyOrder, newLine } from "../cart/test-orders.js";
import { buildOrderRequest } from "../checkout/order-request.js";
import { taxRate, testStore } from "../checkout/test-store.js";
import { SalesDb } from "../db/sales-db.js";
import { parseStoredOrder, type CartAdjustment, type StoredOrder } from "../db/stored-order.js";
import { withoutCoupons } from "./resend-without-coupons.js";
import { totalStoreRecordedOrder } from "./store-recorded-order.js";
import { recordServerOrder } from "./till-outbox.js";
import { testCoupon } from "../cart/test-coupons.js";

/** WooCommerce 11's response to `POST wc/v3/orders` with set_paid, as recorded. */
const storeReply = (
  JSON.parse(
    readFileSync(
      new URL(
        "../../../../packages/woo/test-fixtures/37-order-create-set-paid.json",
        import.meta.url,
      ),
      "utf8",
    ),
  ) as { response: { body: { id: number; number: string } } }
).response.body;

const spring = testCoupon({ amount: "15" });

const rates = [taxRate("10")];
const databases: SalesDb[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

/** Builds a paid sale with a coupon, three of one line and one of another, and its request. */
function paidSale(adjustment: CartAdjustment | null, pricesIncludeTax: boolean) {
  const store = { ...testStore, prices_include_tax: pricesIncludeTax };
  const base = emptyOrder();
  const order: StoredOrder = {
    ...base,
    status: "completed",
    lines: [
      { ...newLine(), lineId: "a", quantity: 3 },
      { ...newLine({ productId: 11, catalogPriceMinor: 795 }), lineId: "b", quantity: 1 },
    ],
    adjustment,
    coupons: [{ code: spring.code, toBeConfirmed: true }],
  };
  const cart = totalOrder(order, { store, taxRates: rates, coupons: [spring] });
  const body = buildOrderRequest(order, cart.input, cart.totals, store.decimals);
  const receipt = {
    localNumber: "RABCD-000004",
    serverId: null,
    number: null,
    totalMinor: cart.totals.total,
    currency: "USD",
    completedAtMs: 2_000,
    syncState: "pending" as const,
  };
  return { store, order: { ...order, receipt }, body, paidTotals: cart.totals };
}

function sentRecord(payload: WcOrderCreate): OutboxRecord {
  return {
    formatVersion: 1,
    id: "8d7f3c2a-1b4e-4f6a-9c0d-2e5b7a9f1c3d",
    kind: "order.create",
    payload,
    attempts: 2,
    state: "sending",
    lastError: null,
    createdAtMs: 1,
    nextAttemptAtMs: 1,
  };
}

async function tillWith(order: StoredOrder): Promise<SalesDb> {
  const db = new SalesDb(`store-recorded-${crypto.randomUUID()}`);
  databases.push(db);
  await db.orders.put(order);
  return db;
}

/** Totals a request as the store does: core's REST totals over the sent lines and fees. */
function storeTotals(request: WcOrderCreate, order: StoredOrder, store: typeof testStore) {
  const input: RestOrderInput = {
    lines: request.line_items.map((item, index) => {
      const line = order.lines[index]!;
      return {
        key: String(index),
        productId: item.product_id,
        variationId: 0,
        quantity: item.quantity,
        subtotal: parsePrecise(item.subtotal ?? "0"),
        total: parsePrecise(item.total ?? "0"),
        price: toMoney(line.catalogPriceMinor),
        taxStatus: line.taxStatus,
        taxClass: line.taxClass,
        categoryIds: line.categoryIds,
        onSale: line.onSale,
      };
    }),
    fees: (request.fee_lines ?? []).map((fee, index) => ({
      key: String(index),
      name: fee.name,
      amount: parseMoney(fee.total, store.decimals),
      taxable: fee.tax_status === "taxable",
      taxClass: fee.tax_class ?? "",
    })),
    shipping: [],
    coupons: [],
  };
  return computeRestOrderTotals(input, totalsSettings(store), rates, storeLocation(store));
}

describe("recordServerOrder after a resend without coupons", () => {
  it.each([
    ["no cart discount, prices without tax", null, false],
    ["no cart discount, prices with tax", null, true],
    ["a 5% cart discount", { kind: "discount", basis: "percent", value: 500 } as const, false],
  ])("keeps the store's record: %s", async (_case, adjustment, pricesIncludeTax) => {
    const { store, order, body, paidTotals } = paidSale(adjustment, pricesIncludeTax);
    const resent = withoutCoupons(body, { totalMinor: paidTotals.total, decimals: 2 });
    const db = await tillWith(order);

    await recordServerOrder(db, sentRecord(resent), storeReply);

    const stored = parseStoredOrder(await db.orders.get(order.clientUuid));
    expect(stored.coupons).toEqual([]);
    expect(stored.receipt?.syncState).toBe("sent");
    expect(stored.storeRecorded?.rejectedCoupons).toEqual(["spring10"]);
    expect(stored.storeRecorded?.lines.map((line) => line.lineId)).toEqual(["a", "b"]);
    expect(stored.storeRecorded?.fees).toHaveLength(adjustment === null ? 0 : 1);

    const tax = {
      settings: totalsSettings(store),
      taxRates: rates,
      location: storeLocation(store),
    };
    const till = totalStoreRecordedOrder(stored, stored.storeRecorded!, tax);
    const onStore = storeTotals(resent, order, store);
    expect(till.total).toBe(paidTotals.total);
    expect(till.total).toBe(onStore.total);
    expect(till.totalTax).toBe(onStore.totalTax);
    expect(till.discountTotal).toBe(onStore.discountTotal);
    expect(till.discountTotal).toBe(paidTotals.discountTotal);
    expect(till.lines.map((line) => line.total)).toEqual(onStore.lines.map((line) => line.total));
  });

  it("leaves a sale sent with its coupon", async () => {
    const { order, body } = paidSale(null, false);
    const db = await tillWith(order);

    await recordServerOrder(db, sentRecord(body), storeReply);

    const stored = parseStoredOrder(await db.orders.get(order.clientUuid));
    expect(stored.coupons).toEqual([{ code: "spring10", toBeConfirmed: true }]);
    expect(stored.storeRecorded).toBeUndefined();
    expect(stored.receipt?.serverId).toBe(storeReply.id);
  });

  it("logs a request it cannot match", async () => {
    const { order, body, paidTotals } = paidSale(null, false);
    const resent = withoutCoupons(body, { totalMinor: paidTotals.total, decimals: 2 });
    const oneLine = { ...resent, line_items: resent.line_items.slice(0, 1) };
    const db = await tillWith(order);

    await recordServerOrder(db, sentRecord(oneLine), storeReply);

    const stored = parseStoredOrder(await db.orders.get(order.clientUuid));
    expect(stored.receipt?.syncState).toBe("sent");
    expect(stored.coupons).toHaveLength(1);
    expect(stored.storeRecorded).toBeUndefined();
    const log = await db.log.toArray();
    expect(log.map((entry) => entry.message)).toEqual([
      expect.stringContaining("was sent with 1 lines but has 2 on this till"),
    ]);
  });

  it("reads orders stored without the field", () => {
    const { order } = paidSale(null, false);

    expect(parseStoredOrder(order).storeRecorded).toBeUndefined();
  });
});
