import { describe, expect, it } from "vitest";
import { runWhenLeader } from "./run-when-leader.js";
import { MemoryLocks } from "./test-support/memory-locks.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("runWhenLeader", () => {
  it("leads in the first tab only", async () => {
    const locks = new MemoryLocks();
    const leaders: string[] = [];

    runWhenLeader("sync", () => void leaders.push("tab 1"), locks);
    runWhenLeader("sync", () => void leaders.push("tab 2"), locks);
    await settle();

    expect(leaders).toEqual(["tab 1"]);
  });

  it("hands over when the leader resigns", async () => {
    const locks = new MemoryLocks();
    const leaders: string[] = [];
    let firstSignal: AbortSignal | null = null;
    const resignFirst = runWhenLeader(
      "sync",
      (signal) => {
        firstSignal = signal;
        leaders.push("tab 1");
      },
      locks,
    );
    runWhenLeader("sync", () => void leaders.push("tab 2"), locks);
    await settle();

    await resignFirst();
    await settle();

    expect(firstSignal!.aborted).toBe(true);
    expect(leaders).toEqual(["tab 1", "tab 2"]);
  });

  it("never leads after resigning while queued", async () => {
    const locks = new MemoryLocks();
    const leaders: string[] = [];
    const resignFirst = runWhenLeader("sync", () => void leaders.push("tab 1"), locks);
    const resignSecond = runWhenLeader("sync", () => void leaders.push("tab 2"), locks);
    await settle();

    await resignSecond();
    await resignFirst();
    await settle();

    expect(leaders).toEqual(["tab 1"]);
  });

  it("keeps separate names independent", async () => {
    const locks = new MemoryLocks();
    const leaders: string[] = [];

    runWhenLeader("store-a", () => void leaders.push("a"), locks);
    runWhenLeader("store-b", () => void leaders.push("b"), locks);
    await settle();

    expect(leaders).toEqual(["a", "b"]);
  });
});
