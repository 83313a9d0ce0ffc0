import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import { WooError } from "../http/woo-error.js";
import { skuIndexName } from "./sku-unique-migration.js";

type Db = Kysely<DatabaseSchema>;

/**
 * Returns the id of another product or variation, not in the trash, whose SKU equals `sku`
 * without regard to case (the rule of the `products_sku_unique` index), or undefined.
 */
export async function findSkuClash(
  db: Db,
  sku: string,
  ownId: number,
): Promise<number | undefined> {
  const clash = await skuClashQuery(db, sku, ownId).executeTakeFirst();
  return clash?.id;
}

/** Builds the lookup `findSkuClash` runs, so a test can read its query plan. */
export function skuClashQuery(db: Db, sku: string, ownId: number) {
  return (
    db
      .selectFrom("products")
      .select("id")
      .where(sql<string>`lower(sku)`, "=", sql<string>`lower(${sku})`)
      // The index's own conditions, repeated so both databases can search it instead of reading
      // every product: without them a check took 118 ms at 70,000 products on SQLite.
      .where("sku", "<>", "")
      .where("status", "<>", "trash")
      .where("id", "!=", ownId)
      .orderBy("id")
  );
}

/** WooCommerce's `product_invalid_sku` error, naming the SKU and the product that has it. */
export function skuClashError(sku: string, clashId: number | undefined): WooError {
  const holder = clashId === undefined ? "another product" : `product ${clashId}`;
  return new WooError(
    400,
    "product_invalid_sku",
    `Invalid or duplicated SKU: "${sku}" is already used by ${holder}. Choose another SKU.`,
    { ...(clashId === undefined ? {} : { resource_id: clashId }), unique_sku: `${sku}-1` },
  );
}

/** Tells whether a database error is a violation of the unique SKU index, on either database. */
export function isSkuIndexViolation(error: unknown): boolean {
  return isUniqueViolation(error, [skuIndexName]);
}

/**
 * Runs a product write and turns a violation of the unique SKU index, which happens when
 * another request stored the same SKU after this one checked it, into `product_invalid_sku`.
 */
export async function mapSkuIndexViolation<T>(
  db: Db,
  sku: string | undefined,
  ownId: number,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isSkuIndexViolation(error)) throw error;
    // An update that leaves the SKU out can still clash, by taking a product out of the trash.
    const storedSku = sku?.trim() ?? (await storedSkuOf(db, ownId));
    throw skuClashError(storedSku, await findSkuClash(db, storedSku, ownId));
  }
}

async function storedSkuOf(db: Db, id: number): Promise<string> {
  const row = await db.selectFrom("products").select("sku").where("id", "=", id).executeTakeFirst();
  return row?.sku ?? "";
}
