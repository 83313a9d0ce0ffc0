import { enqueueOutboxRecord, type OutboxSender } from "@pos/sync";
import type { WooClient } from "@pos/woo";
import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";

/** Outbox kind of a PIN lockout this till counted, sent so every till and the store refuse it. */
export const pinLockoutKind = "pin.lockout";

const payloadSchema = z.object({
  userId: z.number().int().positive(),
  lockedAtMs: z.number().int(),
});

export type PinLockoutPayload = z.infer<typeof payloadSchema>;

/**
 * Queues a lockout for the store. Call it inside a transaction that includes `db.outbox`, so the
 * local lockout and its record commit together.
 */
export async function queuePinLockout(
  db: SalesDb,
  lockout: PinLockoutPayload,
  randomUuid: () => string = () => crypto.randomUUID(),
): Promise<void> {
  const entry = { id: randomUuid(), kind: pinLockoutKind, payload: lockout };
  await enqueueOutboxRecord(db.outbox, entry, lockout.lockedAtMs);
}

const replySchema = z.object({ user_id: z.number().int(), locked: z.boolean() });

/**
 * Sends `pin.lockout` records to `POST pos/v1/users/{id}/pin/lockout`. Resending is harmless:
 * the store keeps one lock per user and ignores a lockout a manager already cleared.
 */
export function pinLockoutSender(client: WooClient, timeoutMs = 15_000): OutboxSender {
  return async (record, signal) => {
    const payload = payloadSchema.parse(record.payload);
    const response = await client.request({
      method: "POST",
      route: `pos/v1/users/${payload.userId}/pin/lockout`,
      body: { locked_at_gmt: new Date(payload.lockedAtMs).toISOString() },
      schema: replySchema,
      timeoutMs,
      signal,
    });
    return response.data;
  };
}
