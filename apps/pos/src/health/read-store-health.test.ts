import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendLog, SalesDb } from "../db/sales-db.js";
import { countOutbox, readSyncErrors, shownSyncErrors } from "./read-store-health.js";

let db: SalesDb;

beforeEach(() => {
  db = new SalesDb(`health-test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

function outboxRow(id: string, state: string) {
  return { id, state, createdAtMs: 1, nextAttemptAtMs: 1 };
}

describe("countOutbox", () => {
  it("counts pending and sending as waiting, and parked apart", async () => {
    await db.outbox.bulkPut([
      outboxRow("a", "pending"),
      outboxRow("b", "sending"),
      outboxRow("c", "parked"),
      outboxRow("d", "sent"),
      outboxRow("e", "parked"),
    ]);

    expect(await countOutbox(db)).toEqual({ pending: 2, parked: 2 });
  });

  it("counts an empty outbox as zero", async () => {
    expect(await countOutbox(db)).toEqual({ pending: 0, parked: 0 });
  });
});

describe("readSyncErrors", () => {
  it("lists the newest sync warnings and errors first", async () => {
    await appendLog(db, { atMs: 1, level: "warn", message: "sync: first" });
    await appendLog(db, { atMs: 2, level: "info", message: "sync: not a failure" });
    await appendLog(db, { atMs: 3, level: "warn", message: "outbox: another part" });
    await appendLog(db, { atMs: 4, level: "error", message: "sync: second" });

    const rows = await readSyncErrors(db);

    expect(rows.map((row) => row.message)).toEqual(["sync: second", "sync: first"]);
  });

  it("keeps at most the newest few", async () => {
    for (let index = 0; index < shownSyncErrors + 3; index++) {
      await appendLog(db, { atMs: index, level: "warn", message: `sync: failure ${index}` });
    }

    const rows = await readSyncErrors(db);

    expect(rows).toHaveLength(shownSyncErrors);
    expect(rows[0]?.message).toBe(`sync: failure ${shownSyncErrors + 2}`);
  });
});
