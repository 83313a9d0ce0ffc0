import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { ProductRow } from "./product-store.js";
import type { TermRow } from "./term-store.js";

/** Terms and variation ids of a set of products, loaded in two queries for a whole page. */
export interface ProductContext {
  categories(productId: number): TermRow[];
  tags(productId: number): TermRow[];
  variationIds(productId: number): number[];
}

export async function loadProductContext(
  db: Kysely<DatabaseSchema>,
  rows: readonly ProductRow[],
): Promise<ProductContext> {
  const ids = rows.map((row) => row.id);
  const termsByProduct = new Map<number, TermRow[]>();
  const variationsByParent = new Map<number, number[]>();
  if (ids.length > 0) {
    const links = await db
      .selectFrom("product_terms")
      .innerJoin("terms", "terms.id", "product_terms.term_id")
      .selectAll("terms")
      .select("product_terms.product_id as productId")
      .where("product_terms.product_id", "in", ids)
      .orderBy("terms.name")
      .execute();
    for (const { productId, ...term } of links) {
      termsByProduct.set(productId, [...(termsByProduct.get(productId) ?? []), term]);
    }
    const variations = await db
      .selectFrom("products")
      .select(["id", "parent_id"])
      .where("parent_id", "in", ids)
      .where("type", "=", "variation")
      .orderBy("menu_order")
      .orderBy("id")
      .execute();
    for (const variation of variations) {
      const list = variationsByParent.get(variation.parent_id) ?? [];
      list.push(variation.id);
      variationsByParent.set(variation.parent_id, list);
    }
  }
  const ofTaxonomy = (productId: number, taxonomy: string) =>
    (termsByProduct.get(productId) ?? []).filter((term) => term.taxonomy === taxonomy);
  return {
    categories: (productId) => ofTaxonomy(productId, "product_cat"),
    tags: (productId) => ofTaxonomy(productId, "product_tag"),
    variationIds: (productId) => variationsByParent.get(productId) ?? [],
  };
}
