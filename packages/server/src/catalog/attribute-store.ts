import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { WooError } from "../http/woo-error.js";
import type { TermRow } from "./term-store.js";

type Db = Kysely<DatabaseSchema>;

/** What WooCommerce keeps for a global attribute besides its name and slug. */
export interface AttributeSettings {
  type: string;
  order_by: string;
  has_archives: boolean;
}

const defaultSettings: AttributeSettings = {
  type: "select",
  order_by: "menu_order",
  has_archives: false,
};

/** Attribute rows keep their settings as JSON in `description` (empty for imported ones). */
export function attributeSettings(row: TermRow): AttributeSettings {
  if (row.description === "") return defaultSettings;
  return { ...defaultSettings, ...(JSON.parse(row.description) as Partial<AttributeSettings>) };
}

export function attributeWire(row: TermRow, baseUrl: string) {
  const base = `${baseUrl}/wp-json/wc/v3/products/attributes`;
  return {
    id: row.id,
    name: row.name,
    slug: `pa_${row.slug}`,
    ...attributeSettings(row),
    _links: { self: [{ href: `${base}/${row.id}` }], collection: [{ href: base }] },
  };
}

export function attributeTermWire(
  row: TermRow,
  attributeId: number,
  count: number,
  baseUrl: string,
) {
  const base = `${baseUrl}/wp-json/wc/v3/products/attributes/${attributeId}/terms`;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    menu_order: row.menu_order,
    count,
    _links: { self: [{ href: `${base}/${row.id}` }], collection: [{ href: base }] },
  };
}

export async function findAttribute(db: Db, id: number): Promise<TermRow> {
  const row = await db
    .selectFrom("terms")
    .selectAll()
    .where("taxonomy", "=", "pa")
    .where("id", "=", id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new WooError(404, "woocommerce_rest_invalid_id", `Invalid attribute ID ${id}.`);
  }
  return row;
}

/**
 * Counts the products (not variations) whose attribute `attributeId` lists each term's name,
 * as WooCommerce's term `count` does for `pa_*` taxonomies.
 */
export async function countAttributeTermUse(
  db: Db,
  attributeId: number,
  terms: readonly TermRow[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>(terms.map((term) => [term.id, 0]));
  if (terms.length === 0) return counts;
  const products = await db
    .selectFrom("products")
    .select("details")
    .where("parent_id", "=", 0)
    .where("status", "=", "publish")
    .where("details", "like", `%"id":${attributeId},%`)
    .execute();
  for (const product of products) {
    const details = JSON.parse(product.details) as {
      attributes?: { id: number; options: string[] }[];
    };
    const options = details.attributes?.find((attribute) => attribute.id === attributeId)?.options;
    for (const term of terms) {
      if (options?.includes(term.name)) counts.set(term.id, (counts.get(term.id) ?? 0) + 1);
    }
  }
  return counts;
}
