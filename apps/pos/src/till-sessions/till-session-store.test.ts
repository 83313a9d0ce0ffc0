import "fake-indexeddb/auto";
import { computeZReport, toMoney } from "@pos/core";
import { parseOutboxRecord } from "@pos/sync";
import { afterEach, describe, expect, it } from "vitest";
import { TillSessionDb } from "./till-session-db.js";
import { TillSessionStore, tillSessionPutKind } from "./till-session-store.js";

const databases: TillSessionDb[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function openStore(times: string[]) {
  const db = new TillSessionDb(`till-sessions-${crypto.randomUUID()}`);
  databases.push(db);
  let changes = 0;
  const clock = [...times];
  const store = new TillSessionStore(db, {
    now: () => new Date(clock.length > 1 ? clock.shift()! : clock[0]!),
    randomUuid: () => "session-1",
    onChanged: () => (changes += 1),
  });
  return { db, store, changes: () => changes };
}

const usd = { code: "USD", decimals: 2 };

describe("till session store", () => {
  it("runs a session from float to close", async () => {
    const { db, store, changes } = openStore([
      "2026-03-10T08:00:00Z",
      "2026-03-10T12:00:00Z",
      "2026-03-10T15:00:00Z",
      "2026-03-10T18:00:00Z",
    ]);
    const opened = await store.open({
      registerId: "R1",
      cashierId: 7,
      currency: usd,
      openingFloat: toMoney(10000),
    });
    await store.recordMovement(opened.id, {
      kind: "in",
      amount: toMoney(2000),
      reason: "change from the safe",
      cashierId: 7,
    });
    await store.recordMovement(opened.id, {
      kind: "out",
      amount: toMoney(5000),
      reason: "bank deposit",
      cashierId: 7,
    });
    const closed = await store.close(opened.id, toMoney(6900));

    // 100.00 + 20.00 − 50.00 = 70.00 expected, 69.00 counted: 1.00 short.
    const z = computeZReport(closed, []);
    expect(z.cash.expected).toBe(7000);
    expect(z.difference).toBe(-100);
    expect(z.outcome).toBe("short");
    expect(await store.openSession("R1")).toBeNull();
    expect(changes()).toBe(4);

    const records = (await db.outbox.toArray()).map(parseOutboxRecord);
    expect(records.map((record) => record.id).sort()).toEqual([
      "session-1:0:open",
      "session-1:1:open",
      "session-1:2:closed",
      "session-1:2:open",
    ]);
    expect(records.every((record) => record.kind === tillSessionPutKind)).toBe(true);
    expect(records[0]!.payload).toEqual({ sessionId: "session-1" });
  });

  it("rejects a second open session", async () => {
    const { store } = openStore(["2026-03-10T08:00:00Z"]);
    await store.open({ registerId: "R1", cashierId: 7, currency: usd, openingFloat: toMoney(0) });
    await expect(
      store.open({ registerId: "R1", cashierId: 7, currency: usd, openingFloat: toMoney(0) }),
    ).rejects.toThrow(/register R1 already has till session session-1 open/);
  });

  it("leaves nothing behind on a rejected step", async () => {
    const { db, store } = openStore(["2026-03-10T08:00:00Z"]);
    const opened = await store.open({
      registerId: "R1",
      cashierId: 7,
      currency: usd,
      openingFloat: toMoney(500),
    });
    await expect(
      store.recordMovement(opened.id, {
        kind: "out",
        amount: toMoney(100),
        reason: " ",
        cashierId: 7,
      }),
    ).rejects.toThrow(/missing reason for cash out/);
    expect(await db.outbox.count()).toBe(1);
    expect((await store.get(opened.id)).movements).toEqual([]);
  });
});
