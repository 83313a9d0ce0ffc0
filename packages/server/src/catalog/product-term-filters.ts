import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { invalidParamError } from "../http/woo-error.js";

type Db = Kysely<DatabaseSchema>;

/** Returns the category and every category below it, so a list filter includes children. */
export async function categoryWithDescendants(db: Db, categoryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("terms")
    .select(["id", "parent_id"])
    .where("taxonomy", "=", "product_cat")
    .execute();
  const children = new Map<number, number[]>();
  for (const row of rows) {
    children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row.id]);
  }
  const found = new Set([categoryId]);
  const queue = [categoryId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      // A stored loop (written before loops were rejected) must not hang the walk.
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found];
}

/**
 * Returns the ids of products (not variations) whose global attribute `attribute` (its
 * taxonomy name, such as `pa_color`) lists one of the terms in `termIdList` (comma-separated
 * term ids). WooCommerce applies the filter only when both are given, and this server rejects one
 * without the other, and an unknown attribute, instead of ignoring them.
 */
export async function productsWithAttributeTerms(
  db: Db,
  attribute: string | undefined,
  termIdList: string | undefined,
): Promise<number[]> {
  if (attribute === undefined || termIdList === undefined) {
    const missing = attribute === undefined ? "attribute" : "attribute_term";
    throw invalidParamError(
      missing,
      `${missing} is missing: attribute (such as pa_color) and attribute_term (term ids) ` +
        "filter together, so send both.",
    );
  }
  const row = await db
    .selectFrom("terms")
    .select("id")
    .where("taxonomy", "=", "pa")
    .where("slug", "=", attribute.replace(/^pa_/, ""))
    .executeTakeFirst();
  if (row === undefined) {
    throw invalidParamError(
      "attribute",
      `attribute is "${attribute}", which is not a global attribute; ` +
        "use the slug of one from products/attributes, such as pa_color.",
    );
  }
  const termIds = termIdList.split(",").map((text) => text.trim());
  if (termIds.some((text) => !/^\d+$/.test(text))) {
    throw invalidParamError(
      "attribute_term",
      `attribute_term is "${termIdList}", expected term ids such as 22 or 22,23.`,
    );
  }
  const terms = await db
    .selectFrom("terms")
    .select("name")
    .where("taxonomy", "=", `pa_${row.id}`)
    .where("id", "in", termIds.map(Number))
    .execute();
  const names = new Set(terms.map((term) => term.name));
  if (names.size === 0) return [];

  const products = await db
    .selectFrom("products")
    .select(["id", "details"])
    .where("parent_id", "=", 0)
    .where("details", "like", `%"id":${row.id},%`)
    .execute();
  return products
    .filter((product) => {
      const details = JSON.parse(product.details) as {
        attributes?: { id: number; options: string[] }[];
      };
      const options = details.attributes?.find((candidate) => candidate.id === row.id)?.options;
      return options?.some((option) => names.has(option)) ?? false;
    })
    .map((product) => product.id);
}
