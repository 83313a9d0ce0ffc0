import type { Table } from "dexie";
import { z } from "zod";

/** The format version written with each outbox record; bump it and migrate when fields change. */
export const outboxRecordVersion = 1;

/**
 * Dexie's index declaration for an outbox table: add it to the database that also contains
 * the records the outbox sends, so a sale and its outbox record commit in one transaction.
 */
export const outboxTableIndexes = "id, state, createdAtMs, nextAttemptAtMs";

/**
 * The states of a record. `pending` waits for its `nextAttemptAtMs` and `sending` is on the
 * wire. `sent` got a 2xx. `parked` got a 4xx and waits for a person to resend or discard it.
 * A `sending` record found at start goes back to `pending`.
 */
export const outboxStates = ["pending", "sending", "sent", "parked"] as const;
export type OutboxState = (typeof outboxStates)[number];

export const outboxRecordSchema = z.object({
  formatVersion: z.literal(outboxRecordVersion),
  id: z.string().min(1),
  kind: z.string().min(1),
  payload: z.unknown(),
  attempts: z.number().int().nonnegative(),
  state: z.enum(outboxStates),
  lastError: z.string().nullable(),
  /** The HTTP status of the last failed attempt's response; absent without a response. */
  lastErrorStatus: z.number().int().optional(),
  /** The error code of that response, such as "woocommerce_rest_invalid_coupon". */
  lastErrorCode: z.string().optional(),
  createdAtMs: z.number().int(),
  nextAttemptAtMs: z.number().int(),
  /** When the last failed attempt ended, or absent before the first failure. */
  lastAttemptAtMs: z.number().int().optional(),
  /** The server's response body once sent, for the caller's records. */
  result: z.unknown().optional(),
});

export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

/** A row of an outbox table before parsing. */
export interface OutboxRow {
  id: string;
  state: string;
  createdAtMs: number;
  nextAttemptAtMs: number;
  [field: string]: unknown;
}

export type OutboxTable = Table<OutboxRow, string>;

/** A record to enqueue: `id` is the idempotency key the server deduplicates on. */
export interface OutboxEntry {
  id: string;
  kind: string;
  payload: unknown;
}

/** Raised when a stored outbox record cannot be read back; the row stays as it is. */
export class OutboxRecordError extends Error {
  override name = "OutboxRecordError";
}

/** Parses an outbox row read back from IndexedDB. */
export function parseOutboxRecord(row: unknown): OutboxRecord {
  const result = outboxRecordSchema.safeParse(row);
  if (result.success) return result.data;

  const id = typeof row === "object" && row !== null ? String((row as OutboxRow).id) : "unknown";
  throw new OutboxRecordError(
    `outbox record ${id} is invalid (${z.prettifyError(result.error)}); it was left as it is`,
  );
}

/**
 * Adds a record as `pending`. Call it inside the transaction that writes the data the record
 * sends, so both commit or neither does. Raises when a record with the same id exists, because
 * a second sale must never reuse an idempotency key.
 */
export async function enqueueOutboxRecord(
  table: OutboxTable,
  entry: OutboxEntry,
  nowMs: number,
): Promise<OutboxRecord> {
  const record: OutboxRecord = {
    formatVersion: outboxRecordVersion,
    id: entry.id,
    kind: entry.kind,
    payload: entry.payload,
    attempts: 0,
    state: "pending",
    lastError: null,
    createdAtMs: nowMs,
    nextAttemptAtMs: nowMs,
  };
  await table.add(record);
  return record;
}
