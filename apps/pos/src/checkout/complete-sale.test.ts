import "fake-indexeddb/auto";
import type { DBCore } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { OrderStore } from "../cart/order-store.js";
import { newLine } from "../cart/test-orders.js";
import { SalesDb } from "../db/sales-db.js";
import { completeSale, type SaleCompletion } from "./complete-sale.js";

const databases: SalesDb[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function openDb(failWrites: () => boolean = () => false): SalesDb {
  const db = new SalesDb(`complete-sale-${crypto.randomUUID()}`);
  db.use({
    stack: "dbcore",
    name: "full-disk",
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== "orders") return inner;
        return {
          ...inner,
          mutate: (request) =>
            failWrites()
              ? Promise.reject(
                  new DOMException("The quota has been exceeded.", "QuotaExceededError"),
                )
              : inner.mutate(request),
        };
      },
    }),
  });
  databases.push(db);
  return db;
}

async function openOrder(db: SalesDb): Promise<string> {
  const store = new OrderStore(db);
  const order = await store.startOrder();
  await store.apply(order.clientUuid, { type: "addLine", line: newLine() });
  return order.clientUuid;
}

function sale(clientUuid: string, server: SaleCompletion["server"] = null): SaleCompletion {
  return {
    clientUuid,
    tenders: [
      { method: "pos_cash", title: "Cash", amountMinor: 2000, changeMinor: 200, reference: null },
    ],
    totalMinor: 1800,
    currency: "USD",
    nowMs: 5_000,
    buildBody: (receiptNumber) => ({
      status: "completed",
      meta_data: [{ key: "_pos_receipt_number", value: receiptNumber }],
      line_items: [{ product_id: 10, quantity: 1 }],
    }),
    server,
    randomId: () => "abcd1234",
  };
}

describe("completeSale", () => {
  it("numbers receipts without gaps and queues each sale", async () => {
    const db = openDb();
    const numbers: string[] = [];
    for (let index = 0; index < 3; index++) {
      const completed = await completeSale(db, sale(await openOrder(db)));
      numbers.push(completed.receipt?.localNumber ?? "");
    }

    expect(numbers).toEqual(["RABCD-000001", "RABCD-000002", "RABCD-000003"]);
    const records = await db.outbox.toArray();
    expect(records).toHaveLength(3);
    expect(records.every((record) => record.state === "pending")).toBe(true);
  });

  it("puts the receipt number in the queued request", async () => {
    const db = openDb();
    const uuid = await openOrder(db);
    await completeSale(db, sale(uuid));

    const record = await db.outbox.get(uuid);
    expect(record?.payload).toEqual({
      status: "completed",
      meta_data: [{ key: "_pos_receipt_number", value: "RABCD-000001" }],
      line_items: [{ product_id: 10, quantity: 1 }],
    });
  });

  it("skips the outbox for an order the store created", async () => {
    const db = openDb();
    const completed = await completeSale(db, sale(await openOrder(db), { id: 42, number: "42" }));

    expect(completed.receipt?.syncState).toBe("sent");
    expect(completed.receipt?.serverId).toBe(42);
    expect(await db.outbox.count()).toBe(0);
  });

  it("refuses to complete an order twice", async () => {
    const db = openDb();
    const uuid = await openOrder(db);
    await completeSale(db, sale(uuid));

    await expect(completeSale(db, sale(uuid))).rejects.toThrow(/already completed/);
    expect(await db.outbox.count()).toBe(1);
  });

  it("saves nothing of a sale when the disk is full, then retries", async () => {
    let full = false;
    const db = openDb(() => full);
    const uuid = await openOrder(db);

    full = true;
    await expect(completeSale(db, sale(uuid))).rejects.toThrow(/quota/i);
    const order = await new OrderStore(db).get(uuid);
    expect(order.status).toBe("pos-open");
    expect(order.receipt).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.settings.get("receiptSequence")).toBeUndefined();

    full = false;
    const completed = await completeSale(db, sale(uuid));
    expect(completed.receipt?.localNumber).toBe("RABCD-000001");
    expect(await db.outbox.count()).toBe(1);
  });
});
