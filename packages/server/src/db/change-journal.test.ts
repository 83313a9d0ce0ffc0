import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCustomer } from "../customers/customer-store.js";
import { wooAddressSchema } from "../customers/customer-records.js";
import { openTestStore, testDialects } from "../test-support/test-server.js";
import type { StoreDatabase } from "./store-database.js";
import { appendChange, readJournal, readJournalHead, writeTransaction } from "./change-journal.js";

describe.each(testDialects)("change journal on %s", (dialect) => {
  let store: StoreDatabase;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
  });
  afterAll(() => cleanup());

  const createCustomer = (index: number) =>
    writeTransaction(store.db, (trx) =>
      insertCustomer(
        trx,
        {
          email: `journal${index}@example.test`,
          username: `journal${index}`,
          firstName: "Journal",
          lastName: String(index),
          billing: wooAddressSchema.parse({}),
          shipping: wooAddressSchema.parse({}),
          metaData: [],
        },
        "2026-12-04T12:00:00",
      ),
    );

  it("never lets a reader skip a change that commits late", async () => {
    const start = await readJournalHead(store.db);
    const seen = new Set<number>();
    let cursor = start;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const { entries } = await readJournal(store.db, cursor, 1000);
        for (const entry of entries) seen.add(entry.seq);
        cursor = entries.at(-1)?.seq ?? cursor;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    await Promise.all(Array.from({ length: 40 }, (_, index) => createCustomer(index)));
    writing = false;
    await reader;
    const { entries } = await readJournal(store.db, cursor, 1000);
    for (const entry of entries) seen.add(entry.seq);

    const all = (await readJournal(store.db, start, 1000)).entries.map((entry) => entry.seq);
    expect(all).toHaveLength(40);
    expect([...seen].sort((a, b) => a - b)).toEqual(all);
  });

  it("keeps one entry per record, the newest", async () => {
    const id = await createCustomer(100);
    const first = await readJournalHead(store.db);
    await writeTransaction(store.db, (trx) => {
      appendChange(trx, "customers", id);
      return Promise.resolve();
    });
    const { entries } = await readJournal(store.db, 0, 5000);
    const forRecord = entries.filter(
      (entry) => entry.collection === "customers" && entry.recordId === id,
    );
    expect(forRecord).toEqual([
      { seq: first + 1, collection: "customers", recordId: id, deleted: false },
    ]);
  });

  it("journals nothing when the transaction rolls back", async () => {
    const head = await readJournalHead(store.db);
    await expect(
      writeTransaction(store.db, async (trx) => {
        appendChange(trx, "customers", 1);
        await Promise.resolve();
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await readJournalHead(store.db)).toBe(head);
  });

  it("rejects a change made outside writeTransaction", () => {
    expect(() => appendChange(store.db, "products", 1)).toThrow(/outside writeTransaction/);
  });
});
