import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import type { Insertable, Kysely } from "kysely";
import type { DatabaseSchema, ProductsTable } from "../db/database-schema.js";
import type { StoreDatabase } from "../db/store-database.js";
import { appendChange, writeTransaction } from "../db/change-journal.js";
import { emptyProductDetails } from "../catalog/product-details.js";
import { slugify } from "../catalog/slugify.js";
import { toGmtDateString } from "../time/wp-date.js";
import {
  generatedPrice,
  parseOpenFoodFactsRow,
  type OpenFoodFactsProduct,
  type OpenFoodFactsSkipReason,
} from "./open-food-facts-row.js";

export interface OpenFoodFactsImportOptions {
  /** Path of the gzip-compressed CSV with the columns `code` and `product_name`. */
  file: string;
  /** Reads only the first `rowLimit` data rows of the file; undefined reads them all. */
  rowLimit?: number | undefined;
  /** Products written per transaction. */
  batchSize?: number;
  now: () => Date;
  /** Called after each committed batch with the report so far. */
  onBatch?: (report: OpenFoodFactsImportReport) => void;
}

export interface OpenFoodFactsImportReport {
  rowsRead: number;
  created: number;
  skipped: Record<OpenFoodFactsSkipReason, number>;
  batches: number;
}

const defaultBatchSize = 500;
const requiredColumns = ["code", "product_name"];

/**
 * Imports the Open Food Facts product file as simple, published products: the GTIN-13 is the
 * SKU and the barcode (`global_unique_id`), and the price is generated from the code because
 * the file has none. The gzip file is read as a stream, so memory does not grow with its size.
 * Rows with an invalid code, a bad check digit or an empty name are skipped and counted, as are
 * codes seen earlier in the file and codes whose SKU the store already has, so a second run
 * adds nothing twice. Each batch is one transaction and is journaled, so tills sync the new
 * products through the change feed. A broken file (bad gzip, bad CSV quoting, missing columns)
 * throws; the batches committed before stay.
 */
export async function importOpenFoodFacts(
  store: StoreDatabase,
  options: OpenFoodFactsImportOptions,
): Promise<OpenFoodFactsImportReport> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  const rowLimit = options.rowLimit ?? Number.POSITIVE_INFINITY;
  const report = emptyReport();
  const seenCodes = new Set<string>();
  let batch: OpenFoodFactsProduct[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const written = batch;
    batch = [];
    await writeBatch(store.db, written, report, toGmtDateString(options.now()));
    options.onBatch?.(report);
  };

  const parser = parse({ columns: checkedHeader, bom: true, skip_empty_lines: true });
  const reading = pipeline(createReadStream(options.file), createGunzip(), parser);
  // A read or gzip error destroys the parser, so the loop below throws it; a break ends the
  // pipeline early on purpose.
  reading.catch(() => undefined);

  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    if (report.rowsRead >= rowLimit) break;
    report.rowsRead += 1;
    const result = parseOpenFoodFactsRow(record);
    if (!result.ok) {
      report.skipped[result.reason] += 1;
      continue;
    }
    if (seenCodes.has(result.product.code)) {
      report.skipped.duplicate_code += 1;
      continue;
    }
    seenCodes.add(result.product.code);
    batch.push(result.product);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return report;
}

function emptyReport(): OpenFoodFactsImportReport {
  return {
    rowsRead: 0,
    created: 0,
    skipped: {
      invalid_code: 0,
      bad_check_digit: 0,
      empty_name: 0,
      duplicate_code: 0,
      already_in_store: 0,
    },
    batches: 0,
  };
}

function checkedHeader(header: string[]): string[] {
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(
      `the Open Food Facts file has no column ${missing.map((c) => `"${c}"`).join(", ")}; ` +
        `its header is "${header.join(",")}", expected "code,product_name"`,
    );
  }
  return header;
}

/** Inserts one batch in one transaction, leaving out codes that are already SKUs. */
async function writeBatch(
  db: Kysely<DatabaseSchema>,
  products: OpenFoodFactsProduct[],
  report: OpenFoodFactsImportReport,
  nowGmt: string,
): Promise<void> {
  const created = await writeTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom("products")
      .select("sku")
      .where(
        "sku",
        "in",
        products.map((product) => product.code),
      )
      .execute();
    const existingSkus = new Set(existing.map((row) => row.sku));
    const fresh = products.filter((product) => !existingSkus.has(product.code));
    if (fresh.length === 0) return 0;

    const rows = await trx
      .insertInto("products")
      .values(fresh.map((product) => productColumns(product, nowGmt)))
      .returning("id")
      .execute();
    for (const row of rows) appendChange(trx, "products", row.id);
    return rows.length;
  });
  report.created += created;
  report.skipped.already_in_store += products.length - created;
  report.batches += 1;
}

/**
 * Returns the products row of an imported product. The slug ends in the code, which is unique
 * in the file, so it is not checked against other slugs.
 */
function productColumns(product: OpenFoodFactsProduct, nowGmt: string): Insertable<ProductsTable> {
  const price = generatedPrice(product.code);
  return {
    parent_id: 0,
    type: "simple",
    status: "publish",
    name: product.name,
    slug: `${slugify(product.name).slice(0, 150)}-${product.code}`,
    sku: product.code,
    global_unique_id: product.code,
    price,
    regular_price: price,
    sale_price: "",
    featured: 0,
    catalog_visibility: "visible",
    tax_status: "taxable",
    tax_class: "",
    manage_stock: 0,
    stock_quantity: null,
    stock_status: "instock",
    backorders: "no",
    total_sales: 0,
    menu_order: 0,
    date_created_gmt: nowGmt,
    date_modified_gmt: nowGmt,
    details: JSON.stringify(emptyProductDetails()),
  };
}
