import type { Kysely } from "kysely";
import type { AppContext } from "../app-context.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import { writeTransaction } from "../db/change-journal.js";
import { toGmtDateString } from "../time/wp-date.js";
import { assertRepeatOfStoredOrder } from "./client-uuid-repeat.js";
import { assertOpenOrderAvailable } from "./open-order-conflicts.js";
import { clientUuidOf, openOrderStatus } from "./order-input.js";
import type { OrderCreateBody } from "./order-input.js";
import type { OrderRow } from "./order-wire.js";
import { prepareOrder } from "./prepare-order.js";
import { replaceOpenOrder } from "./replace-open-order.js";

export { stockHoldingStatuses } from "./prepare-order.js";

type Db = Kysely<DatabaseSchema>;

/**
 * Creates an order in one transaction with its stock reduction. A repeat of an order whose
 * `_pos_client_uuid` is already stored gets that order back (`created: false`) and nothing
 * changes, so a till that retries after a lost reply gets exactly one order. When the stored
 * order is still open (`pos-open`), the request replaces it instead: the till saved the sale
 * earlier and now saves it again or checks it out.
 */
export async function createOrder(
  context: AppContext,
  body: OrderCreateBody,
): Promise<{ row: OrderRow; created: boolean }> {
  const db = context.store.db;
  const clientUuid = clientUuidOf(body.meta_data);
  if (clientUuid !== null) {
    const existing = await findOrderByClientUuid(db, clientUuid);
    if (existing !== undefined) return answerExisting(context, existing, body, clientUuid);
  }
  try {
    const id = await writeTransaction(db, (trx) => insertOrder(context, trx, body, clientUuid));
    const row = await db
      .selectFrom("orders")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { row, created: true };
  } catch (error) {
    // A concurrent request with the same client UUID committed first, so this one is handled as a repeat.
    const existing = clientUuid === null ? undefined : await findOrderByClientUuid(db, clientUuid);
    if (existing === undefined) throw error;
    return answerExisting(context, existing, body, clientUuid!);
  }
}

/**
 * Handles a request whose client UUID is already stored: an open order is replaced by the
 * request, anything else must be a repeat of the stored order.
 */
async function answerExisting(
  context: AppContext,
  existing: OrderRow,
  body: OrderCreateBody,
  clientUuid: string,
): Promise<{ row: OrderRow; created: boolean }> {
  if (existing.status === openOrderStatus) {
    return { row: await replaceOpenOrder(context, existing.id, body), created: false };
  }
  assertOpenOrderAvailable(existing, body);
  assertRepeatOfStoredOrder(existing, body, clientUuid);
  return { row: existing, created: false };
}

export function findOrderByClientUuid(db: Db, clientUuid: string): Promise<OrderRow | undefined> {
  return db
    .selectFrom("orders")
    .selectAll()
    .where("client_uuid", "=", clientUuid)
    .executeTakeFirst();
}

async function insertOrder(
  context: AppContext,
  trx: Db,
  body: OrderCreateBody,
  clientUuid: string | null,
): Promise<number> {
  const nowGmt = toGmtDateString(context.now());
  const { status, stored } = await prepareOrder(context, trx, body, nowGmt);
  const row = await trx
    .insertInto("orders")
    .values({
      status,
      currency: stored.currency,
      customer_id: body.customer_id,
      client_uuid: clientUuid,
      total: stored.total,
      date_created_gmt: nowGmt,
      date_modified_gmt: nowGmt,
      details: JSON.stringify(stored),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
