import { parseMoney, posTendersMetaKey } from "@pos/core";
import type { Kysely } from "kysely";
import type { AppContext } from "../app-context.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import { writeTransaction } from "../db/change-journal.js";
import { wooAddressSchema } from "../customers/customer-records.js";
import { invalidParamError, WooError } from "../http/woo-error.js";
import { toGmtDateString } from "../time/wp-date.js";
import { stockHoldingStatuses } from "./prepare-order.js";
import { clientUuidMetaKey, clientUuidOf, metaStringOf, voidReasonMetaKey } from "./order-input.js";
import type { OrderUpdateBody } from "./order-input.js";
import { withStatusChangeNote } from "./order-notes.js";
import { checkPosTendersMeta, checkPosTendersPayTotal, isPaidOrder } from "./pos-tenders-check.js";
import type { OrderRow } from "./order-wire.js";
import { reduceStockForLines } from "./reduce-stock.js";
import { resolveOrderLines } from "./resolve-order-lines.js";
import { restoreReducedStock, withReducedStock } from "./restore-stock.js";
import { parseStoredOrder } from "./stored-order.js";
import type { StoredOrder } from "./stored-order.js";

type Db = Kysely<DatabaseSchema>;

export const orderNotFound = () =>
  new WooError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");

/**
 * Updates an order's status, payment and addresses. Moving into processing, completed or
 * on-hold reduces stock once; moving to cancelled or pending restores it, as WooCommerce's
 * `wc_maybe_reduce_stock_levels` and `wc_maybe_increase_stock_levels` do. A status change adds
 * WooCommerce's system note, with the till's void reason (`_pos_void_reason`) when one is sent.
 */
export function updateOrder(context: AppContext, id: number, body: OrderUpdateBody): Promise<void> {
  return writeTransaction(context.store.db, async (trx) => {
    const row = await lockOrder(trx, context, id);
    const order = parseStoredOrder(row.details);
    assertEditable(id, order, body);
    const nowGmt = toGmtDateString(context.now());
    const next: StoredOrder = { ...order, date_modified_gmt: nowGmt };

    if (body.billing) next.billing = wooAddressSchema.parse({ ...order.billing, ...body.billing });
    if (body.shipping)
      next.shipping = wooAddressSchema.parse({ ...order.shipping, ...body.shipping, email: "" });
    if (body.customer_id !== undefined && body.customer_id !== order.customer_id) {
      await assertCustomerExists(trx, body.customer_id);
      next.customer_id = body.customer_id;
    }
    if (body.customer_note !== undefined) next.customer_note = body.customer_note;
    if (body.payment_method !== undefined) next.payment_method = body.payment_method;
    if (body.payment_method_title !== undefined)
      next.payment_method_title = body.payment_method_title;
    if (body.transaction_id !== undefined) next.transaction_id = body.transaction_id;
    const sentTenders = body.meta_data?.some((entry) => entry.key === posTendersMetaKey) ?? false;
    if (body.meta_data) {
      // Checked as sent too, so a second copy in the request is rejected, not merged away.
      checkPosTendersMeta(body.meta_data, order.decimals, String(id));
      next.meta_data = mergeMeta(order.meta_data, body.meta_data);
    }

    let status = body.status ?? order.status;
    if (body.set_paid === true && next.date_paid_gmt === null) {
      next.date_paid_gmt = nowGmt;
      if (["pending", "on-hold", "failed"].includes(status)) status = "processing";
    }
    if (status === "completed" && next.date_completed_gmt === null)
      next.date_completed_gmt = nowGmt;
    next.status = status;
    // The tenders are checked when sent or when the order becomes paid, so an order stored
    // unpaid with tenders that do not pay it cannot be marked paid with them.
    const wasPaid = isPaidOrder({ status: order.status, paid: order.date_paid_gmt !== null });
    const paid = next.date_paid_gmt !== null;
    if (sentTenders || (!wasPaid && isPaidOrder({ status, paid }))) {
      const tenders = checkPosTendersMeta(next.meta_data, order.decimals, String(id));
      checkPosTendersPayTotal(next.meta_data, tenders, {
        total: parseMoney(order.total, order.decimals),
        decimals: order.decimals,
        status,
        paid,
        number: String(id),
      });
    }
    if (status !== order.status) {
      const reason = metaStringOf(body.meta_data ?? [], voidReasonMetaKey);
      next.notes = withStatusChangeNote(order.notes, {
        from: order.status,
        to: status,
        nowGmt,
        ...(reason === null ? {} : { detail: `Voided at the till: ${reason}` }),
      });
    }
    await applyStockForStatus(context, trx, next, nowGmt);
    await trx
      .updateTable("orders")
      .set({
        status,
        customer_id: next.customer_id,
        date_modified_gmt: nowGmt,
        details: JSON.stringify(next),
      })
      .where("id", "=", id)
      .execute();
  });
}

/** Rejects a customer id the store does not have, as WooCommerce does; 0 is a guest. */
async function assertCustomerExists(trx: Kysely<DatabaseSchema>, customerId: number) {
  if (customerId === 0) return;
  const customer = await trx
    .selectFrom("customers")
    .select("id")
    .where("id", "=", customerId)
    .executeTakeFirst();
  if (customer === undefined) {
    throw new WooError(400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.", {
      customer_id: customerId,
    });
  }
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
    const reduced = await reduceStockForLines(trx, context.store.dialect, lines, nowGmt);
    order.line_items = order.line_items.map((item, index) => {
      const units = reduced.get(index);
      return units === undefined ? item : withReducedStock(item, units);
    });
    order.stock_reduced = true;
  } else if (["cancelled", "pending"].includes(order.status) && order.stock_reduced) {
    order.line_items = await restoreReducedStock(trx, order.line_items, nowGmt);
    order.stock_reduced = false;
  }
}

/**
 * Rejects the parts of an update that this server does not apply: lines, coupons and currency
 * are fixed once an order is created, because changing them would need its totals, stock and
 * coupon usage worked out again. An empty list changes nothing, as in WooCommerce, and passes.
 * The client UUID meta cannot change either, since the `client_uuid` column keeps the old one.
 */
function assertEditable(id: number, order: StoredOrder, body: OrderUpdateBody): void {
  for (const field of ["line_items", "fee_lines", "shipping_lines", "coupon_lines"] as const) {
    if ((body[field]?.length ?? 0) > 0) {
      throw invalidParamError(
        field,
        `${field} of order ${id} cannot be changed after it is created; cancel the order ` +
          "and create a new one with the lines you need.",
      );
    }
  }
  if (body.currency !== undefined && body.currency !== order.currency) {
    throw invalidParamError(
      "currency",
      `currency of order ${id} is ${order.currency} and cannot be changed to ${body.currency}.`,
    );
  }
  const storedUuid = clientUuidOf(order.meta_data);
  const sentUuid = body.meta_data?.find((entry) => entry.key === clientUuidMetaKey);
  if (sentUuid !== undefined && sentUuid.value !== storedUuid) {
    throw invalidParamError(
      "meta_data",
      `${clientUuidMetaKey} of order ${id} is ${JSON.stringify(storedUuid)} and cannot be ` +
        "changed; leave it out of the update.",
    );
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
