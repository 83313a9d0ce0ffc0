import { sql } from "kysely";
import type { StoreDatabase } from "@pos/server";

/** Skips the fsync per commit while the fixture store is built; a crash only loses the cache. */
export async function relaxDurability(store: StoreDatabase): Promise<void> {
  if (store.dialect === "sqlite") await sql`pragma synchronous = normal`.execute(store.db);
}
