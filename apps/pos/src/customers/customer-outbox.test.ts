/// <reference types="node" />
import "fake-indexeddb/auto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WooClient } from "@pos/woo";
import { OrderStore } from "../cart/order-store.js";
import { newLine } from "../cart/test-orders.js";
import { completeSale } from "../checkout/complete-sale.js";
import { SalesDb } from "../db/sales-db.js";
import { createTillOutbox } from "../outbox/till-outbox.js";
import { MemoryLocks } from "../../../../packages/sync/src/test-support/memory-locks.js";
import { demoPassword, StoreServer } from "../../../../e2e/support/store-server.js";
import { customerName } from "./customer-name.js";
import {
  adoptExistingCustomer,
  createCustomerOnTill,
  editCustomerOnTill,
} from "./customer-outbox.js";
import { emptyDraft } from "./customer-draft.js";
import { loadDefaultCustomer, saveDefaultCustomer } from "./default-customer.js";
import { isLocalCustomerId, readLocalCustomer } from "./local-customer.js";
import { LostReplyProxy } from "./lost-reply-proxy.js";

interface WireCustomer {
  id: number;
  email: string;
  first_name: string;
  billing: { phone: string };
}

interface WireOrder {
  id: number;
  customer_id: number;
  meta_data: { key: string; value: unknown }[];
}

let store: StoreServer;
let proxy: LostReplyProxy;
let proxyUrl: string;
let cashierToken: string;
let beanieId: number;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  store = await StoreServer.launch();
  proxy = new LostReplyProxy(store.url);
  proxyUrl = await proxy.listen();
  cashierToken = await logIn("cashier");
  const [beanie] = await storeGet<{ id: number }[]>("wc/v3/products?sku=woo-beanie");
  if (!beanie) throw new Error("the demo store has no product with SKU woo-beanie");
  beanieId = beanie.id;
}, 90_000);

afterAll(async () => {
  await proxy.close();
  await store.dispose();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  proxy.dropReplies = 0;
});

