import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { SqlDialectName } from "../db/store-database.js";
import { appendChange } from "../db/change-journal.js";
import { refreshParent } from "../catalog/product-store.js";
import { stockStatusFor } from "../catalog/product-pricing.js";
import { WooError } from "../http/woo-error.js";
import type { ResolvedLine } from "./resolve-order-lines.js";

type Db = Kysely<DatabaseSchema>;

/**
 * Reduces stock for an order's lines inside its transaction, as WooCommerce's
 * `wc_reduce_stock_levels` does: the variation's own stock when it manages stock, else its
 * parent's. Unlike WooCommerce's REST API, which oversells silently, a line that needs more than
 * the stock is rejected unless the product allows backorders. Returns the units reduced per line.
 */
export async function reduceStockForLines(
  trx: Db,
  dialect: SqlDialectName,
  lines: readonly ResolvedLine[],
  nowGmt: string,
): Promise<Map<number, number>> {
  const reduced = new Map<number, number>();
  const needs = new Map<number, { quantity: number; name: string }>();
  for (const line of lines) {
    const stockRow =
      line.item.manage_stock === 1 || line.parent === undefined ? line.item : line.parent;
    if (stockRow.manage_stock !== 1) continue;
    const need = needs.get(stockRow.id) ?? { quantity: 0, name: stockRow.name };
    needs.set(stockRow.id, { ...need, quantity: need.quantity + line.input.quantity });
    reduced.set(line.index, line.input.quantity);
  }

  // Every product row this order touches (stock rows, the lines' items and their variable
  // parents) is locked up front in one statement, in id order. Two orders then take their locks
  // in the same order and cannot deadlock each other on PostgreSQL.
  await lockProductRows(trx, dialect, [
    ...needs.keys(),
    ...lines.flatMap((line) => [line.item.id, ...(line.parent ? [line.parent.id] : [])]),
  ]);
  const parentIds = new Set<number>();
  for (const [productId, need] of [...needs.entries()].sort(([a], [b]) => a - b)) {
    const parentId = await reduceOne(trx, productId, need.quantity, nowGmt);
    if (parentId !== 0) parentIds.add(parentId);
  }
  for (const parentId of [...parentIds].sort((a, b) => a - b)) {
    await refreshParent(trx, parentId, nowGmt);
  }
  for (const line of lines) {
    await trx
      .updateTable("products")
      .set((eb) => ({ total_sales: eb("total_sales", "+", line.input.quantity) }))
      .where("id", "in", [line.item.id, ...(line.parent ? [line.parent.id] : [])])
      .execute();
  }
  return reduced;
}

/** Locks and reduces one stock row; returns the id of its variable parent, or 0. */
async function reduceOne(
  trx: Db,
  productId: number,
  quantity: number,
  nowGmt: string,
): Promise<number> {
  const row = await trx
    .selectFrom("products")
    .selectAll()
    .where("id", "=", productId)
    .executeTakeFirstOrThrow();
  const stock = row.stock_quantity ?? 0;
  if (stock < quantity && row.backorders === "no") {
    throw new WooError(
      409,
      "woocommerce_rest_product_partially_out_of_stock",
      `Not enough stock for ${productLabel(row)}: ${stock} in stock, ${quantity} ` +
        "ordered. Lower the quantity or allow backorders for this product.",
      { product_id: row.id, stock_quantity: stock, requested: quantity },
    );
  }
  const remaining = stock - quantity;
  await trx
    .updateTable("products")
    .set({
      stock_quantity: remaining,
      stock_status: stockStatusFor(remaining, row.backorders),
      date_modified_gmt: nowGmt,
    })
    .where("id", "=", productId)
    .execute();
  appendChange(trx, row.type === "variation" ? "variations" : "products", row.id);
  return row.type === "variation" ? row.parent_id : 0;
}

/** Names a product in a message: `"Beanie" (product 15)`, or `product 15` when it has no name. */
function productLabel(row: { id: number; name: string }): string {
  return row.name.trim() === "" ? `product ${row.id}` : `"${row.name}" (product ${row.id})`;
}

/**
 * Locks product rows for the rest of the transaction, lowest id first. SQLite needs nothing:
 * its write transactions already run one at a time.
 */
export async function lockProductRows(
  trx: Db,
  dialect: SqlDialectName,
  ids: readonly number[],
): Promise<void> {
  if (dialect !== "postgres" || ids.length === 0) return;
  await trx
    .selectFrom("products")
    .select("id")
    .where("id", "in", [...new Set(ids)])
    .orderBy("id")
    .forUpdate()
    .execute();
}
