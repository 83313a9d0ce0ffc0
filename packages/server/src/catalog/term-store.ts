import type { Kysely, Selectable } from "kysely";
import type { DatabaseSchema, TermsTable } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";
import { firstFreeSlug, slugify } from "./slugify.js";
import { unindexedProductStatus } from "./unindexed-status.js";

export type TermRow = Selectable<TermsTable>;
/**
 * `pa` is the taxonomy of global product attributes (WooCommerce keeps them in their own table);
 * `pa_<id>` holds the terms (values) of attribute `<id>`.
 */
export type Taxonomy = "product_cat" | "product_tag" | "pa" | `pa_${number}`;
type Db = Kysely<DatabaseSchema>;

/**
 * Returns the id of the category at the end of a `Clothing > Tshirts` path, creating the
 * missing ones as WooCommerce's CSV importer does.
 */
export async function ensureCategoryPath(trx: Db, path: string): Promise<number> {
  let parentId = 0;
  for (const name of path.split(">").map((part) => part.trim())) {
    if (name === "") continue;
    parentId = await ensureTerm(trx, "product_cat", name, parentId);
  }
  return parentId;
}

/** Returns the id of the term with this name under `parentId`, creating it when missing. */
export async function ensureTerm(
  trx: Db,
  taxonomy: Taxonomy,
  name: string,
  parentId = 0,
): Promise<number> {
  const existing = await trx
    .selectFrom("terms")
    .select("id")
    .where("taxonomy", "=", taxonomy)
    .where("name", "=", name)
    .where("parent_id", "=", parentId)
    .executeTakeFirst();
  if (existing !== undefined) return existing.id;
  return insertTerm(trx, { taxonomy, name, parentId, slug: "", description: "", menuOrder: 0 });
}

export interface TermWrite {
  taxonomy: Taxonomy;
  name: string;
  slug: string;
  parentId: number;
  description: string;
  menuOrder: number;
}

export async function insertTerm(trx: Db, write: TermWrite): Promise<number> {
  const slug = await uniqueTermSlug(trx, write.taxonomy, write.slug || slugify(write.name));
  const row = await trx
    .insertInto("terms")
    .values({
      taxonomy: write.taxonomy,
      name: write.name,
      slug,
      parent_id: write.parentId,
      description: write.description,
      menu_order: write.menuOrder,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (write.taxonomy === "product_cat" || write.taxonomy === "product_tag") {
    appendChange(trx, write.taxonomy === "product_cat" ? "categories" : "tags", row.id);
  }
  return row.id;
}

/** Counts the published products in each term, as WooCommerce's term `count` does. */
export async function countProductsPerTerm(db: Db, termIds: readonly number[]) {
  const counts = new Map<number, number>();
  if (termIds.length === 0) return counts;
  const rows = await selectProductsPerTerm(db, termIds).execute();
  for (const row of rows) counts.set(row.termId, Number(row.count));
  return counts;
}

/** Builds the query that counts the published products of each term. */
export function selectProductsPerTerm(db: Db, termIds: readonly number[]) {
  return db
    .selectFrom("product_terms")
    .innerJoin("products", "products.id", "product_terms.product_id")
    .select(["product_terms.term_id as termId", (eb) => eb.fn.countAll().as("count")])
    .where("product_terms.term_id", "in", termIds)
    .where(unindexedProductStatus, "=", "publish")
    .groupBy("product_terms.term_id");
}

async function uniqueTermSlug(trx: Db, taxonomy: Taxonomy, wanted: string): Promise<string> {
  return firstFreeSlug(wanted, async (candidates) => {
    const rows = await trx
      .selectFrom("terms")
      .select("slug")
      .where("taxonomy", "=", taxonomy)
      .where("slug", "in", candidates)
      .execute();
    return rows.map((row) => row.slug);
  });
}
