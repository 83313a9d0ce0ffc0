import { parseOutboxRecord, type OutboxRecord, type OutboxTable } from "./outbox-record.js";

/** Counts of outbox records by state, and the records not yet sent. */
export interface OutboxStatus {
  pending: number;
  sending: number;
  parked: number;
  sent: number;
  /** Pending, sending and parked records, oldest first. */
  unsent: OutboxRecord[];
}

export const emptyOutboxStatus: OutboxStatus = Object.freeze({
  pending: 0,
  sending: 0,
  parked: 0,
  sent: 0,
  unsent: [],
});

/** Reads the outbox's status in one read transaction. */
export async function readOutboxStatus(table: OutboxTable): Promise<OutboxStatus> {
  const [rows, sent] = await Promise.all([
    table.where("state").anyOf(["pending", "sending", "parked"]).toArray(),
    table.where("state").equals("sent").count(),
  ]);
  const unsent = rows.map(parseOutboxRecord).sort((a, b) => a.createdAtMs - b.createdAtMs);
  const count = (state: OutboxRecord["state"]) =>
    unsent.filter((record) => record.state === state).length;
  return {
    pending: count("pending"),
    sending: count("sending"),
    parked: count("parked"),
    sent,
    unsent,
  };
}

/** Minimum time between a status read and one asked for while it ran. */
const minGapMs = 100;

/**
 * Calls `listener` with the status now, then whenever it differs at a check: every
 * `intervalMs` and on each `refresh()` of the returned handle. Polling also picks up writes of
 * other tabs. Returns the unsubscribe function with a `refresh` method.
 */
export function subscribeOutboxStatus(
  table: OutboxTable,
  listener: (status: OutboxStatus) => void,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): StatusSubscription {
  // NOTE: Dexie's liveQuery emitted nothing on fake-indexeddb under Node in this repository's
  // tests, so the status is polled instead; a change shows within `intervalMs` at the latest.
  let last = "";
  let live = true;
  // One read at a time: a check asked for during a read runs once after it, at least
  // `minGapMs` later, so a drain that changes a record every few ms costs a read per gap
  // instead of one per change.
  let reading = false;
  let checkAgain = false;
  const check = () => {
    if (reading) {
      checkAgain = true;
      return;
    }
    reading = true;
    readOutboxStatus(table)
      .then(
        (status) => {
          const key = JSON.stringify(status);
          if (!live || key === last) return;
          last = key;
          listener(status);
        },
        options.onError ?? (() => undefined),
      )
      .finally(() => {
        reading = false;
        if (!checkAgain || !live) return;
        checkAgain = false;
        setTimeout(check, minGapMs);
      });
  };
  const timer = setInterval(check, options.intervalMs ?? 1_000);
  check();

  const unsubscribe = () => {
    live = false;
    clearInterval(timer);
  };
  return Object.assign(unsubscribe, { refresh: check });
}

export type StatusSubscription = (() => void) & { refresh: () => void };
