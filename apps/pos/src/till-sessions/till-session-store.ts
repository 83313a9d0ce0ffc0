import {
  closeTillSession,
  openTillSession,
  recordCashMovement,
  type CashMovementInput,
  type Money,
  type ReportCurrency,
  type TillSession,
} from "@pos/core";
import { enqueueOutboxRecord } from "@pos/sync";
import type { TillSessionDb } from "./till-session-db.js";
import { parseTillSession } from "./till-session-record.js";

/** The outbox kind that uploads a till session's newest state. */
export const tillSessionPutKind = "till-session.put";

export interface TillSessionStoreOptions {
  now?: () => Date;
  randomUuid?: () => string;
  /** Called after each write, such as to wake the outbox. */
  onChanged?: () => void;
}

/**
 * The till sessions of this device. Each step is saved with an outbox record in one
 * transaction, so a step taken offline reaches the store when the connection returns.
 */
export class TillSessionStore {
  private readonly now: () => Date;
  private readonly randomUuid: () => string;

  constructor(
    private readonly db: TillSessionDb,
    private readonly options: TillSessionStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.randomUuid = options.randomUuid ?? (() => crypto.randomUUID());
  }

  /** Returns the register's open session, or null when none is open. */
  async openSession(registerId: string): Promise<TillSession | null> {
    const rows = await this.db.sessions.where("registerId").equals(registerId).toArray();
    const open = rows.map(parseTillSession).filter((session) => session.closedAtGmt === null);
    return open.sort((a, b) => b.openedAtGmt.localeCompare(a.openedAtGmt))[0] ?? null;
  }

  /** Lists the register's sessions, the newest first. */
  async list(registerId: string): Promise<TillSession[]> {
    const rows = await this.db.sessions.where("registerId").equals(registerId).toArray();
    return rows.map(parseTillSession).sort((a, b) => b.openedAtGmt.localeCompare(a.openedAtGmt));
  }

  async get(id: string): Promise<TillSession> {
    const row = await this.db.sessions.get(id);
    if (!row) throw new Error(`till session ${id} is not on this till`);
    return parseTillSession(row);
  }

  /** Opens a session with the counted float; rejects a second open session on the register. */
  async open(input: {
    registerId: string;
    cashierId: number;
    currency: ReportCurrency;
    openingFloat: Money;
  }): Promise<TillSession> {
    return this.write(async () => {
      const open = await this.openSession(input.registerId);
      if (open) {
        throw new Error(
          `register ${input.registerId} already has till session ${open.id} open since ` +
            `${open.openedAtGmt}: close it before opening another`,
        );
      }
      return openTillSession({ id: this.randomUuid(), ...input }, this.now());
    });
  }

  async recordMovement(id: string, input: CashMovementInput): Promise<TillSession> {
    return this.write(async () => recordCashMovement(await this.get(id), input, this.now()));
  }

  async close(id: string, countedCash: Money): Promise<TillSession> {
    return this.write(async () => closeTillSession(await this.get(id), countedCash, this.now()));
  }

  /**
   * Saves the session `step` returns and enqueues its upload, in one transaction. Every step
   * gets its own outbox record, and the sender uploads the newest state, so the order in which
   * records go out does not matter.
   */
  private async write(step: () => Promise<TillSession>): Promise<TillSession> {
    const session = await this.db.transaction("rw", this.db.sessions, this.db.outbox, async () => {
      const next = await step();
      await this.db.sessions.put({ ...next, movements: [...next.movements] });
      await enqueueOutboxRecord(
        this.db.outbox,
        {
          id: `${next.id}:${next.movements.length}:${next.closedAtGmt === null ? "open" : "closed"}`,
          kind: tillSessionPutKind,
          payload: { sessionId: next.id },
        },
        this.now().getTime(),
      );
      return next;
    });
    this.options.onChanged?.();
    return session;
  }
}
