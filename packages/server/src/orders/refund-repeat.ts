import { parseMoney } from "@pos/core";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { WooError } from "../http/woo-error.js";
import type { RefundCreateBody, StoredRefund } from "./refund-input.js";
import { parseRefundMoney } from "./refund-lines.js";

type Db = Kysely<DatabaseSchema>;

/**
 * Checks that a request reusing an idempotency key repeats the refund stored under it: the same
 * amount when one is sent, and the same lines and quantities. A retry after a lost reply gets
 * the stored refund back. A different refund under a reused key would vanish behind the first,
 * so it is rejected with 409, as orders reusing a client UUID are.
 */
export async function assertRepeatOfStoredRefund(
  trx: Db,
  refundId: number,
  body: RefundCreateBody,
  key: string,
  decimals: number,
): Promise<void> {
  const row = await trx
    .selectFrom("refunds")
    .selectAll()
    .where("id", "=", refundId)
    .executeTakeFirstOrThrow();
  const stored = JSON.parse(row.details) as StoredRefund;

  const sameAmount =
    body.amount === undefined ||
    parseRefundMoney(body.amount, decimals, "amount") === parseMoney(row.amount, decimals);
  const storedLines = stored.line_items.map((line) => `${line.id}x${line.quantity}`).sort();
  const requestedLines = body.line_items
    .filter((line) => line.quantity > 0 || line.refund_total !== undefined)
    .map((line) => `${line.id}x${storedQuantity(stored, line.id, line.quantity)}`)
    .sort();
  const sameLines =
    storedLines.length === requestedLines.length &&
    storedLines.every((line, index) => line === requestedLines[index]);
  if (sameAmount && sameLines) return;

  throw new WooError(
    409,
    "pos_refund_key_conflict",
    `Idempotency key "${key}" already belongs to refund ${refundId} of ${row.amount} with other ` +
      "amounts or lines; send this refund with a new key.",
    { refund_id: refundId },
  );
}

/** Shipping and fee lines are stored with quantity 0 whatever quantity the request sent. */
function storedQuantity(stored: StoredRefund, id: number, quantity: number): number {
  const line = stored.line_items.find((candidate) => candidate.id === id);
  return line !== undefined && line.kind !== undefined && line.kind !== "line_item" ? 0 : quantity;
}
