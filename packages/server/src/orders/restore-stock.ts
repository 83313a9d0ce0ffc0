import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";
import { stockStatusFor } from "../catalog/product-pricing.js";
import { findProductRow, refreshParent } from "../catalog/product-store.js";
import type { StoredLineItem } from "./stored-order.js";

type Db = Kysely<DatabaseSchema>;

/**
 * Adds units back to a line's stock (a cancelled order or a restocking refund), to the
 * variation when it manages stock, else to its parent, as WooCommerce's `wc_update_product_stock`
 * does with "increase".
 */
export async function restoreStock(
  trx: Db,
  line: { product_id: number; variation_id: number },
  quantity: number,
  nowGmt: string,
): Promise<void> {
  const item = await findProductRow(trx, line.variation_id || line.product_id);
  if (item === undefined) return;
  const stockRow =
    item.manage_stock === 1 || item.type !== "variation"
      ? item
      : await findProductRow(trx, item.parent_id);
  if (stockRow === undefined || stockRow.manage_stock !== 1) return;
  const remaining = (stockRow.stock_quantity ?? 0) + quantity;
  await trx
    .updateTable("products")
    .set({
      stock_quantity: remaining,
      stock_status: stockStatusFor(remaining, stockRow.backorders),
      date_modified_gmt: nowGmt,
    })
    .where("id", "=", stockRow.id)
    .execute();
  appendChange(trx, stockRow.type === "variation" ? "variations" : "products", stockRow.id);
  if (stockRow.type === "variation") await refreshParent(trx, stockRow.parent_id, nowGmt);
}

/** Line meta key of the units an order line took from stock, as WooCommerce names it. */
export const reducedStockMetaKey = "_reduced_stock";

/**
 * Returns the units of a line still taken from stock (its `_reduced_stock` meta), or 0.
 * NOTE: orders moved into a paid status by an update before that path wrote the meta have no
 * `_reduced_stock` on their lines, so cancelling them puts nothing back.
 */
export function reducedStockOf(item: StoredLineItem): number {
  const entry = item.meta_data.find((meta) => meta.key === reducedStockMetaKey) as
    { value?: unknown } | undefined;
  const units = Number(entry?.value ?? 0);
  return Number.isInteger(units) && units > 0 ? units : 0;
}

/** Returns the line with its `_reduced_stock` meta set to `units`, or removed when null. */
export function withReducedStock(item: StoredLineItem, units: number | null): StoredLineItem {
  const others = item.meta_data.filter((meta) => meta.key !== reducedStockMetaKey);
  if (units === null) return { ...item, meta_data: others };
  const nextId = item.meta_data.reduce((max, meta) => Math.max(max, meta.id), 0) + 1;
  const known = item.meta_data.find((meta) => meta.key === reducedStockMetaKey);
  const value = String(units);
  return {
    ...item,
    meta_data: [
      ...others,
      {
        id: known?.id ?? nextId,
        key: reducedStockMetaKey,
        value,
        display_key: reducedStockMetaKey,
        display_value: value,
      },
    ],
  };
}

/**
 * Puts back the units each line still has taken from stock and removes its `_reduced_stock` meta, as
 * WooCommerce's `wc_increase_stock_levels` does when an order is cancelled. Units already put
 * back by a restocking refund are not added again. Returns the lines with the meta removed.
 */
export async function restoreReducedStock(
  trx: Db,
  lines: readonly StoredLineItem[],
  nowGmt: string,
): Promise<StoredLineItem[]> {
  const restored: StoredLineItem[] = [];
  for (const item of lines) {
    const units = reducedStockOf(item);
    if (units > 0) await restoreStock(trx, item, units, nowGmt);
    restored.push(withReducedStock(item, null));
  }
  return restored;
}
