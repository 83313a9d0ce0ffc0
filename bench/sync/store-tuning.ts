import { sql } from "kysely";
import type { StoreDatabase } from "@pos/server";

/**
 * Lets the store's unique-slug check use an index. The server checks a new product's slug with
 * `slug = ? OR slug LIKE 'slug-%'` and has no index on `slug`, so each insert or update scans
 * every product: loading 110,000 rows that way slowed to 65 rows/s after 30,000 rows. With an
 * index and case-sensitive LIKE (slugs are lower case) SQLite searches the index instead.
 * Applies to this benchmark's copy of the store only.
 */
export async function indexProductSlugs(store: StoreDatabase): Promise<void> {
  if (store.dialect !== "sqlite") return;
  await sql`create index if not exists bench_products_slug on products (slug)`.execute(store.db);
  await sql`pragma case_sensitive_like = on`.execute(store.db);
}

/** Skips the fsync per commit while the fixture store is built; a crash only loses the cache. */
export async function relaxDurability(store: StoreDatabase): Promise<void> {
  if (store.dialect === "sqlite") await sql`pragma synchronous = normal`.execute(store.db);
}
