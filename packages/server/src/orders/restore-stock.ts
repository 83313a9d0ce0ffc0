import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";
import { stockStatusFor } from "../catalog/product-pricing.js";
import { findProductRow, refreshParent } from "../catalog/product-store.js";

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
