import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SalesDb } from "../db/sales-db.js";
import { storedOrderVersion, StoredOrderError } from "../db/stored-order.js";
import { OrderStore } from "./order-store.js";
import { newLine } from "./test-orders.js";

let db: SalesDb;
let clockMs: number;

function openStore(database = db) {
  return new OrderStore(database, { nowMs: () => clockMs });
}

beforeEach(() => {
  clockMs = 1_000;
  db = new SalesDb(`sales-test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe("OrderStore", () => {
  it("creates one open order on first start", async () => {
    const store = openStore();
    const first = await store.current();
    const again = await store.current();

    expect(first.status).toBe("pos-open");
    expect(first.lines).toEqual([]);
    expect(again.clientUuid).toBe(first.clientUuid);
  });

  it("keeps the cart across a restart", async () => {
    const order = await openStore().current();
    await openStore().apply(order.clientUuid, { type: "addLine", line: newLine(), quantity: 2 });
    db.close();

    const reopened = new SalesDb(db.name);
    const restored = await openStore(reopened).current();

    expect(restored.clientUuid).toBe(order.clientUuid);
    expect(restored.lines[0]?.quantity).toBe(2);
    reopened.close();
  });

  it("parks an order and starts another", async () => {
    const store = openStore();
    const first = await store.current();
    await store.apply(first.clientUuid, { type: "addLine", line: newLine() });
    clockMs = 2_000;
    const second = await store.park(first.clientUuid);
    const open = await store.listOpen();

    expect(second.clientUuid).not.toBe(first.clientUuid);
    expect(open.map((order) => order.clientUuid).sort()).toEqual(
      [first.clientUuid, second.clientUuid].sort(),
    );
    expect(open.find((order) => order.clientUuid === first.clientUuid)?.parkedAtMs).toBe(2_000);
  });

  it("resumes a parked order and parks the one on screen", async () => {
    const store = openStore();
    const first = await store.current();
    await store.apply(first.clientUuid, { type: "addLine", line: newLine() });
    const second = await store.park(first.clientUuid);
    await store.apply(second.clientUuid, { type: "addLine", line: newLine({ productId: 11 }) });

    const resumed = await store.resume(first.clientUuid, second.clientUuid);
    const onScreen = await store.current();
    const parkedSecond = await store.get(second.clientUuid);

    expect(resumed.parkedAtMs).toBeNull();
    expect(onScreen.clientUuid).toBe(first.clientUuid);
    expect(parkedSecond.parkedAtMs).not.toBeNull();
  });

  it("drops an empty order instead of parking it", async () => {
    const store = openStore();
    const first = await store.current();
    await store.apply(first.clientUuid, { type: "addLine", line: newLine() });
    const empty = await store.park(first.clientUuid);

    await store.resume(first.clientUuid, empty.clientUuid);
    const open = await store.listOpen();

    expect(open.map((order) => order.clientUuid)).toEqual([first.clientUuid]);
  });

  it("starts a new sale when another tab completed the order", async () => {
    const store = openStore();
    const order = await store.current();
    await db.orders.put({ ...order, status: "completed" });

    const next = await store.apply(order.clientUuid, { type: "addLine", line: newLine() });

    expect(next.clientUuid).not.toBe(order.clientUuid);
    expect(next.lines).toHaveLength(1);
    expect((await store.current()).clientUuid).toBe(next.clientUuid);
  });

  it("leaves the order unchanged when an action fails", async () => {
    const store = openStore();
    const order = await store.current();
    await store.apply(order.clientUuid, { type: "addLine", line: newLine() });
    const lineId = (await store.get(order.clientUuid)).lines[0]?.lineId ?? "";

    await expect(
      store.apply(order.clientUuid, { type: "setQuantity", lineId, quantity: 0 }),
    ).rejects.toThrow(/quantity 0 is invalid/);
    expect((await store.get(order.clientUuid)).lines[0]?.quantity).toBe(1);
  });

  it("reports a damaged stored order by its UUID", async () => {
    const uuid = "0b8f2f6e-6a43-4c1e-8f1a-3d2c9b7e5a10";
    await db.orders.put({ clientUuid: uuid, status: "pos-open", updatedAtMs: 1, lines: "oops" });

    await expect(openStore().get(uuid)).rejects.toThrow(StoredOrderError);
    await expect(openStore().get(uuid)).rejects.toThrow(uuid);
  });

  it("reads an order stored before the format carried a version", async () => {
    const store = openStore();
    const order = await store.current();
    const unversioned: Record<string, unknown> = { ...order, payment: null };
    for (const field of ["formatVersion", "coupons", "tenders"]) delete unversioned[field];
    await db.orders.put(unversioned as typeof order);

    const read = await store.get(order.clientUuid);
    expect(read.formatVersion).toBe(storedOrderVersion);
    expect(read.tenders).toEqual([]);
  });

  it("migrates a version 1 cash sale to tenders", async () => {
    const store = openStore();
    const order = await store.current();
    const rest: Record<string, unknown> = { ...order };
    for (const field of ["coupons", "tenders"]) delete rest[field];
    await db.orders.put({
      ...(rest as typeof order),
      formatVersion: 1,
      status: "completed",
      payment: { method: "pos_cash", tenderedMinor: 2000, changeMinor: 200 },
      receipt: { serverId: 42, number: "42", totalMinor: 1800, currency: "USD", completedAtMs: 3 },
    });

    const read = await store.get(order.clientUuid);
    expect(read.tenders).toEqual([
      { method: "pos_cash", title: "Cash", amountMinor: 2000, changeMinor: 200, reference: null },
    ]);
    expect(read.receipt).toMatchObject({ localNumber: "#42", serverId: 42, syncState: "sent" });
  });
});
