import "fake-indexeddb/auto";
import { Outbox, outboxRecordVersion, type ConnectivityMonitor, type OutboxRow } from "@pos/sync";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryLocks } from "../../../../packages/sync/src/test-support/memory-locks.js";
import {
  TestOutboxDb,
  uniqueOutboxDbName,
} from "../../../../packages/sync/src/outbox/test-outbox-db.js";
import { startTillOutbox } from "./start-till-outbox.js";

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A connectivity monitor that stays online and never changes. */
const online = {
  state: "online",
  subscribe: () => () => undefined,
} as unknown as ConnectivityMonitor;

function row(id: string, overrides: Partial<OutboxRow>): OutboxRow {
  return {
    formatVersion: outboxRecordVersion,
    id,
    kind: "order.create",
    payload: { id },
    attempts: 1,
    state: "pending",
    lastError: null,
    createdAtMs: 1,
    nextAttemptAtMs: Date.now() + 3_600_000,
    lastAttemptAtMs: Date.now() - 1_000,
    ...overrides,
  };
}

function startWith(db: TestOutboxDb, sent: string[]) {
  const outbox = new Outbox({
    db,
    table: db.outbox,
    senders: {
      "order.create": (record) => {
        sent.push(record.id);
        return { id: sent.length };
      },
    },
    locks: new MemoryLocks(),
    idleCheckMs: 50,
  });
  cleanups.push(startTillOutbox(outbox, online));
  return outbox;
}

describe("startTillOutbox", () => {
  it("sends records waiting for a login at once", async () => {
    const db = new TestOutboxDb(uniqueOutboxDbName());
    cleanups.push(() => db.delete());
    await db.outbox.add(
      row("waiting", {
        lastError: "waiting for a login: the store rejected this register's session",
        lastErrorStatus: 401,
      }),
    );
    const sent: string[] = [];
    const outbox = startWith(db, sent);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    expect(sent).toEqual(["waiting"]);
  });

  it("unparks records an older till parked for its session", async () => {
    const db = new TestOutboxDb(uniqueOutboxDbName());
    cleanups.push(() => db.delete());
    await db.outbox.bulkAdd([
      row("revoked", { state: "parked", lastError: "401 pos_session_revoked: revoked" }),
      row("forbidden", { state: "parked", lastError: "403 woocommerce_rest_cannot_create: no" }),
      row("coupon", {
        state: "parked",
        lastError: '400 woocommerce_rest_invalid_coupon: coupon "spring" expired',
      }),
    ]);
    const sent: string[] = [];
    const outbox = startWith(db, sent);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(2));
    expect(sent.sort()).toEqual(["forbidden", "revoked"]);
    expect((await db.outbox.get("coupon"))?.state).toBe("parked");
  });
});
