import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { SqlDialectName } from "../db/store-database.js";

/** The unique index on SKUs. Product writes map its violation to `product_invalid_sku`. */
export const skuIndexName = "products_sku_unique";

/**
 * Makes SKUs unique without regard to case across products and variations, as WooCommerce's
 * MySQL collation does ("WOO-CAP" clashes with "woo-cap"). Empty SKUs and trashed products
 * are left out, because WooCommerce allows any number of products without a SKU and ignores
 * trashed ones when it checks a SKU. The index, not a read before the write, is what stops two
 * server processes from storing the same SKU at once.
 *
 * A store that already contains clashing SKUs cannot take the index, so the migration stops with
 * the list of clashes instead of renaming anything. Rename them and start the server again.
 *
 * NOTE: SQLite's `lower` folds only ASCII letters, so on SQLite "Ä1" and "ä1" stay distinct;
 * PostgreSQL folds them by its collation. MySQL's collations also fold accents, which neither does.
 */
export async function createSkuUniqueIndex(
  db: Kysely<unknown>,
  dialect: SqlDialectName,
): Promise<void> {
  const clashes = await sql<{ sku_key: string; ids: string }>`
    select lower(sku) as sku_key, ${aggregateIds(dialect)} as ids
    from products
    where sku <> '' and status <> 'trash'
    group by lower(sku)
    having count(*) > 1
    order by lower(sku)
  `.execute(db);
  if (clashes.rows.length > 0) {
    const listed = clashes.rows
      .slice(0, 20)
      .map((clash) => `"${clash.sku_key}" (product ids ${clash.ids})`)
      .join(", ");
    throw new Error(
      `Cannot make SKUs unique: ${clashes.rows.length} SKUs are used by more than one product, ` +
        `ignoring case: ${listed}. Give each product its own SKU, then start the server again.`,
    );
  }
  await sql`
    create unique index ${sql.ref(skuIndexName)} on products (lower(sku))
    where sku <> '' and status <> 'trash'
  `.execute(db);
}

/** Joins the ids of a group into "3, 17": `string_agg` on PostgreSQL, `group_concat` on SQLite. */
function aggregateIds(dialect: SqlDialectName) {
  return dialect === "postgres"
    ? sql`string_agg(cast(id as text), ', ' order by id)`
    : sql`group_concat(id, ', ')`;
}
