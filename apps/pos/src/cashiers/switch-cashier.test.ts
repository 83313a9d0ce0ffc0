import "fake-indexeddb/auto";
import { pbkdf2Sync, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SalesDb } from "../db/sales-db.js";
import type { CashierRecord } from "./cashier-record.js";
import { loadLockouts, saveCashiers } from "./cashier-store.js";
import { currentCashierId, restoreCurrentCashier } from "./current-cashier.js";
import { firstPinDelayMs, switchCashier, unlockCashier } from "./switch-cashier.js";
import { verifyPin } from "./verify-pin.js";

const iterations = 2000;

function record(id: number, role: CashierRecord["role"], pin: string | null): CashierRecord {
  const salt = randomBytes(16);
  return {
    id,
    username: `user${id}`,
    display_name: `User ${id}`,
    role,
    pin:
      pin === null
        ? null
        : {
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

let db: SalesDb;
const startMs = Date.parse("2026-12-04T12:00:00Z");

beforeEach(async () => {
  db = new SalesDb(`cashiers-test-${crypto.randomUUID()}`);
  const records = [
    record(1, "manager", "9876"),
    record(2, "cashier", "4821"),
    record(3, "cashier", null),
  ];
  await saveCashiers(db, { maxFailures: 5, records }, startMs);
  await restoreCurrentCashier(db, { id: 1, display_name: "User 1" });
});

afterEach(async () => {
  await db.delete();
});

/** Five wrong PINs, each after the wait the previous one imposed. */
async function failFiveTimes(userId: number): Promise<string[]> {
  const kinds: string[] = [];
  let nowMs = startMs;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    nowMs += firstPinDelayMs * 2 ** attempt;
    kinds.push((await switchCashier(db, 1, userId, "0000", nowMs)).kind);
  }
  return kinds;
}

describe("verifyPin", () => {
  it("matches a PBKDF2 hash made by Node", async () => {
    const stored = record(9, "cashier", "123456").pin!;
    expect(await verifyPin("123456", stored)).toBe(true);
    expect(await verifyPin("123457", stored)).toBe(false);
    expect(await verifyPin("", stored)).toBe(false);
  });
});

describe("switchCashier", () => {
  it("starts with the logged-in user", () => {
    expect(currentCashierId()).toBe(1);
  });

  it("switches with the right PIN", async () => {
    const check = await switchCashier(db, 1, 2, "4821", startMs);
    expect(check.kind).toBe("accepted");
    expect(currentCashierId()).toBe(2);
  });

  it("keeps the cashier through a restore", async () => {
    await switchCashier(db, 1, 2, "4821", startMs);
    await restoreCurrentCashier(db, { id: 1, display_name: "User 1" });
    expect(currentCashierId()).toBe(2);
    await restoreCurrentCashier(db, { id: 7, display_name: "Other login" });
    expect(currentCashierId()).toBe(7);
  });

  it("counts down wrong PINs", async () => {
    const check = await switchCashier(db, 1, 2, "1111", startMs);
    expect(check).toEqual({ kind: "wrong-pin", attemptsLeft: 4 });
    expect(currentCashierId()).toBe(1);
  });

  it("makes the next attempt wait after a wrong PIN", async () => {
    await switchCashier(db, 1, 2, "1111", startMs);
    const early = await switchCashier(db, 1, 2, "4821", startMs + 10);
    expect(early).toEqual({ kind: "wait", waitMs: firstPinDelayMs - 10 });
    const later = await switchCashier(db, 1, 2, "4821", startMs + firstPinDelayMs);
    expect(later.kind).toBe("accepted");
  });

  it("locks after five wrong PINs, even with the right one", async () => {
    expect(await failFiveTimes(2)).toEqual([
      "wrong-pin",
      "wrong-pin",
      "wrong-pin",
      "wrong-pin",
      "locked",
    ]);
    const right = await switchCashier(db, 1, 2, "4821", startMs + 3_600_000);
    expect(right.kind).toBe("locked");
    expect(currentCashierId()).toBe(1);
  });

  it("rejects a user without a PIN", async () => {
    expect((await switchCashier(db, 1, 3, "1234", startMs)).kind).toBe("no-pin");
    expect((await switchCashier(db, 1, 42, "1234", startMs)).kind).toBe("unknown-user");
  });

  it("treats a server lock as a lock", async () => {
    const locked = { ...record(2, "cashier", "4821"), locked: true };
    await saveCashiers(
      db,
      { maxFailures: 5, records: [record(1, "manager", "9876"), locked] },
      startMs,
    );
    expect((await switchCashier(db, 1, 2, "4821", startMs)).kind).toBe("locked");
  });
});

describe("unlockCashier", () => {
  it("unlocks with a manager's PIN", async () => {
    await failFiveTimes(2);
    const unlock = await unlockCashier(db, 2, 1, "9876", startMs + 60_000);
    expect(unlock.kind).toBe("accepted");
    expect((await switchCashier(db, 1, 2, "4821", startMs + 60_001)).kind).toBe("accepted");
  });

  it("refuses a cashier's PIN for unlocking", async () => {
    await failFiveTimes(2);
    const record3 = await unlockCashier(db, 2, 3, "1234", startMs + 60_000);
    expect(record3.kind).toBe("not-a-manager");
    expect((await switchCashier(db, 1, 2, "4821", startMs + 60_001)).kind).toBe("locked");
  });

  it("refuses a wrong manager PIN", async () => {
    await failFiveTimes(2);
    const unlock = await unlockCashier(db, 2, 1, "0000", startMs + 60_000);
    expect(unlock).toEqual({ kind: "wrong-pin", attemptsLeft: 4 });
    expect((await switchCashier(db, 1, 2, "4821", startMs + 60_001)).kind).toBe("locked");
  });
});

describe("saveCashiers", () => {
  it("drops a local lock a manager cleared on the server later", async () => {
    await failFiveTimes(2);
    const changed = { ...record(2, "cashier", "5555"), updated_gmt: "2026-12-04T13:00:00" };
    await saveCashiers(
      db,
      { maxFailures: 5, records: [record(1, "manager", "9876"), changed] },
      startMs,
    );
    expect((await loadLockouts(db))[2]).toBeUndefined();
    expect((await switchCashier(db, 1, 2, "5555", startMs + 4_000_000)).kind).toBe("accepted");
  });

  it("keeps a local lock newer than the server's change", async () => {
    await failFiveTimes(2);
    await saveCashiers(
      db,
      { maxFailures: 5, records: [record(1, "manager", "9876"), record(2, "cashier", "4821")] },
      startMs,
    );
    expect((await loadLockouts(db))[2]?.lockedAtMs).not.toBeNull();
  });
});
