import type { Dexie } from "dexie";
import { defaultBackoff, retryDelayMs, type BackoffOptions } from "@pos/woo";
import { runWhenLeader, type LeaderLocks, type Resign } from "../run-when-leader.js";
import { classifySendFailure } from "./outbox-failure.js";
import { parseOutboxRecord, type OutboxRecord, type OutboxTable } from "./outbox-record.js";
import {
  readOutboxStatus,
  subscribeOutboxStatus,
  type OutboxStatus,
  type StatusSubscription,
} from "./outbox-status.js";
import { WakeSignal } from "./wake-signal.js";

/** Maximum number of records sent between two reads of the pending records. */
const dueBatchSize = 50;

/** Sends one record and returns the server's response body. A throw retries or parks it. */
export type OutboxSender = (record: OutboxRecord, signal: AbortSignal) => unknown;

export interface OutboxOptions {
  /** The database that contains `table`. `onSent` runs in a transaction over all its tables. */
  db: Dexie;
  table: OutboxTable;
  /** One sender per record kind. A record of another kind is parked. */
  senders: Readonly<Record<string, OutboxSender>>;
  /**
   * Applies the server's response to the caller's data, inside the transaction that marks the
   * record sent, so the two never disagree. It may only use Dexie tables of `db`.
   */
  onSent?: (record: OutboxRecord, result: unknown) => Promise<void>;
  /** Runs after the transaction of `onSent` committed, for work outside the database. */
  afterSent?: (record: OutboxRecord, result: unknown) => void;
  locks?: LeaderLocks;
  /** The Web Lock that elects the one sending tab. */
  lockName?: string;
  nowMs?: () => number;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Maximum wait before the leader looks again for records another tab added. */
  idleCheckMs?: number;
  log?: (level: "info" | "warn" | "error", message: string) => void;
}

/**
 * A durable queue of writes for the server. One tab sends (the holder of a Web Lock) and the
 * others only enqueue and watch.
 *
 *   enqueue → pending ──claim──→ sending ──2xx──→ sent
 *               ↑   ↖─network, timeout, 5xx─┘ │
 *               └──resend── parked ←──4xx─────┘
 *
 * A record left in `sending` by a closed or crashed tab goes back to `pending` when the next
 * leader starts. Nothing is sent while `setOnline(false)` is in force, and after a network
 * error, timeout or 5xx every send waits out that failure's backoff. Every resend is safe only
 * because the server deduplicates on the record id (the order's client UUID), so a request
 * whose reply was lost is sent again without a copy.
 */
