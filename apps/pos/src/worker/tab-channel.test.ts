import { afterEach, describe, expect, it, vi } from "vitest";
import { resetReplyTimeoutMs, TabChannel } from "./tab-channel.js";
import type { TabMessage } from "./worker-protocol.js";

const opened: TabChannel[] = [];

function open(catalogDbName: string, receive: (message: TabMessage) => void = () => {}) {
  const channel = new TabChannel(catalogDbName, receive);
  opened.push(channel);
  return channel;
}

afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
  vi.useRealTimers();
});

describe("TabChannel", () => {
  it("delivers messages to other tabs only", async () => {
    const senderMessages: TabMessage[] = [];
    const sender = open("pos-catalog-a", (message) => senderMessages.push(message));
    const other: TabMessage[] = [];
    open("pos-catalog-a", (message) => other.push(message));

    sender.post({ type: "syncNow" });
    await vi.waitFor(() => expect(other).toHaveLength(1));

    expect(other[0]).toEqual({ type: "syncNow" });
    expect(senderMessages).toEqual([]);
  });

  it("keeps catalogues apart", async () => {
    const storeB: TabMessage[] = [];
    const sameStore: TabMessage[] = [];
    const sender = open("pos-catalog-a");
    open("pos-catalog-b", (message) => storeB.push(message));
    open("pos-catalog-a", (message) => sameStore.push(message));

    sender.post({ type: "progressChanged" });
    await vi.waitFor(() => expect(sameStore).toHaveLength(1));

    expect(storeB).toEqual([]);
  });

  it("returns the leader's reset outcome", async () => {
    const follower = open("pos-catalog-a");
    const leader: TabChannel = open("pos-catalog-a", (message) => {
      if (message.type !== "resetCollection") return;
      leader.post({
        type: "resetResult",
        requestId: message.requestId,
        outcome: { ok: false, message: `clearing ${message.collection} failed: disk full` },
      });
    });

    const outcome = await follower.requestReset("products");

    expect(outcome).toEqual({ ok: false, message: "clearing products failed: disk full" });
  });

  it("fails a reset nobody confirms", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const follower = open("pos-catalog-a");

    const outcome = follower.requestReset("tax_rates");
    await vi.advanceTimersByTimeAsync(resetReplyTimeoutMs);

    expect(await outcome).toEqual({
      ok: false,
      message: "no syncing tab confirmed clearing tax_rates within 30 s; try again",
    });
  });
});
