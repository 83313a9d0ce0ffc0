import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WooApiError, WooNetworkError } from "@pos/woo";
import { readLastSyncAtMs, recordLastSync, SyncEngine, type CatalogPull } from "./sync-engine.js";
import type { PullContext } from "./sync-engine.js";
import { openTestDb, uniqueDbName } from "./test-support/test-db.js";
import type { SyncEventMap } from "./sync-events.js";

/** A pull that takes `durationMs` on fake timers and fails while `failures` has entries. */
class TimedPull implements CatalogPull {
  readonly startsMs: number[] = [];
  failures: Error[] = [];
  durationMs = 100;
  seeding = false;

  async run(context: PullContext): Promise<void> {
    this.startsMs.push(context.now());
    await new Promise((resolve) => setTimeout(resolve, this.durationMs));
    if (this.seeding) {
      const progress = { phase: "seeding", stored: 1, total: 2, complete: false } as const;
      context.events.emit("progress", { collection: "products", ...progress });
    }
    const failure = this.failures.shift();
    if (failure) throw failure;
  }
}

function setup() {
  const pull = new TimedPull();
  const db = openTestDb(uniqueDbName());
  const engine = new SyncEngine({
    db,
    pull,
    pollIntervalMs: 30_000,
    maxPollIntervalMs: 120_000,
    now: () => Date.now(),
  });
  const errors: SyncEventMap["error"][] = [];
  engine.on("error", (event) => errors.push(event));
  return { db, pull, engine, errors, relative: () => pull.startsMs.map((ms) => ms - 1_000_000) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000, toFake: ["setTimeout", "clearTimeout", "Date"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SyncEngine schedule", () => {
  it("polls every 30 s after each run", async () => {
    const { engine, relative } = setup();

    engine.start();
    await vi.advanceTimersByTimeAsync(61_000);
    await engine.stop();

    expect(relative()).toEqual([0, 30_100, 60_200]);
  });

  it("runs at once on pokeNow and restarts the wait", async () => {
    const { engine, relative } = setup();
    engine.start();
    await vi.advanceTimersByTimeAsync(10_000);

    engine.pokeNow();
    await vi.advanceTimersByTimeAsync(35_000);
    await engine.stop();

    expect(relative()).toEqual([0, 10_000, 40_100]);
  });

  it("queues one more run when poked during a run", async () => {
    const { engine, relative } = setup();
    engine.start();
    engine.pokeNow();
    engine.pokeNow();

    await vi.advanceTimersByTimeAsync(250);
    await engine.stop();

    expect(relative()).toEqual([0, 100]);
  });

  it("doubles the wait on 429, 5xx and network errors up to the maximum", async () => {
    const { pull, engine, relative, errors } = setup();
    pull.failures = [
      new WooApiError(429, "too_many", "slow down"),
      new WooApiError(503, "http_503", "unavailable"),
      new WooNetworkError("network", "offline"),
      new WooNetworkError("timeout", "timed out"),
    ];

    engine.start();
    await vi.advanceTimersByTimeAsync(600_000);
    await engine.stop();

    const gaps = relative()
      .slice(1)
      .map((start, index) => start - relative()[index]! - 100);
    expect(gaps.slice(0, 5)).toEqual([60_000, 120_000, 120_000, 120_000, 30_000]);
    expect(errors.map((event) => event.kind)).toEqual(["server", "server", "network", "network"]);
  });

  it("stretches the wait after a slow run", async () => {
    const { pull, engine, relative } = setup();
    pull.durationMs = 2_500;

    engine.start();
    await vi.advanceTimersByTimeAsync(70_000);
    await engine.stop();

    expect(relative()).toEqual([0, 62_500]);
  });

  it("keeps the interval after a long seed run", async () => {
    const { pull, engine, relative } = setup();
    pull.durationMs = 2_500;
    pull.seeding = true;

    engine.start();
    await vi.advanceTimersByTimeAsync(40_000);
    await engine.stop();

    expect(relative()).toEqual([0, 32_500]);
  });

  it("does nothing after stop", async () => {
    const { engine, relative } = setup();
    engine.start();
    await vi.advanceTimersByTimeAsync(150);
    await engine.stop();

    engine.pokeNow();
    await vi.advanceTimersByTimeAsync(120_000);

    expect(relative()).toEqual([0]);
  });
});

describe("SyncEngine resetCollection", () => {
  it("keeps polling after a rejected collection", async () => {
    const { engine, relative } = setup();
    engine.start();
    await vi.advanceTimersByTimeAsync(150);

    await expect(engine.resetCollection("widgets" as "products")).rejects.toThrow(
      'unknown collection "widgets"',
    );
    await vi.advanceTimersByTimeAsync(150);
    await engine.stop();

    expect(relative()).toEqual([0, 150]);
  });
});

describe("last sync record", () => {
  it("is null before any run", async () => {
    const { db } = setup();

    expect(await readLastSyncAtMs(db)).toBeNull();
  });

  it("returns the recorded end of a run", async () => {
    const { db } = setup();

    await recordLastSync(db, 1_000_100);
    await recordLastSync(db, 1_030_200);

    expect(await readLastSyncAtMs(db)).toBe(1_030_200);
  });

  it("ignores a stored value that is not a number", async () => {
    const { db } = setup();
    await db.meta.put({ key: "lastSyncAtMs", value: "yesterday" });

    expect(await readLastSyncAtMs(db)).toBeNull();
  });
});
