import { afterEach, describe, expect, it, vi } from "vitest";
import { WooApiError, WooNetworkError, type BackoffOptions } from "@pos/woo";
import { MemoryLocks } from "../test-support/memory-locks.js";
import { Outbox, type OutboxSender } from "./outbox.js";
import { enqueueOutboxRecord, outboxRecordVersion } from "./outbox-record.js";
import type { OutboxStatus } from "./outbox-status.js";
import { TestOutboxDb, uniqueOutboxDbName } from "./test-outbox-db.js";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUp(
  send: OutboxSender,
  overrides: { nowMs?: () => number; random?: () => number; backoff?: BackoffOptions } = {},
) {
  const db = new TestOutboxDb(uniqueOutboxDbName());
  const outbox = new Outbox({
    db,
    table: db.outbox,
    senders: { "order.create": send },
    onSent: async (record, result) => {
      await db.acknowledged.put({ id: record.id, serverId: (result as { id: number }).id });
    },
    locks: new MemoryLocks(),
    backoff: { baseDelayMs: 5, maxDelayMs: 20 },
    idleCheckMs: 50,
    ...overrides,
  });
  cleanups.push(async () => {
    await db.delete();
  });
  return { db, outbox };
}

function outboxOptionsOf(db: TestOutboxDb) {
  return {
    db,
    table: db.outbox,
    locks: new MemoryLocks(),
    backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    idleCheckMs: 50,
  };
}

function startOutbox(outbox: Outbox) {
  const stop = outbox.start();
  cleanups.push(stop);
}

async function enqueue(db: TestOutboxDb, id: string, nowMs = Date.now()) {
  await db.transaction("rw", db.outbox, () =>
    enqueueOutboxRecord(db.outbox, { id, kind: "order.create", payload: { id } }, nowMs),
  );
}

