import { z } from "zod";
import type { Product } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import { isSupportedProductType, mapWcProduct, wcProductSchema, type WooClient } from "@pos/woo";

const serverResultLimit = 20;

/**
 * Asks the store for products that the local catalogue lacks: `wc/v3/products?search=` for
 * names and SKUs containing the text, and `?sku=` for an exact SKU. Stores what it finds in the
 * catalogue database, where the index feed picks it up, and returns how many products it
 * stored. Network and HTTP failures propagate to the caller.
 */
export async function searchServer(client: WooClient, db: CatalogDb, text: string) {
  const trimmed = text.trim();
  if (!trimmed) return 0;

  const list = (query: Record<string, string | number>) =>
    client.request({
      route: "wc/v3/products",
      query: { ...query, status: "publish", per_page: serverResultLimit },
      schema: z.array(wcProductSchema),
      timeoutMs: 8_000,
    });
  const [bySearch, bySku] = await Promise.all([list({ search: trimmed }), list({ sku: trimmed })]);

  const products = new Map<number, Product>();
  for (const wire of [...bySku.data, ...bySearch.data]) {
    if (isSupportedProductType(wire.type)) products.set(wire.id, mapWcProduct(wire));
  }
  // NOTE: variations found only on the server are not fetched; the sync brings them.
  await db.products.bulkPut([...products.values()]);
  return products.size;
}
