/// <reference types="node" />
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp, openStoreDatabase, seedDemoStore, type StoreDatabase } from "@pos/server";
import { WooClient } from "@pos/woo";
import { MemoryLocks } from "../test-support/memory-locks.js";
import { FaultProxy } from "./fault-proxy.js";
import { Outbox } from "./outbox.js";
import { enqueueOutboxRecord } from "./outbox-record.js";
import { orderCreateKind, orderCreateSender } from "./send-order.js";
import { TestOutboxDb, uniqueOutboxDbName } from "./test-outbox-db.js";

const password = "outbox-test-password";
let dataDir: string;
let store: StoreDatabase;
let app: FastifyInstance;
let serverUrl: string;
let token: string;
let beanieId: number;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "pos-outbox-test-"));
  store = await openStoreDatabase({ dataDir });
  await seedDemoStore(store, password, () => new Date());
  app = await buildApp({ store });
  serverUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  token = await logIn("cashier");
  beanieId = (await findProduct("woo-beanie")).id;
  await manageStock(beanieId, 5);
});

afterAll(async () => {
  await app.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await manageStock(beanieId, 5);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function logIn(username: string): Promise<string> {
  const response = await fetch(`${serverUrl}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Gives the product a managed stock of `quantity`, as case S1 starts (the demo has none). */
async function manageStock(productId: number, quantity: number): Promise<void> {
  const response = await fetch(`${serverUrl}/wp-json/wc/v3/products/${productId}`, {
    method: "PUT",
    headers: {
      authorization: `Bearer ${await logIn("manager")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ manage_stock: true, stock_quantity: quantity }),
  });
  if (!response.ok) throw new Error(`stock update failed: ${await response.text()}`);
}