describe("Outbox", () => {
  it("sends records oldest first and applies each answer", async () => {
    const sent: string[] = [];
    const { db, outbox } = setUp((record) => {
      sent.push(record.id);
      return { id: sent.length };
    });
    await enqueue(db, "b", 2);
    await enqueue(db, "a", 1);
    startOutbox(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(2));
    expect(sent).toEqual(["a", "b"]);
    expect(await db.acknowledged.get("a")).toEqual({ id: "a", serverId: 1 });
    expect(await db.acknowledged.get("b")).toEqual({ id: "b", serverId: 2 });
  });

  it("retries a 500 and a network error", async () => {
    const failures = [
      new WooApiError(500, "internal_error", "database busy"),
      new WooNetworkError("network", "connection refused"),
    ];
    const { db, outbox } = setUp(() => {
      const failure = failures.shift();
      if (failure) throw failure;
      return { id: 7 };
    });
    await enqueue(db, "a");
    startOutbox(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    const record = await db.outbox.get("a");
    expect(record?.attempts).toBe(3);
    expect(record?.lastError).toBeNull();
  });

  it("parks a 4xx with the server's reason", async () => {
    const { db, outbox } = setUp(() => {
      throw new WooApiError(400, "woocommerce_rest_invalid_coupon", 'coupon "SPRING" expired');
    });
    await enqueue(db, "a");
    startOutbox(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).parked).toBe(1));
    const record = await db.outbox.get("a");
    expect(record?.attempts).toBe(1);
    expect(record?.lastError).toContain('coupon "SPRING" expired');
    expect(record?.lastErrorStatus).toBe(400);
    expect(record?.lastErrorCode).toBe("woocommerce_rest_invalid_coupon");
  });

  it.each([401, 403])("keeps a %i pending until a login", async (status) => {
    let sessionValid = false;
    let accepted = 0;
    const send: OutboxSender = () => {
      if (!sessionValid) throw new WooApiError(status, "pos_session_revoked", "session revoked");
      accepted += 1;
      return { id: 9 };
    };
    const { db, outbox } = setUp(send, { backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    await enqueue(db, "a");
    const stop = outbox.start();
    await vi.waitFor(async () => expect((await db.outbox.get("a"))?.attempts).toBe(1));
    await stop();

    const waiting = await db.outbox.get("a");
    expect(waiting?.state).toBe("pending");
    expect(waiting?.lastError).toMatch(/^waiting for a login/);
    expect(waiting?.lastErrorStatus).toBe(status);
    expect((await outbox.status()).parked).toBe(0);

    // A new login starts a new till, whose outbox drains at once despite the backoff.
    sessionValid = true;
    const next = new Outbox({ ...outboxOptionsOf(db), senders: { "order.create": send } });
    startOutbox(next);
    next.drainNow();
    await vi.waitFor(async () => expect((await next.status()).sent).toBe(1));
    expect(accepted).toBe(1);
    const sent = await db.outbox.get("a");
    expect(sent?.lastError).toBeNull();
    expect(sent?.lastErrorStatus).toBeUndefined();
  });

  it("resends a parked record on request", async () => {
    let reject = true;
    const { db, outbox } = setUp(() => {
      if (reject) throw new WooApiError(409, "conflict", "not now");
      return { id: 3 };
    });
    await enqueue(db, "a");
    startOutbox(outbox);
    await vi.waitFor(async () => expect((await outbox.status()).parked).toBe(1));

    reject = false;
    await outbox.resend("a");

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    expect(await db.acknowledged.get("a")).toEqual({ id: "a", serverId: 3 });
  });

  it("resends a parked record with a revised payload", async () => {
    const payloads: unknown[] = [];
    const { db, outbox } = setUp((record) => {
      payloads.push(record.payload);
      if (payloads.length === 1)
        throw new WooApiError(400, "woocommerce_rest_invalid_coupon", "no");
      return { id: 4 };
    });
    await enqueue(db, "a");
    startOutbox(outbox);
    await vi.waitFor(async () => expect((await outbox.status()).parked).toBe(1));

    const resent = await outbox.resend("a", (payload) => ({
      ...(payload as object),
      revised: true,
    }));

    expect(resent).toBe(true);
    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    expect(payloads).toEqual([{ id: "a" }, { id: "a", revised: true }]);
    expect(await outbox.resend("a", () => ({ other: true }))).toBe(false);
    expect((await db.outbox.get("a"))?.payload).toEqual({ id: "a", revised: true });
  });

  it("waits with exponential backoff and jitter", async () => {
    const nowMs = 1_000_000;
    const { db, outbox } = setUp(
      () => {
        throw new WooNetworkError("timeout", "timed out");
      },
      { nowMs: () => nowMs, random: () => 0.5 },
    );
    await enqueue(db, "a", nowMs);
    startOutbox(outbox);

    // Attempt 1 failed: half of 5 ms fixed plus half of 5 ms times 0.5, rounded.
    await vi.waitFor(async () => expect((await db.outbox.get("a"))?.attempts).toBe(1));
    await vi.waitFor(async () => expect((await db.outbox.get("a"))?.state).toBe("pending"));
    expect((await db.outbox.get("a"))?.nextAttemptAtMs).toBe(nowMs + 4);
  });

  it("drainNow skips the backoff wait", async () => {
    const { db } = setUp(() => ({ id: 4 }));
    const outbox = new Outbox({
      db,
      table: db.outbox,
      senders: { "order.create": () => ({ id: 4 }) },
      locks: new MemoryLocks(),
      idleCheckMs: 50,
    });
    // A record that failed a moment ago and waits an hour for its retry.
    await enqueue(db, "a");
    const nowMs = Date.now();
    await db.outbox.update("a", {
      attempts: 1,
      lastAttemptAtMs: nowMs - 10,
      nextAttemptAtMs: nowMs + 3_600_000,
    });
    startOutbox(outbox);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await db.outbox.get("a"))?.state).toBe("pending");

    outbox.drainNow();

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
  });

  it("sends nothing while offline, then drains", async () => {
    let attempts = 0;
    const { db, outbox } = setUp(() => {
      attempts += 1;
      return { id: attempts };
    });
    outbox.setOnline(false);
    await enqueue(db, "a");
    await enqueue(db, "b");
    startOutbox(outbox);
    outbox.notifyChanged();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(attempts).toBe(0);
    expect((await outbox.status()).pending).toBe(2);

    outbox.setOnline(true);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(2));
    expect(attempts).toBe(2);
  });

  it("holds every send during a failure's backoff", async () => {
    let nowMs = 1_000_000;
    let serverDown = true;
    let calls = 0;
    const { db, outbox } = setUp(
      () => {
        calls += 1;
        if (serverDown) throw new WooNetworkError("network", "connection refused");
        return { id: calls };
      },
      { nowMs: () => nowMs, random: () => 0.5 },
    );
    const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    for (const [index, id] of ids.entries()) await enqueue(db, id, nowMs - ids.length + index);
    startOutbox(outbox);

    // The clock does not move inside the 4 ms backoff: after the first request fails, the
    // other due records wait.
    await vi.waitFor(async () => expect((await outbox.status()).sending).toBe(0));
    await vi.waitFor(() => expect(calls).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toBe(1);
    expect((await outbox.status()).pending).toBe(ids.length);

    serverDown = false;
    nowMs += 10;

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(ids.length));
  });

  it("returns a record stuck in sending to pending on start", async () => {
    const { db, outbox } = setUp(() => ({ id: 9 }));
    await db.outbox.put({
      formatVersion: outboxRecordVersion,
      id: "crashed",
      kind: "order.create",
      payload: {},
      attempts: 1,
      state: "sending",
      lastError: null,
      createdAtMs: 1,
      nextAttemptAtMs: 1,
    });
    startOutbox(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).sent).toBe(1));
    expect((await db.outbox.get("crashed"))?.attempts).toBe(2);
  });

  it("parks a record of unknown kind", async () => {
    const { db, outbox } = setUp(() => ({ id: 1 }));
    await db.transaction("rw", db.outbox, () =>
      enqueueOutboxRecord(db.outbox, { id: "x", kind: "refund.create", payload: {} }, 1),
    );
    startOutbox(outbox);

    await vi.waitFor(async () => expect((await outbox.status()).parked).toBe(1));
    expect((await db.outbox.get("x"))?.lastError).toContain('kind "refund.create"');
  });

  it("reports status changes until unsubscribed", async () => {
    const { db, outbox } = setUp(() => ({ id: 1 }));
    const seen: OutboxStatus[] = [];
    const unsubscribe = outbox.subscribe((status) => seen.push(status));

    await enqueue(db, "a");
    outbox.notifyChanged();
    await vi.waitFor(() => expect(seen.at(-1)?.pending).toBe(1));
    unsubscribe();
    const count = seen.length;
    await enqueue(db, "b");
    outbox.notifyChanged();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(seen.length).toBe(count);
    expect(seen.at(-1)?.unsent.map((record) => record.id)).toEqual(["a"]);
  });

  it("discards a parked record with the caller's change", async () => {
    const { db, outbox } = setUp(() => {
      throw new WooApiError(400, "invalid", "bad");
    });
    await enqueue(db, "a");
    startOutbox(outbox);
    await vi.waitFor(async () => expect((await outbox.status()).parked).toBe(1));

    await outbox.discard("a", async () => {
      await db.acknowledged.put({ id: "a", serverId: 0 });
    });

    expect(await db.outbox.get("a")).toBeUndefined();
    expect(await db.acknowledged.get("a")).toEqual({ id: "a", serverId: 0 });
  });

  it("refuses to enqueue an id twice", async () => {
    const { db } = setUp(() => ({ id: 1 }));
    await enqueue(db, "a");

    await expect(enqueue(db, "a")).rejects.toThrow();
    expect(await db.outbox.count()).toBe(1);
  });
});
