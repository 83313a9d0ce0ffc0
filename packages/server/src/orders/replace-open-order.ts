import type { AppContext } from "../app-context.js";
import { writeTransaction } from "../db/change-journal.js";
import { toGmtDateString } from "../time/wp-date.js";
import { assertRepeatOfStoredOrder } from "./client-uuid-repeat.js";
import { assertOpenOrderAvailable } from "./open-order-conflicts.js";
import { clientUuidOf, metaStringOf, openOrderStatus, voidReasonMetaKey } from "./order-input.js";
import type { OrderCreateBody } from "./order-input.js";
import { withStatusChangeNote } from "./order-notes.js";
import type { OrderRow } from "./order-wire.js";
import { prepareOrder } from "./prepare-order.js";
import { parseStoredOrder } from "./stored-order.js";
import type { StoredOrder } from "./stored-order.js";
import { lockOrder } from "./update-order.js";

/**
 * Replaces an open (`pos-open`) order with a new version of the same sale, in one transaction:
 * new lines, totals and status, keeping its id, order key, creation date and notes. Saving it
 * open again changes no stock; checking it out (a paid status) reduces stock and counts coupon
 * uses as a new order would, and status `cancelled` voids it with the reason in an order note.
 * When another request closed the order first, the request is
 * answered as a repeat of the closed order, or rejected with 409 when it is a stale copy.
 */
export async function replaceOpenOrder(
  context: AppContext,
  id: number,
  body: OrderCreateBody,
): Promise<OrderRow> {
  const db = context.store.db;
  await writeTransaction(db, async (trx) => {
    const row = await lockOrder(trx, context, id);
    if (row.status !== openOrderStatus) {
      assertOpenOrderAvailable(row, body);
      assertRepeatOfStoredOrder(row, body, clientUuidOf(body.meta_data) ?? "");
      return;
    }

    const previous = parseStoredOrder(row.details);
    const nowGmt = toGmtDateString(context.now());
    const { status, stored } = await prepareOrder(context, trx, body, nowGmt);
    const next: StoredOrder = {
      ...stored,
      order_key: previous.order_key,
      date_created_gmt: previous.date_created_gmt,
      notes:
        status === previous.status
          ? previous.notes
          : withStatusChangeNote(previous.notes, {
              from: previous.status,
              to: status,
              nowGmt,
              ...voidDetail(body),
            }),
      saved_open: true,
    };
    await trx
      .updateTable("orders")
      .set({
        status,
        customer_id: body.customer_id,
        total: next.total,
        date_modified_gmt: nowGmt,
        details: JSON.stringify(next),
      })
      .where("id", "=", id)
      .execute();
  });
  return db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function voidDetail(body: OrderCreateBody): { detail?: string } {
  const reason = metaStringOf(body.meta_data, voidReasonMetaKey);
  return reason === null ? {} : { detail: `Voided at the till: ${reason}` };
}