async function logIn(username: string): Promise<string> {
  const response = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed with ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function storeGet<T>(route: string): Promise<T> {
  const response = await fetch(`${store.url}/wp-json/${route}`, {
    headers: { authorization: `Bearer ${cashierToken}` },
  });
  if (!response.ok) throw new Error(`GET ${route} failed with ${response.status}`);
  return (await response.json()) as T;
}

async function customersWithEmail(email: string): Promise<WireCustomer[]> {
  return storeGet(`wc/v3/customers?role=all&email=${encodeURIComponent(email)}`);
}

async function orderWithUuid(uuid: string): Promise<WireOrder[]> {
  const orders = await storeGet<WireOrder[]>("wc/v3/orders?per_page=100");
  return orders.filter((order) =>
    order.meta_data.some((meta) => meta.key === "_pos_client_uuid" && meta.value === uuid),
  );
}

/** Opens a till on its own fake-indexeddb database, sending through the proxy as the cashier. */
function openTill() {
  const db = new SalesDb(`customers-${crypto.randomUUID()}`);
  const client = new WooClient({
    baseUrl: proxyUrl,
    auth: { kind: "bearer", getToken: () => cashierToken },
  });
  const outbox = createTillOutbox(db, client, { locks: new MemoryLocks() });
  cleanups.push(() => db.delete());
  return { db, orders: new OrderStore(db), outbox };
}

function startOutbox(till: ReturnType<typeof openTill>): void {
  // Cleanups run last-in first, so the outbox stops before its database is deleted.
  cleanups.push(till.outbox.start());
}

/** Completes a cash sale to `customer` on the till; returns the order's client UUID. */
async function sellTo(till: ReturnType<typeof openTill>, customer: { id: number; name: string }) {
  const order = await till.orders.startOrder();
  await till.orders.apply(order.clientUuid, {
    type: "addLine",
    line: newLine({ productId: beanieId }),
  });
  await till.orders.apply(order.clientUuid, { type: "setCustomer", customer });
  const current = await till.orders.get(order.clientUuid);
  await completeSale(till.db, {
    clientUuid: order.clientUuid,
    tenders: [
      { method: "pos_cash", title: "Cash", amountMinor: 1800, changeMinor: 0, reference: null },
    ],
    totalMinor: 1800,
    currency: "USD",
    nowMs: Date.now(),
    buildBody: () => ({
      status: "completed",
      payment_method: "pos_cash",
      payment_method_title: "Cash",
      set_paid: true,
      ...(current.customer ? { customer_id: current.customer.id } : {}),
      meta_data: [{ key: "_pos_client_uuid", value: order.clientUuid }],
      line_items: [{ product_id: beanieId, quantity: 1 }],
    }),
    server: null,
  });
  return order.clientUuid;
}

function draft(email: string, firstName = "Robin") {
  return { ...emptyDraft, firstName, lastName: "Offline", email, phone: "555-0199" };
}

describe("customers sent through the till's outbox", () => {
  it("creates one customer after a lost reply", async () => {
    const till = openTill();
    const email = `robin.${crypto.randomUUID()}@example.test`;
    const local = await createCustomerOnTill(till.db, draft(email), { nowMs: Date.now() });
    const saleUuid = await sellTo(till, { id: local.localId, name: "Robin Offline" });
    await saveDefaultCustomer(till.db, { id: local.localId, name: "Robin Offline" });
    const postsBefore = proxy.customerPosts;
    proxy.dropReplies = 1;

    startOutbox(till);

    await vi.waitFor(async () => expect(await orderWithUuid(saleUuid)).toHaveLength(1), {
      timeout: 20_000,
    });
    const onStore = await customersWithEmail(email);
    expect(onStore).toHaveLength(1);
    const realId = onStore[0]!.id;
    expect(proxy.customerPosts - postsBefore).toBe(1);
    expect((await orderWithUuid(saleUuid))[0]?.customer_id).toBe(realId);
    expect((await till.orders.get(saleUuid)).customer?.id).toBe(realId);
    expect((await readLocalCustomer(till.db, local.localId))?.serverId).toBe(realId);
    expect((await loadDefaultCustomer(till.db))?.id).toBe(realId);
  });

  it("gives an open cart the store's id", async () => {
    const till = openTill();
    const email = `cart.${crypto.randomUUID()}@example.test`;
    const local = await createCustomerOnTill(till.db, draft(email), { nowMs: Date.now() });
    const cart = await till.orders.startOrder();
    await till.orders.apply(cart.clientUuid, {
      type: "setCustomer",
      customer: { id: local.localId, name: "Robin Offline" },
    });

    startOutbox(till);

    await vi.waitFor(
      async () =>
        expect((await till.orders.get(cart.clientUuid)).customer?.id).toBeLessThan(2 ** 52),
      { timeout: 20_000 },
    );
    const [onStore] = await customersWithEmail(email);
    expect((await till.orders.get(cart.clientUuid)).customer?.id).toBe(onStore?.id);
  });

  it("parks a taken email and holds the sale until the store's customer is used", async () => {
    const first = openTill();
    const email = `taken.${crypto.randomUUID()}@example.test`;
    await createCustomerOnTill(first.db, draft(email, "Sam"), { nowMs: Date.now() });
    startOutbox(first);
    await vi.waitFor(async () => expect(await customersWithEmail(email)).toHaveLength(1), {
      timeout: 20_000,
    });
    const [existing] = await customersWithEmail(email);

    const till = openTill();
    const local = await createCustomerOnTill(till.db, draft(email, "Samantha"), {
      nowMs: Date.now(),
    });
    const saleUuid = await sellTo(till, { id: local.localId, name: "Samantha Offline" });
    startOutbox(till);

    await vi.waitFor(
      async () => expect((await till.db.outbox.get(local.clientUuid))?.state).toBe("parked"),
      { timeout: 20_000 },
    );
    const conflict = (await readLocalCustomer(till.db, local.localId))?.conflict;
    expect(conflict?.existing?.id).toBe(existing?.id);
    expect(String((await till.db.outbox.get(local.clientUuid))?.lastError)).toMatch(email);
    await vi.waitFor(
      async () =>
        expect((await till.db.outbox.get(saleUuid))?.lastError).toMatch(/not on the store yet/),
      { timeout: 20_000 },
    );
    expect(await orderWithUuid(saleUuid)).toEqual([]);

    const chosen = conflict!.existing!;
    await adoptExistingCustomer(till.db, local.localId, chosen, customerName(chosen));
    till.outbox.drainNow();

    await vi.waitFor(async () => expect(await orderWithUuid(saleUuid)).toHaveLength(1), {
      timeout: 20_000,
    });
    expect((await orderWithUuid(saleUuid))[0]?.customer_id).toBe(existing?.id);
    expect((await till.orders.get(saleUuid)).customer).toEqual({
      id: existing?.id,
      name: "Sam Offline",
    });
    expect(await till.db.outbox.get(local.clientUuid)).toBeUndefined();
    expect(await customersWithEmail(email)).toHaveLength(1);
  });

  it("sends a parked customer again after the email changed", async () => {
    const first = openTill();
    const email = `again.${crypto.randomUUID()}@example.test`;
    await createCustomerOnTill(first.db, draft(email), { nowMs: Date.now() });
    startOutbox(first);
    await vi.waitFor(async () => expect(await customersWithEmail(email)).toHaveLength(1), {
      timeout: 20_000,
    });

    const till = openTill();
    const local = await createCustomerOnTill(till.db, draft(email), { nowMs: Date.now() });
    startOutbox(till);
    await vi.waitFor(
      async () => expect((await till.db.outbox.get(local.clientUuid))?.state).toBe("parked"),
      { timeout: 20_000 },
    );
    const newEmail = `changed.${crypto.randomUUID()}@example.test`;

    await editCustomerOnTill(till.db, local.localId, draft(newEmail), { nowMs: Date.now() });
    till.outbox.notifyChanged();

    await vi.waitFor(async () => expect(await customersWithEmail(newEmail)).toHaveLength(1), {
      timeout: 20_000,
    });
    const stored = await readLocalCustomer(till.db, local.localId);
    expect(stored?.conflict).toBeNull();
    await vi.waitFor(async () =>
      expect((await readLocalCustomer(till.db, local.localId))?.serverId).toBe(
        (await customersWithEmail(newEmail))[0]?.id,
      ),
    );
  });

  it("sends the latest draft of a customer edited before it was sent", async () => {
    const till = openTill();
    const email = `edited.${crypto.randomUUID()}@example.test`;
    const local = await createCustomerOnTill(till.db, draft(email), { nowMs: Date.now() });
    await editCustomerOnTill(
      till.db,
      local.localId,
      { ...draft(email), phone: "555-0142" },
      { nowMs: Date.now() },
    );

    startOutbox(till);

    await vi.waitFor(async () => expect(await customersWithEmail(email)).toHaveLength(1), {
      timeout: 20_000,
    });
    expect((await customersWithEmail(email))[0]?.billing.phone).toBe("555-0142");
  });

  it("updates a store customer through the outbox", async () => {
    const till = openTill();
    const email = `update.${crypto.randomUUID()}@example.test`;
    const local = await createCustomerOnTill(till.db, draft(email), { nowMs: Date.now() });
    startOutbox(till);
    await vi.waitFor(
      async () =>
        expect((await readLocalCustomer(till.db, local.localId))?.serverId).not.toBeNull(),
      { timeout: 20_000 },
    );
    const realId = (await readLocalCustomer(till.db, local.localId))!.serverId!;
    expect(isLocalCustomerId(realId)).toBe(false);

    await editCustomerOnTill(
      till.db,
      realId,
      { ...draft(email), phone: "555-0177" },
      {
        nowMs: Date.now(),
      },
    );
    till.outbox.notifyChanged();

    await vi.waitFor(
      async () => expect((await customersWithEmail(email))[0]?.billing.phone).toBe("555-0177"),
      { timeout: 20_000 },
    );
  });
});
