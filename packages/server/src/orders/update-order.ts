import type { Kysely } from "kysely";
import type { AppContext } from "../app-context.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import { writeTransaction } from "../db/change-journal.js";
import { wooAddressSchema } from "../customers/customer-records.js";
import { WooError } from "../http/woo-error.js";
import { toGmtDateString } from "../time/wp-date.js";
import { stockHoldingStatuses } from "./create-order.js";
import type { OrderUpdateBody } from "./order-input.js";
import type { OrderRow } from "./order-wire.js";
import { reduceStockForLines } from "./reduce-stock.js";
import { resolveOrderLines } from "./resolve-order-lines.js";
import { restoreStock } from "./restore-stock.js";
import { parseStoredOrder } from "./stored-order.js";
import type { StoredOrder } from "./stored-order.js";

type Db = Kysely<DatabaseSchema>;

export const orderNotFound = () =>
  new WooError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");

/**
 * Updates an order's status, payment and addresses. Moving into processing, completed or
 * on-hold reduces stock once; moving to cancelled or pending restores it, as WooCommerce's
 * `wc_maybe_reduce_stock_levels` and `wc_maybe_increase_stock_levels` do.
 */
export function updateOrder(context: AppContext, id: number, body: OrderUpdateBody): Promise<void> {
  return writeTransaction(context.store.db, async (trx) => {
    const row = await lockOrder(trx, context, id);
    const order = parseStoredOrder(row.details);
    const nowGmt = toGmtDateString(context.now());
    const next: StoredOrder = { ...order, date_modified_gmt: nowGmt };

    if (body.billing) next.billing = wooAddressSchema.parse({ ...order.billing, ...body.billing });
    if (body.shipping)
      next.shipping = wooAddressSchema.parse({ ...order.shipping, ...body.shipping, email: "" });
    if (body.customer_note !== undefined) next.customer_note = body.customer_note;
    if (body.payment_method !== undefined) next.payment_method = body.payment_method;
    if (body.payment_method_title !== undefined)
      next.payment_method_title = body.payment_method_title;
    if (body.transaction_id !== undefined) next.transaction_id = body.transaction_id;
    if (body.meta_data) next.meta_data = mergeMeta(order.meta_data, body.meta_data);

    let status = body.status ?? order.status;
    if (body.set_paid === true && next.date_paid_gmt === null) {
      next.date_paid_gmt = nowGmt;
      if (["pending", "on-hold", "failed"].includes(status)) status = "processing";
    }
    if (status === "completed" && next.date_completed_gmt === null)
      next.date_completed_gmt = nowGmt;
    next.status = status;
    await applyStockForStatus(context, trx, next, nowGmt);
    await trx
      .updateTable("orders")
      .set({ status, date_modified_gmt: nowGmt, details: JSON.stringify(next) })
      .where("id", "=", id)
      .execute();
  });
}

async function applyStockForStatus(
  context: AppContext,
  trx: Db,
  order: StoredOrder,
  nowGmt: string,
) {
  if (stockHoldingStatuses.has(order.status) && !order.stock_reduced) {
    const lines = await resolveOrderLines(
      trx,
      order.line_items.map((item) => ({
        product_id: item.product_id,
        variation_id: item.variation_id,
        quantity: item.quantity,
        meta_data: [],
      })),
    );
    await reduceStockForLines(trx, context.store.dialect, lines, nowGmt);
    order.stock_reduced = true;
  } else if (["cancelled", "pending"].includes(order.status) && order.stock_reduced) {
    for (const item of order.line_items) await restoreStock(trx, item, item.quantity, nowGmt);
    order.stock_reduced = false;
  }
}

/** Loads an order for change; on PostgreSQL its row stays locked until the transaction ends. */
export async function lockOrder(
  trx: Db,
  context: AppContext,
  id: number,
  allowTrash = false,
): Promise<OrderRow> {
  let select = trx.selectFrom("orders").selectAll().where("id", "=", id);
  if (context.store.dialect === "postgres") select = select.forUpdate();
  const row = await select.executeTakeFirst();
  if (row === undefined || (row.status === "trash" && !allowTrash)) throw orderNotFound();
  return row;
}

function mergeMeta(
  existing: StoredOrder["meta_data"],
  updates: readonly { key: string; value: unknown }[],
) {
  const merged = [...existing];
  for (const update of updates) {
    const index = merged.findIndex((entry) => entry.key === update.key);
    const known = merged[index];
    if (known !== undefined) merged[index] = { id: known.id, key: known.key, value: update.value };
    else
      merged.push({ id: merged.reduce((max, entry) => Math.max(max, entry.id), 0) + 1, ...update });
  }
  return merged;
}
