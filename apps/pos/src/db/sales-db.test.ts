import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendLog, maxLogEntries, SalesDb } from "./sales-db.js";

let db: SalesDb;

beforeEach(() => {
  db = new SalesDb(`sales-test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe("appendLog", () => {
  it("keeps the newest entries up to the limit", async () => {
    for (let index = 0; index < maxLogEntries + 3; index++) {
      await appendLog(db, { atMs: index, level: "info", message: `entry ${index}` });
    }
    const entries = await db.log.orderBy("id").toArray();

    expect(entries).toHaveLength(maxLogEntries);
    expect(entries[0]?.message).toBe("entry 3");
    expect(entries.at(-1)?.message).toBe(`entry ${maxLogEntries + 2}`);
  });
});
