import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueOutboxRecord, OutboxRejection, orderCreateKind } from "@pos/sync";
import { OrderStore } from "../cart/order-store.js";
import { SalesDb } from "../db/sales-db.js";
import { emptyDraft } from "./customer-draft.js";
import { createCustomerOnTill, customerCreateKind } from "./customer-outbox.js";
import {
  CustomerNotOnStoreError,
  customerUpdateKind,
  replaceLocalCustomerId,
  withServerCustomerId,
} from "./customer-references.js";
import { loadDefaultCustomer, saveDefaultCustomer } from "./default-customer.js";
import { firstLocalCustomerId, isLocalCustomerId, readLocalCustomer } from "./local-customer.js";

const robin = { ...emptyDraft, firstName: "Robin", email: "robin@example.test" };

let db: SalesDb;

beforeEach(() => {
  db = new SalesDb(`customer-references-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

async function enqueue(id: string, kind: string, payload: unknown) {
  await db.transaction("rw", db.outbox, () =>
    enqueueOutboxRecord(db.outbox, { id, kind, payload }, 1_000),
  );
}

describe("createCustomerOnTill", () => {
  it("numbers temporary ids from 2^52 upwards", async () => {
    const first = await createCustomerOnTill(db, robin, { nowMs: 1 });
    const second = await createCustomerOnTill(db, robin, { nowMs: 2 });

    expect(first.localId).toBe(firstLocalCustomerId);
    expect(second.localId).toBe(firstLocalCustomerId + 1);
    expect(isLocalCustomerId(second.localId)).toBe(true);
    expect(isLocalCustomerId(41)).toBe(false);
  });

  it("queues a customer.create record under the client UUID", async () => {
    const local = await createCustomerOnTill(db, robin, { nowMs: 5 });
    const record = await db.outbox.get(local.clientUuid);

    expect(record?.kind).toBe(customerCreateKind);
    expect(record?.state).toBe("pending");
    expect(record?.payload).toEqual({ localId: local.localId });
  });

  it("rejects an invalid draft and stores nothing", async () => {
    await expect(
      createCustomerOnTill(db, { ...robin, email: "robin@" }, { nowMs: 1 }),
    ).rejects.toThrow(/customer is invalid.*email/s);

    expect(await db.localCustomers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("withServerCustomerId", () => {
  it("leaves a store customer id and a guest order as they are", async () => {
    const order = { customer_id: 41, line_items: [] };
    const guest = { line_items: [] };

    expect(await withServerCustomerId(db, order)).toBe(order);
    expect(await withServerCustomerId(db, guest)).toBe(guest);
  });

  it("waits while the customer is in the outbox", async () => {
    const local = await createCustomerOnTill(db, robin, { nowMs: 1 });

    await expect(withServerCustomerId(db, { customer_id: local.localId })).rejects.toBeInstanceOf(
      CustomerNotOnStoreError,
    );
  });

  it("parks an order whose customer was discarded", async () => {
    const local = await createCustomerOnTill(db, robin, { nowMs: 1 });
    await db.outbox.delete(local.clientUuid);

    await expect(withServerCustomerId(db, { customer_id: local.localId })).rejects.toBeInstanceOf(
      OutboxRejection,
    );
  });

  it("parks an order that names an unknown temporary id", async () => {
    await expect(
      withServerCustomerId(db, { customer_id: firstLocalCustomerId + 7 }),
    ).rejects.toThrow(/temporary id that this till does not have/);
  });

  it("returns the store's id once the customer was sent", async () => {
    const local = await createCustomerOnTill(db, robin, { nowMs: 1 });
    await db.transaction("rw", db.tables, () => replaceLocalCustomerId(db, local.localId, 52));

    expect(await withServerCustomerId(db, { customer_id: local.localId, set_paid: true })).toEqual({
      customer_id: 52,
      set_paid: true,
    });
  });
});

describe("replaceLocalCustomerId", () => {
  it("rewrites carts, unsent records and the default customer", async () => {
    const local = await createCustomerOnTill(db, robin, { nowMs: 1 });
    const orders = new OrderStore(db);
    const cart = await orders.startOrder();
    const other = await orders.startOrder();
    const customer = { id: local.localId, name: "Robin" };
    await orders.apply(cart.clientUuid, { type: "setCustomer", customer });
    await orders.apply(other.clientUuid, {
      type: "setCustomer",
      customer: { id: 9, name: "Nine" },
    });
    await saveDefaultCustomer(db, customer);
    await enqueue("sale-pending", orderCreateKind, { customer_id: local.localId });
    await enqueue("sale-other", orderCreateKind, { customer_id: 9 });
    await enqueue("edit", customerUpdateKind, { customerId: local.localId, draft: robin });
    await enqueue("sale-sent", orderCreateKind, { customer_id: local.localId });
    await db.outbox.update("sale-sent", { state: "sent" });

    await db.transaction("rw", db.tables, () =>
      replaceLocalCustomerId(db, local.localId, 52, "Robin Store"),
    );

    expect((await orders.get(cart.clientUuid)).customer).toEqual({ id: 52, name: "Robin Store" });
    expect((await orders.get(other.clientUuid)).customer).toEqual({ id: 9, name: "Nine" });
    expect(await loadDefaultCustomer(db)).toEqual({ id: 52, name: "Robin Store" });
    expect((await db.outbox.get("sale-pending"))?.payload).toEqual({ customer_id: 52 });
    expect((await db.outbox.get("sale-other"))?.payload).toEqual({ customer_id: 9 });
    expect((await db.outbox.get("edit"))?.payload).toMatchObject({ customerId: 52 });
    expect((await db.outbox.get("sale-sent"))?.payload).toEqual({ customer_id: local.localId });
    expect((await readLocalCustomer(db, local.localId))?.serverId).toBe(52);
  });
});