export class Outbox {
  private readonly nowMs: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly wake = new WakeSignal();
  private readonly subscriptions = new Set<StatusSubscription>();
  /** When `drainNow` was last called: records that failed before it are due at once. */
  private drainRequestedAtMs = Number.NEGATIVE_INFINITY;
  /** False while the device has no network; the leader then sends nothing. */
  private online = true;
  /**
   * Until when a retryable failure delays every send, so a server that is down gets one
   * request per backoff wait instead of one per queued record. `drainNow` ends the delay.
   */
  private heldUntilMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: OutboxOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? defaultBackoff;
  }

  /** Starts sending in whichever tab holds the lock. Returns the function that stops it. */
  start(): Resign {
    // Another tab's new record shows up at the next check and wakes this tab if it leads.
    const stopWatching = subscribeOutboxStatus(this.options.table, () => this.wake.notify(), {
      intervalMs: this.options.idleCheckMs ?? 2_000,
    });
    const resign = runWhenLeader(
      this.options.lockName ?? "pos-outbox",
      (signal) => this.lead(signal),
      this.options.locks,
    );
    return async () => {
      stopWatching();
      this.wake.notify();
      await resign();
    };
  }

  /**
   * Wakes the sending loop and makes every record that failed before now due at once, skipping
   * its backoff wait, such as when the connection returns.
   */
  drainNow(): void {
    this.drainRequestedAtMs = this.nowMs();
    this.heldUntilMs = Number.NEGATIVE_INFINITY;
    this.wake.notify();
  }

  /**
   * Tells the outbox whether the device has a network. While offline the leader sends nothing,
   * so a shift of offline sales costs no failed requests; going online drains at once.
   */
  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) this.drainNow();
  }

  status(): Promise<OutboxStatus> {
    return readOutboxStatus(this.options.table);
  }

  /** Calls `listener` with the status now and on every change; returns the unsubscribe function. */
  subscribe(listener: (status: OutboxStatus) => void): () => void {
    const subscription = subscribeOutboxStatus(this.options.table, listener);
    this.subscriptions.add(subscription);
    return () => {
      this.subscriptions.delete(subscription);
      subscription();
    };
  }

  /** Tells this tab's subscribers and the sending loop that the outbox changed. */
  notifyChanged(): void {
    for (const subscription of this.subscriptions) subscription.refresh();
    this.wake.notify();
  }

  /**
   * Moves a parked record back to pending for one more try now. `revise`, when given, replaces
   * the payload in the same transaction, for a person who changed what the server rejected. The
   * record keeps its id, so the server still stores at most one copy. Returns false when the
   * record was no longer parked (another tab resent it), and then changes nothing.
   */
  async resend(id: string, revise?: (payload: unknown) => unknown): Promise<boolean> {
    const resent = await this.update(id, ["parked"], (record) => ({
      ...record,
      state: "pending",
      payload: revise ? revise(record.payload) : record.payload,
      nextAttemptAtMs: this.nowMs(),
    }));
    this.notifyChanged();
    return resent !== null;
  }

  /**
   * Deletes a pending or parked record without sending it, and runs `alsoInTransaction` in the
   * same transaction. A record on the wire cannot be discarded: wait for its response.
   */
  async discard(id: string, alsoInTransaction?: () => Promise<void>): Promise<void> {
    const { db, table } = this.options;
    await db.transaction("rw", db.tables, async () => {
      const record = await this.read(id);
      if (record.state !== "pending" && record.state !== "parked") {
        throw new Error(`outbox record ${id} is ${record.state} and cannot be discarded`);
      }
      await table.delete(id);
      await alsoInTransaction?.();
    });
    this.notifyChanged();
  }

  private async lead(signal: AbortSignal): Promise<void> {
    await this.recoverInterrupted();

    while (!signal.aborted) {
      const due = this.online ? await this.dueBatch() : [];
      await this.sendBatch(due, signal);
      if (due.length > 0) continue;
      await this.wake.wait(await this.idleWaitMs(), signal);
    }
  }

  /**
   * Sends `records` one at a time in their order. It starts no more once a failure delays every
   * send, the device goes offline or the tab resigns.
   */
  private async sendBatch(records: readonly OutboxRecord[], signal: AbortSignal): Promise<void> {
    for (const record of records) {
      if (signal.aborted || !this.online || this.nowMs() < this.heldUntilMs) return;
      await this.sendOne(record, signal);
    }
  }

  private async recoverInterrupted(): Promise<void> {
    const { db, table } = this.options;
    const count = await db.transaction("rw", table, async () => {
      const rows = await table.where("state").equals("sending").toArray();
      for (const row of rows) await table.put({ ...row, state: "pending" });
      return rows.length;
    });
    if (count > 0) this.log("warn", `${count} outbox records were interrupted while sending`);
  }

  /**
   * Reads up to `dueBatchSize` due records, earliest scheduled attempt first, so a record that
   * keeps failing goes behind the others. One read serves many sends, because reading every
   * pending record before each send made a drain of n records cost n² record reads.
   */
  private async dueBatch(): Promise<OutboxRecord[]> {
    const nowMs = this.nowMs();
    if (nowMs < this.heldUntilMs) return [];

    const rows = await this.options.table.where("state").equals("pending").toArray();
    const due = rows.map(parseOutboxRecord).filter((record) => this.isDue(record, nowMs));
    due.sort((a, b) => a.nextAttemptAtMs - b.nextAttemptAtMs || a.createdAtMs - b.createdAtMs);
    return due.slice(0, dueBatchSize);
  }

  private isDue(record: OutboxRecord, nowMs: number): boolean {
    if (record.nextAttemptAtMs <= nowMs) return true;
    return (record.lastAttemptAtMs ?? Number.NEGATIVE_INFINITY) < this.drainRequestedAtMs;
  }

  private async idleWaitMs(): Promise<number> {
    const maxWaitMs = this.options.idleCheckMs ?? 5_000;
    // Offline, due records wait too: `setOnline(true)` wakes the loop.
    if (!this.online) return maxWaitMs;
    const pending = await this.options.table.where("state").equals("pending").toArray();
    const soonestMs = Math.max(
      this.heldUntilMs,
      Math.min(...pending.map((row) => row.nextAttemptAtMs)),
    );
    return Math.max(0, Math.min(maxWaitMs, soonestMs - this.nowMs()));
  }

  private async sendOne(due: OutboxRecord, signal: AbortSignal): Promise<void> {
    const claimed = await this.update(due.id, ["pending"], (record) => ({
      ...record,
      state: "sending",
      attempts: record.attempts + 1,
    }));
    if (!claimed) return;

    const sender = this.options.senders[claimed.kind];
    try {
      if (!sender) throw new Error(`no sender for outbox records of kind "${claimed.kind}"`);
      const result = await sender(claimed, signal);
      await this.markSent(claimed, result);
    } catch (error) {
      await this.markFailed(claimed, error, sender === undefined);
    }
  }

  private async markSent(record: OutboxRecord, result: unknown): Promise<void> {
    const { db, table, onSent } = this.options;
    await db.transaction("rw", db.tables, async () => {
      await table.put({ ...withoutLastAnswer(record), state: "sent", lastError: null, result });
      await onSent?.(record, result);
    });
    this.refreshSubscribers();
    this.options.afterSent?.(record, result);
    // A first-attempt success is the normal case and would fill the log during a drain.
    if (record.attempts > 1) {
      this.log("info", `outbox record ${record.id} sent after ${record.attempts} attempts`);
    }
  }

  private async markFailed(record: OutboxRecord, error: unknown, noSender: boolean) {
    const failure = classifySendFailure(error);
    const park = noSender || failure.action === "park";
    const delayMs = retryDelayMs(record.attempts, this.random, this.backoff);
    await this.update(record.id, ["sending"], (current) => ({
      ...withoutLastAnswer(current),
      state: park ? "parked" : "pending",
      lastError: failure.reason,
      ...(failure.status === undefined ? {} : { lastErrorStatus: failure.status }),
      ...(failure.code === undefined ? {} : { lastErrorCode: failure.code }),
      lastAttemptAtMs: this.nowMs(),
      nextAttemptAtMs: park ? current.nextAttemptAtMs : this.nowMs() + delayMs,
    }));
    if (!park) this.heldUntilMs = this.nowMs() + delayMs;
    const next = park ? "parked" : `retry in ${delayMs} ms`;
    this.log(
      "warn",
      `outbox record ${record.id} attempt ${record.attempts} failed (${next}): ${failure.reason}`,
    );
  }

  /** Changes a record inside a transaction when it is in one of `from`; returns the new record. */
  private async update(
    id: string,
    from: readonly OutboxRecord["state"][],
    change: (record: OutboxRecord) => OutboxRecord,
  ): Promise<OutboxRecord | null> {
    const { db, table } = this.options;
    return db
      .transaction("rw", table, async () => {
        const record = await this.read(id);
        if (!from.includes(record.state)) return null;
        const next = change(record);
        await table.put(next);
        return next;
      })
      .finally(() => this.refreshSubscribers());
  }

  private async read(id: string): Promise<OutboxRecord> {
    const row = await this.options.table.get(id);
    if (!row) throw new Error(`outbox record ${id} is not in the outbox; it may have been sent`);
    return parseOutboxRecord(row);
  }

  private refreshSubscribers(): void {
    for (const subscription of this.subscriptions) subscription.refresh();
  }

  private log(level: "info" | "warn" | "error", message: string): void {
    this.options.log?.(level, message);
  }
}

/** Drops the status and code of the last failed response, before a new outcome is recorded. */
function withoutLastAnswer(record: OutboxRecord): OutboxRecord {
  const copy = { ...record };
  delete copy.lastErrorStatus;
  delete copy.lastErrorCode;
  return copy;
}
