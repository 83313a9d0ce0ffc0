import type { Kysely } from "kysely";
import {
  barcodeFrom,
  defaultBarcodeSource,
  formatBarcodeSource,
  parseBarcodeSource,
  type BarcodeSource,
} from "@pos/woo";
import { appendChange, writeTransaction } from "../db/change-journal.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { StoreDatabase } from "../db/store-database.js";
import { writeSettingValues } from "../store/store-settings.js";
import { parseProductDetails } from "./product-details.js";

type Db = Kysely<DatabaseSchema>;

/**
 * The store setting (a `settings` row) that picks where products keep their barcodes, in the
 * text form `parseBarcodeSource` reads: `global_unique_id` (the default), `sku` or
 * `meta:<key>`. The pos/v1 snapshot and change feed send each product's barcode from there.
 */
export const barcodeSourceSetting = "pos_barcode_source";

/** Product rows read per query while looking for barcodes that a new source changes. */
const scanPageSize = 1000;

/** Maximum meta key length, because WordPress stores `wp_postmeta.meta_key` as varchar(255). */
const maxMetaKeyLength = 255;

/** Maximum barcode source length: `meta:` and a meta key of maximum length. */
const maxSourceLength = "meta:".length + maxMetaKeyLength;

/** Characters of a too-long value quoted in its error, so the response stays small. */
const quotedPrefixLength = 40;

/**
 * Reads the store's barcode source. `writeBarcodeSource` rejects invalid values, so an invalid
 * stored value can only come from a write that bypasses it, such as an edit of the database.
 * It reads as the global unique id, so one bad row does not stop every till's sync.
 */
export async function readBarcodeSource(db: Db): Promise<BarcodeSource> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", barcodeSourceSetting)
    .executeTakeFirst();
  if (row === undefined) return defaultBarcodeSource;
  try {
    return parseBarcodeSource(row.value);
  } catch {
    return defaultBarcodeSource;
  }
}

/** Outcome of a change of barcode source: the source now stored and what the feed carries. */
export interface BarcodeSourceChange {
  source: BarcodeSource;
  /** Published products and variations whose barcode changed, journaled for the tills. */
  changedProducts: number;
  changedVariations: number;
}

/**
 * Parses and stores a new barcode source, and journals every published product and variation
 * whose barcode it changes, so tills following the change feed receive the new barcodes.
 * Raises the RangeError of `parseBarcodeSource` for an invalid value and changes nothing.
 */
export async function writeBarcodeSource(
  store: StoreDatabase,
  text: string,
): Promise<BarcodeSourceChange> {
  const source = parseSourceText(text);

  return writeTransaction(store.db, async (trx) => {
    const previous = await readLockedBarcodeSource(trx, store.dialect);
    await writeSettingValues(trx, { [barcodeSourceSetting]: formatBarcodeSource(source) });
    const changed = await journalChangedBarcodes(trx, previous, source);
    return { source, ...changed };
  });
}

/**
 * Parses a barcode source, first rejecting text too long to be one. The parser's own error
 * would quote the whole value and not say that the length is what is wrong.
 */
function parseSourceText(text: string): BarcodeSource {
  const value = text.trim();
  if (value.length > maxSourceLength) {
    throw new RangeError(
      `barcode source "${value.slice(0, quotedPrefixLength)}…" is invalid: it has ` +
        `${value.length} characters, and a meta key has at most ${maxMetaKeyLength} ` +
        `(meta:<key> at most ${maxSourceLength}); use global_unique_id, sku, or meta:<key>`,
    );
  }
  return parseBarcodeSource(text);
}

/**
 * Reads the stored source, on PostgreSQL with its row locked until commit. Two changes at once
 * then run one after the other, and the second compares barcodes with the source the first
 * stored. SQLite needs no lock, because one server process runs its transactions one at a time.
 */
async function readLockedBarcodeSource(trx: Db, dialect: StoreDatabase["dialect"]) {
  if (dialect === "postgres") {
    const value = formatBarcodeSource(defaultBarcodeSource);
    await trx
      .insertInto("settings")
      .values({ key: barcodeSourceSetting, value })
      .onConflict((conflict) => conflict.column("key").doNothing())
      .execute();
    await trx
      .selectFrom("settings")
      .select("key")
      .where("key", "=", barcodeSourceSetting)
      .forUpdate()
      .execute();
  }
  return readBarcodeSource(trx);
}

async function journalChangedBarcodes(trx: Db, previous: BarcodeSource, next: BarcodeSource) {
  const counts = { changedProducts: 0, changedVariations: 0 };
  if (formatBarcodeSource(previous) === formatBarcodeSource(next)) return counts;

  for (let afterId = 0; ;) {
    const rows = await trx
      .selectFrom("products")
      .select(["id", "type", "sku", "global_unique_id", "details"])
      .where("status", "=", "publish")
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(scanPageSize)
      .execute();
    for (const row of rows) {
      const fields = { ...row, meta_data: parseProductDetails(row.details).meta_data };
      if (barcodeFrom(fields, previous) === barcodeFrom(fields, next)) continue;
      const isVariation = row.type === "variation";
      appendChange(trx, isVariation ? "variations" : "products", row.id);
      if (isVariation) counts.changedVariations++;
      else counts.changedProducts++;
    }
    if (rows.length < scanPageSize) return counts;
    afterId = rows[rows.length - 1]!.id;
  }
}
