import type { Kysely } from "kysely";
import { defaultBarcodeSource, parseBarcodeSource, type BarcodeSource } from "@pos/woo";
import type { DatabaseSchema } from "../db/database-schema.js";

/**
 * The store setting (a `settings` row) that picks where products keep their barcodes, in the
 * text form `parseBarcodeSource` reads: `global_unique_id` (the default), `sku` or
 * `meta:<key>`. The pos/v1 snapshot and change feed send each product's barcode from there.
 */
export const barcodeSourceSetting = "pos_barcode_source";

/**
 * Reads the store's barcode source. A stored value that does not parse falls back to the
 * global unique id, so one bad setting does not stop every till's sync.
 */
export async function readBarcodeSource(db: Kysely<DatabaseSchema>): Promise<BarcodeSource> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", barcodeSourceSetting)
    .executeTakeFirst();
  if (row === undefined) return defaultBarcodeSource;
  try {
    return parseBarcodeSource(row.value);
  } catch {
    // TODO: the settings route should reject an invalid value when it is saved; until then
    // an invalid one reads as the default here.
    return defaultBarcodeSource;
  }
}
