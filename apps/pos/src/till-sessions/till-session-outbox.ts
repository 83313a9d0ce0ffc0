import { Outbox, type OutboxSender } from "@pos/sync";
import type { WooClient } from "@pos/woo";
import { z } from "zod";
import type { TillSessionDb } from "./till-session-db.js";
import { parseTillSession, tillSessionSchema } from "./till-session-record.js";
import { tillSessionPutKind } from "./till-session-store.js";

const payloadSchema = z.object({ sessionId: z.string().min(1) });

/**
 * Returns the sender of `till-session.put` records. It reads the session's newest state when it
 * sends, and the server stores a repeated state once (idempotent by session id), so a
 * resend after a lost reply changes nothing.
 */
export function tillSessionSender(db: TillSessionDb, client: WooClient): OutboxSender {
  return async (record, signal) => {
    const { sessionId } = payloadSchema.parse(record.payload);
    const row = await db.sessions.get(sessionId);
    if (!row) throw new Error(`till session ${sessionId} is no longer on this till`);
    const session = parseTillSession(row);
    const response = await client.request({
      method: "PUT",
      route: `pos/v1/till-sessions/${encodeURIComponent(session.id)}`,
      body: session,
      schema: tillSessionSchema,
      idempotent: true,
      timeoutMs: 20_000,
      signal,
    });
    return response.data;
  };
}

/** Builds the outbox of till sessions, with its own table and Web Lock beside the orders' outbox. */
export function createTillSessionOutbox(
  db: TillSessionDb,
  client: WooClient,
  log?: (level: "info" | "warn" | "error", message: string) => void,
): Outbox {
  return new Outbox({
    db,
    table: db.outbox,
    senders: { [tillSessionPutKind]: tillSessionSender(db, client) },
    lockName: `${db.name}-outbox`,
    ...(log ? { log } : {}),
  });
}