async function get<T>(route: string): Promise<T> {
  const response = await fetch(`${serverUrl}/wp-json/${route}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as T;
}

async function findProduct(sku: string) {
  const [product] = await get<{ id: number; stock_quantity: number | null }[]>(
    `wc/v3/products?sku=${sku}`,
  );
  if (!product) throw new Error(`no product ${sku} in the demo store`);
  return product;
}

async function ordersWithUuid(uuid: string): Promise<number> {
  const orders = await get<{ meta_data: { key: string; value: unknown }[] }[]>(
    "wc/v3/orders?per_page=100",
  );
  return orders.filter((order) =>
    order.meta_data.some((entry) => entry.key === "_pos_client_uuid" && entry.value === uuid),
  ).length;
}

/** A till tab: its own Dexie connection to the shared database and its own outbox. */
function openTab(dbName: string, proxyUrl: string, locks: MemoryLocks, timeoutMs = 5_000) {
  const db = new TestOutboxDb(dbName);
  const client = new WooClient({
    baseUrl: proxyUrl,
    auth: { kind: "bearer", getToken: () => token },
  });
  const outbox = new Outbox({
    db,
    table: db.outbox,
    senders: { [orderCreateKind]: orderCreateSender(client, timeoutMs) },
    onSent: async (record, result) => {
      await db.acknowledged.put({ id: record.id, serverId: (result as { id: number }).id });
    },
    locks,
    backoff: { baseDelayMs: 10, maxDelayMs: 40 },
    idleCheckMs: 30,
  });
  cleanups.push(() => Promise.resolve(db.close()));
  return { db, outbox };
}

async function withProxy(): Promise<FaultProxy & { url: string }> {
  const proxy = new FaultProxy(serverUrl);
  const url = await proxy.listen();
  cleanups.push(() => proxy.close());
  return Object.assign(proxy, { url });
}

function orderPayload(uuid: string) {
  return {
    status: "completed",
    payment_method: "pos_cash",
    payment_method_title: "Cash",
    set_paid: true,
    meta_data: [{ key: "_pos_client_uuid", value: uuid }],
    line_items: [{ product_id: beanieId, quantity: 1 }],
  };
}

async function enqueueSale(db: TestOutboxDb, uuid: string) {
  await db.transaction("rw", db.outbox, () =>
    enqueueOutboxRecord(
      db.outbox,
      { id: uuid, kind: orderCreateKind, payload: orderPayload(uuid) },
      Date.now(),
    ),
  );
}

function start(outbox: Outbox) {
  cleanups.push(outbox.start());
}

describe("Outbox against the store server", () => {
  it("sends one order when replies are lost after commit", async () => {
    const proxy = await withProxy();
    proxy.faults.push({ kind: "dropReply" }, { kind: "dropReply" });
    const uuid = crypto.randomUUID();
    const { db, outbox } = openTab(uniqueOutboxDbName(), proxy.url, new MemoryLocks());
    await enqueueSale(db, uuid);
    start(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    expect(proxy.orderPosts).toBe(3);
    expect(await ordersWithUuid(uuid)).toBe(1);
    expect((await findProduct("woo-beanie")).stock_quantity).toBe(4);
    expect((await db.acknowledged.get(uuid))?.serverId).toBeGreaterThan(0);
  });

  it("sends each sale once from two tabs", async () => {
    const proxy = await withProxy();
    const dbName = uniqueOutboxDbName();
    const locks = new MemoryLocks();
    const first = openTab(dbName, proxy.url, locks);
    const second = openTab(dbName, proxy.url, locks);
    const uuids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const uuid of uuids) await enqueueSale(first.db, uuid);
    start(first.outbox);
    start(second.outbox);

    await vi.waitFor(async () => expect((await second.outbox.status()).sent).toBe(3));
    expect(proxy.orderPosts).toBe(3);
    for (const uuid of uuids) expect(await ordersWithUuid(uuid)).toBe(1);
    expect((await findProduct("woo-beanie")).stock_quantity).toBe(2);
  });

  it("retries a 500 until the server recovers", async () => {
    const proxy = await withProxy();
    proxy.faults.push({ kind: "fail500" }, { kind: "fail500" });
    const uuid = crypto.randomUUID();
    const { db, outbox } = openTab(uniqueOutboxDbName(), proxy.url, new MemoryLocks());
    await enqueueSale(db, uuid);
    start(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    expect((await db.outbox.get(uuid))?.attempts).toBe(3);
    expect(await ordersWithUuid(uuid)).toBe(1);
    expect((await findProduct("woo-beanie")).stock_quantity).toBe(4);
  });

  it("retries after a 10 s answer times out", async () => {
    const proxy = await withProxy();
    proxy.faults.push({ kind: "delayReply", delayMs: 10_000 });
    const uuid = crypto.randomUUID();
    const tab = openTab(uniqueOutboxDbName(), proxy.url, new MemoryLocks(), 300);
    await enqueueSale(tab.db, uuid);
    start(tab.outbox);

    await vi.waitFor(async () => expect((await tab.outbox.status()).sent).toBe(1), {
      timeout: 5_000,
    });
    const record = await tab.db.outbox.get(uuid);
    expect(record?.attempts).toBe(2);
    expect(await ordersWithUuid(uuid)).toBe(1);
    expect((await findProduct("woo-beanie")).stock_quantity).toBe(4);
  });

  it("parks an order the server rejects", async () => {
    const proxy = await withProxy();
    const uuid = crypto.randomUUID();
    const { db, outbox } = openTab(uniqueOutboxDbName(), proxy.url, new MemoryLocks());
    await db.transaction("rw", db.outbox, () =>
      enqueueOutboxRecord(
        db.outbox,
        {
          id: uuid,
          kind: orderCreateKind,
          payload: { ...orderPayload(uuid), coupon_lines: [{ code: "NO-SUCH-COUPON" }] },
        },
        Date.now(),
      ),
    );
    start(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).parked).toBe(1));
    expect((await db.outbox.get(uuid))?.lastError).toContain("NO-SUCH-COUPON");
    expect(await ordersWithUuid(uuid)).toBe(0);
    expect((await findProduct("woo-beanie")).stock_quantity).toBe(5);
  });
});
