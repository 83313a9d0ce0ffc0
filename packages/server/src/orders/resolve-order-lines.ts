import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { findProductRow } from "../catalog/product-store.js";
import type { ProductRow } from "../catalog/product-store.js";
import { invalidParamError, WooError } from "../http/woo-error.js";
import type { OrderCreateBody } from "./order-input.js";

type Db = Kysely<DatabaseSchema>;

/** A line item joined with the product it sells. */
export interface ResolvedLine {
  index: number;
  input: OrderCreateBody["line_items"][number];
  /** The row sold: the variation for a variable product, else the product. */
  item: ProductRow;
  /** The variable parent of a variation; undefined for other products. */
  parent: ProductRow | undefined;
  categoryIds: number[];
}

/**
 * Looks up each line's product and variation. A missing product, a variation of another
 * product, or a variable product sold without a variation is rejected with the line's index.
 */
export async function resolveOrderLines(
  db: Db,
  lines: OrderCreateBody["line_items"],
): Promise<ResolvedLine[]> {
  const resolved: ResolvedLine[] = [];
  for (const [index, input] of lines.entries()) {
    resolved.push(await resolveLine(db, input, index));
  }
  return resolved;
}

async function resolveLine(
  db: Db,
  input: OrderCreateBody["line_items"][number],
  index: number,
): Promise<ResolvedLine> {
  const variation =
    input.variation_id > 0 ? await findProductRow(db, input.variation_id) : undefined;
  if (input.variation_id > 0 && (variation === undefined || variation.type !== "variation")) {
    throw invalidLine(index, `variation ${input.variation_id} does not exist`);
  }
  const productId = input.product_id > 0 ? input.product_id : (variation?.parent_id ?? 0);
  const product = productId > 0 ? await findProductRow(db, productId) : undefined;
  if (product === undefined || product.type === "variation" || product.status === "trash") {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_product_id",
      `line_items[${index}]: product ${input.product_id} does not exist; send the id of a ` +
        "published product.",
      { line: index },
    );
  }
  if (variation !== undefined && variation.parent_id !== product.id) {
    throw invalidLine(
      index,
      `variation ${variation.id} belongs to product ${variation.parent_id}, not ${product.id}`,
    );
  }
  if (product.type === "variable" && variation === undefined) {
    throw invalidLine(
      index,
      `product ${product.id} is variable; send variation_id of one of its variations`,
    );
  }
  if (product.type === "grouped" || product.type === "external") {
    throw invalidLine(
      index,
      `product ${product.id} is ${product.type} and cannot be sold; sell its items instead`,
    );
  }
  const categories = await db
    .selectFrom("product_terms")
    .innerJoin("terms", "terms.id", "product_terms.term_id")
    .select("terms.id")
    .where("product_terms.product_id", "=", product.id)
    .where("terms.taxonomy", "=", "product_cat")
    .execute();
  return {
    index,
    input,
    item: variation ?? product,
    parent: variation === undefined ? undefined : product,
    categoryIds: categories.map((row) => row.id),
  };
}

function invalidLine(index: number, reason: string): WooError {
  return invalidParamError("line_items", `line_items[${index}]: ${reason}.`);
}
