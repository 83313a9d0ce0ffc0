import type { Kysely } from "kysely";

/**
 * Adds the indexes the catalogue's hot queries need: `products (slug)` for the unique-slug
 * check on every product write, and `products (status, type)` for the snapshot totals, which
 * count published products and variations. Terms need no slug index, as their unique
 * constraint on (taxonomy, slug) is one.
 */
export async function createCatalogLookupIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("products_slug").on("products").column("slug").execute();
  await db.schema
    .createIndex("products_status_type")
    .on("products")
    .columns(["status", "type"])
    .execute();
}
