import "fake-indexeddb/auto";
import { pbkdf2Sync, randomBytes } from "node:crypto";
import { parseOutboxRecord } from "@pos/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SalesDb } from "../db/sales-db.js";
import type { CashierRecord } from "./cashier-record.js";
import { saveCashiers } from "./cashier-store.js";
import { restoreCurrentCashier } from "./current-cashier.js";
import { pinLockoutKind, pinLockoutSender } from "./pin-lockout-outbox.js";
import { firstPinDelayMs, switchCashier, unlockCashier } from "./switch-cashier.js";

const iterations = 2000;
const startMs = Date.parse("2026-12-04T12:00:00Z");

function record(id: number, role: CashierRecord["role"], pin: string): CashierRecord {
  const salt = randomBytes(16);
  return {
    id,
    username: `user${id}`,
    display_name: `User ${id}`,
    role,
    pin: {
      algorithm: "PBKDF2-SHA256",
      iterations,
      salt: salt.toString("base64url"),
      hash: pbkdf2Sync(pin, salt, iterations, 32, "sha256").toString("base64url"),
    },
    failed_attempts: 0,
    locked: false,
    updated_gmt: "2026-12-04T10:00:00",
  };
}

const manager = record(1, "manager", "9876");
const cashier = record(2, "cashier", "4821");
let db: SalesDb;

beforeEach(async () => {
  db = new SalesDb(`pin-lockout-test-${crypto.randomUUID()}`);
  await saveCashiers(db, { maxFailures: 5, records: [manager, cashier] }, startMs);
  await restoreCurrentCashier(db, { id: 1, display_name: "User 1" });
});

afterEach(async () => {
  await db.delete();
});

async function failUntilLocked(userId: number): Promise<number> {
  let nowMs = startMs;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    nowMs += firstPinDelayMs * 2 ** attempt;
    await switchCashier(db, 1, userId, "0000", nowMs);
  }
  return nowMs;
}

/** Stores the staff list as the store sends it after another till reported a lockout. */
async function syncStoreLock(lockedGmt: string, untilGmt: string | null, syncedAtMs: number) {
  const locked = { ...cashier, locked: true, locked_gmt: lockedGmt, locked_until_gmt: untilGmt };
  await saveCashiers(db, { maxFailures: 5, records: [manager, locked] }, syncedAtMs);
}

describe("PIN lockout outbox", () => {
  it("queues one record when the user locks", async () => {
    const lockedAtMs = await failUntilLocked(2);

    const records = await db.outbox.toArray();

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: pinLockoutKind,
      state: "pending",
      payload: { userId: 2, lockedAtMs },
    });
  });

  it("queues nothing for wrong PINs short of the lock", async () => {
    await switchCashier(db, 1, 2, "0000", startMs);
    await switchCashier(db, 1, 2, "0000", startMs + firstPinDelayMs);

    expect(await db.outbox.count()).toBe(0);
  });

  it("sends the lock time as UTC", async () => {
    const requests: unknown[] = [];
    const client = {
      request: (options: unknown) => {
        requests.push(options);
        return Promise.resolve({ data: { user_id: 2, locked: true } });
      },
    };
    const send = pinLockoutSender(client as never);
    await failUntilLocked(2);
    const [queued] = await db.outbox.toArray();

    const reply = await send(parseOutboxRecord(queued), new AbortController().signal);

    expect(reply).toEqual({ user_id: 2, locked: true });
    expect(requests).toEqual([
      expect.objectContaining({
        method: "POST",
        route: "pos/v1/users/2/pin/lockout",
        body: { locked_at_gmt: "2026-12-04T12:00:31.000Z" },
      }),
    ]);
  });
});

describe("store lock on another till", () => {
  it("refuses the PIN until the lock ends", async () => {
    await syncStoreLock("2026-12-04T11:50:00", "2026-12-04T12:20:00", startMs);

    expect((await switchCashier(db, 1, 2, "4821", startMs)).kind).toBe("locked");
    const afterEnd = Date.parse("2026-12-04T12:20:00Z");
    expect((await switchCashier(db, 1, 2, "4821", afterEnd)).kind).toBe("accepted");
  });

  it("locks again after an older local unlock", async () => {
    await failUntilLocked(2);
    await unlockCashier(db, 2, 1, "9876", startMs + 60_000);
    // Another till locks the user later; the earlier unlock here does not cover it.
    await syncStoreLock("2026-12-04T12:05:00", "2026-12-04T12:35:00", startMs + 300_000);

    expect((await switchCashier(db, 1, 2, "4821", startMs + 360_000)).kind).toBe("locked");
  });

  it("lets a local unlock after the lock stand", async () => {
    await syncStoreLock("2026-12-04T11:50:00", "2026-12-04T12:20:00", startMs);
    expect((await unlockCashier(db, 2, 1, "9876", startMs + 60_000)).kind).toBe("accepted");

    expect((await switchCashier(db, 1, 2, "4821", startMs + 60_001)).kind).toBe("accepted");
  });
});
