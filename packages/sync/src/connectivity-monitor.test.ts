import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ValueSignal } from "./browser-signals.js";
import { ConnectivityMonitor, type ConnectivityState } from "./connectivity-monitor.js";

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

interface ScriptedAnswer {
  status?: number;
  delayMs?: number;
  fail?: boolean;
}

/** A fetch that resolves on fake timers after `delayMs` with the next scripted response. */
function scriptedFetch(script: ScriptedAnswer[], fallback: ScriptedAnswer = { status: 200 }) {
  const calls: { url: string; method: string }[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: urlOf(input), method: init?.method ?? "GET" });
    const answer = script.shift() ?? fallback;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (answer.fail) reject(new TypeError("fetch failed"));
        else resolve(new Response(null, { status: answer.status ?? 200 }));
      }, answer.delayMs ?? 100);
      init?.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  };
  return { fetchFn, calls };
}

function monitorWith(script: ScriptedAnswer[], fallback?: ScriptedAnswer) {
  const online = new ValueSignal(true);
  const visible = new ValueSignal(true);
  const { fetchFn, calls } = scriptedFetch(script, fallback);
  const monitor = new ConnectivityMonitor({
    probeUrl: "http://127.0.0.1:1/wp-json/pos/v1/ping",
    fetch: fetchFn,
    online,
    visible,
    now: () => Date.now(),
  });
  const states: ConnectivityState[] = [];
  monitor.subscribe((state) => states.push(state));
  return { monitor, online, visible, calls, states };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-04T16:00:00Z") });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("ConnectivityMonitor", () => {
  it("turns online after a fast probe", async () => {
    const { monitor, calls, states } = monitorWith([{ status: 200, delayMs: 100 }]);

    monitor.start();
    await vi.advanceTimersByTimeAsync(100);

    expect(monitor.state).toBe("online");
    expect(states).toEqual(["online"]);
    expect(calls[0]).toEqual({ url: "http://127.0.0.1:1/wp-json/pos/v1/ping", method: "HEAD" });
    monitor.stop();
  });

  it("is offline while the browser is offline and probes nothing", async () => {
    const { monitor, online, calls } = monitorWith([]);
    online.set(false);

    monitor.start();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(monitor.state).toBe("offline");
    expect(calls).toHaveLength(0);
    monitor.stop();
  });

  it("is unstable after a 5xx, a failure, a timeout or a slow answer", async () => {
    const cases: [string, ScriptedAnswer][] = [
      ["5xx", { status: 503 }],
      ["network failure", { fail: true }],
      ["timeout", { delayMs: 10_000 }],
      ["slow answer", { status: 200, delayMs: 2_500 }],
    ];
    for (const [label, answer] of cases) {
      const { monitor } = monitorWith([{ status: 200 }, answer]);
      monitor.start();
      await vi.advanceTimersByTimeAsync(100);
      expect(monitor.state, label).toBe("online");

      await vi.advanceTimersByTimeAsync(30_000 + 10_000);

      expect(monitor.state, label).toBe("unstable");
      monitor.stop();
    }
  });

  it("probes every 30 s while visible and stops when hidden", async () => {
    const { monitor, visible, calls } = monitorWith([]);
    monitor.start();
    await vi.advanceTimersByTimeAsync(90_100);
    expect(calls).toHaveLength(4);

    visible.set(false);
    await vi.advanceTimersByTimeAsync(120_000);

    expect(calls).toHaveLength(4);
    monitor.stop();
  });

  it("goes unstable when the last success is older than 45 s", async () => {
    const { monitor, visible, states } = monitorWith([]);
    monitor.start();
    await vi.advanceTimersByTimeAsync(100);
    visible.set(false);

    await vi.advanceTimersByTimeAsync(44_000);
    expect(monitor.state).toBe("online");
    await vi.advanceTimersByTimeAsync(2_000);

    expect(monitor.state).toBe("unstable");
    expect(states).toEqual(["online", "unstable"]);
    monitor.stop();
  });

  it("counts real request outcomes", async () => {
    const { monitor } = monitorWith([{ fail: true }]);
    monitor.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(monitor.state).toBe("unstable");

    monitor.recordOutcome({
      method: "GET",
      route: "pos/v1/changes",
      ok: true,
      status: 200,
      latencyMs: 150,
      failure: null,
    });
    expect(monitor.state).toBe("online");

    monitor.recordOutcome({
      method: "GET",
      route: "pos/v1/changes",
      ok: false,
      status: 502,
      latencyMs: 150,
      failure: "http",
    });
    expect(monitor.state).toBe("unstable");
    monitor.stop();
  });

  it("checks at once when the browser comes back online", async () => {
    const { monitor, online, states } = monitorWith([]);
    online.set(false);
    monitor.start();
    expect(monitor.state).toBe("offline");

    online.set(true);
    expect(monitor.state).toBe("unstable");
    await vi.advanceTimersByTimeAsync(100);

    expect(monitor.state).toBe("online");
    expect(states).toEqual(["offline", "unstable", "online"]);
    monitor.stop();
  });

  it("stops notifying after unsubscribe", async () => {
    const { monitor } = monitorWith([]);
    const seen: ConnectivityState[] = [];
    const unsubscribe = monitor.subscribe((state) => seen.push(state));
    unsubscribe();

    monitor.start();
    await vi.advanceTimersByTimeAsync(100);

    expect(monitor.state).toBe("online");
    expect(seen).toEqual([]);
    monitor.stop();
  });
});
