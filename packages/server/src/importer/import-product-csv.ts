import { parse } from "csv-parse/sync";
import { writeTransaction } from "../db/change-journal.js";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { StoreDatabase } from "../db/store-database.js";
import { takeNextCounterValue } from "../db/counters.js";
import { findProductRow, insertProduct, updateProduct } from "../catalog/product-store.js";
import type { ProductWrite } from "../catalog/product-store.js";
import { emptyProductDetails } from "../catalog/product-details.js";
import type { ProductDetails } from "../catalog/product-details.js";
import { parseProductDetails } from "../catalog/product-details.js";
import { ensureCategoryPath, ensureTerm } from "../catalog/term-store.js";
import { slugify } from "../catalog/slugify.js";
import { toGmtDateString } from "../time/wp-date.js";
import { parseProductCsvRow } from "./product-csv-row.js";
import type { ProductCsvRow } from "./product-csv-row.js";
import { findSkuClash } from "../catalog/sku-clash.js";

type Db = Kysely<DatabaseSchema>;

export interface ProductImportReport {
  created: number;
  /** Rows that could not be imported, each with the reason. */
  failed: { line: number; message: string }[];
  /** Ids of the created products and variations, in file order of their rows. */
  createdIds: number[];
}

/**
 * Imports WooCommerce's product CSV (the format its exporter writes). Products come first,
 * then variations (their `Parent` is `id:N` or a SKU), then grouped children, upsells and
 * cross-sells. Like WooCommerce's importer, rows get new ids and keep the file's id as meta
 * `_original_id`. Each row is its own transaction, so one bad row does not stop the rest.
 */
export async function importProductCsv(
  store: StoreDatabase,
  csvText: string,
  now: () => Date,
): Promise<ProductImportReport> {
  const records = parse<Record<string, string>>(csvText, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const report: ProductImportReport = { created: 0, failed: [], createdIds: [] };
  const rows: ProductCsvRow[] = [];
  records.forEach((record, index) => {
    try {
      rows.push(parseProductCsvRow(record, index + 2));
    } catch (error) {
      report.failed.push({ line: index + 2, message: (error as Error).message });
    }
  });

  const idsByOriginal = new Map<number, number>();
  const importRow = async (row: ProductCsvRow) => {
    try {
      const id = await writeTransaction(store.db, (trx) =>
        insertCsvRow(trx, row, idsByOriginal, toGmtDateString(now())),
      );
      if (row.originalId !== null) idsByOriginal.set(row.originalId, id);
      report.created += 1;
      report.createdIds.push(id);
    } catch (error) {
      report.failed.push({ line: row.line, message: (error as Error).message });
    }
  };
  for (const row of rows.filter((candidate) => candidate.type !== "variation"))
    await importRow(row);
  for (const row of rows.filter((candidate) => candidate.type === "variation"))
    await importRow(row);

  await linkProducts(store.db, rows, idsByOriginal, now, report);
  report.failed.sort((a, b) => a.line - b.line);
  return report;
}

async function insertCsvRow(
  trx: Db,
  row: ProductCsvRow,
  idsByOriginal: ReadonlyMap<number, number>,
  nowGmt: string,
): Promise<number> {
  if (row.sku !== "") await assertSkuFree(trx, row.sku, row.line);
  if (row.type === "variation") return insertVariationRow(trx, row, idsByOriginal, nowGmt);

  const categoryIds: number[] = [];
  for (const path of row.categoryPaths) categoryIds.push(await ensureCategoryPath(trx, path));
  const tagIds: number[] = [];
  for (const tag of row.tags) tagIds.push(await ensureTerm(trx, "product_tag", tag));

  const details = await baseDetails(trx, row);
  details.attributes = [];
  for (const [position, attribute] of row.attributes.entries()) {
    const attributeId = attribute.global ? await ensureTerm(trx, "pa", attribute.name) : 0;
    if (attributeId > 0) {
      for (const value of attribute.values) await ensureTerm(trx, `pa_${attributeId}`, value);
    }
    details.attributes.push({
      id: attributeId,
      name: attribute.name,
      position,
      visible: attribute.visible,
      variation: row.type === "variable",
      options: attribute.values,
    });
  }
  return insertProduct(trx, toProductWrite(row, 0, categoryIds, tagIds, details), nowGmt);
}

async function insertVariationRow(
  trx: Db,
  row: ProductCsvRow,
  idsByOriginal: ReadonlyMap<number, number>,
  nowGmt: string,
): Promise<number> {
  const parentId = await resolveReference(trx, row.parentRef, idsByOriginal);
  const parent = parentId === null ? undefined : await findProductRow(trx, parentId);
  if (parent === undefined || parent.type !== "variable") {
    throw new Error(
      `line ${row.line}: variation "${row.name}" names parent "${row.parentRef}", which is not ` +
        "a variable product in this file or the store; import the parent first",
    );
  }
  const details = await baseDetails(trx, row, 1);
  details.variation_attributes = [];
  for (const attribute of row.attributes) {
    const option = attribute.values[0];
    if (option === undefined) continue;
    details.variation_attributes.push({
      id: attribute.global ? await ensureTerm(trx, "pa", attribute.name) : 0,
      name: attribute.name,
      option,
    });
  }
  const write = toProductWrite(row, parent.id, [], [], details);
  if (row.taxClass === "parent") write.taxClass = parent.tax_class;
  write.status = row.published === "1" ? "publish" : "private";
  return insertProduct(trx, write, nowGmt);
}

async function baseDetails(trx: Db, row: ProductCsvRow, maxImages = Infinity) {
  const details: ProductDetails = emptyProductDetails();
  details.description = row.description;
  details.short_description = row.shortDescription;
  details.weight = row.weight;
  details.dimensions = row.dimensions;
  details.virtual = row.virtual;
  details.downloadable = row.downloadable;
  details.download_limit = row.downloadLimit;
  details.download_expiry = row.downloadExpiry;
  details.downloads = row.downloads.map((download, index) => ({
    id: `${row.originalId ?? row.line}-${index + 1}`,
    name: download.name,
    file: download.url,
  }));

  details.external_url = row.externalUrl;
  details.button_text = row.buttonText;
  details.sold_individually = row.soldIndividually;
  details.reviews_allowed = row.reviewsAllowed;
  details.purchase_note = row.purchaseNote;
  details.shipping_class = row.shippingClass;
  details.date_on_sale_from_gmt = row.dateOnSaleFrom;
  details.date_on_sale_to_gmt = row.dateOnSaleTo;

  for (const url of row.imageUrls.slice(0, maxImages)) {
    const name = decodeURIComponent(url.split("/").pop() ?? "");
    details.images.push({ id: await takeNextCounterValue(trx, "media"), src: url, name, alt: "" });
  }
  const meta =
    row.originalId === null ? [] : [{ key: "_original_id", value: String(row.originalId) }];
  details.meta_data = [...meta, ...row.meta].map((entry, index) => ({ id: index + 1, ...entry }));
  return details;
}

function toProductWrite(
  row: ProductCsvRow,
  parentId: number,
  categoryIds: number[],
  tagIds: number[],
  details: ProductDetails,
): ProductWrite {
  const statuses: Record<string, string> = { "1": "publish", "0": "draft", "-1": "private" };
  return {
    parentId,
    type: row.type,
    status: statuses[row.published] ?? "publish",
    name: row.name,
    slug: slugify(row.name),
    sku: row.sku,
    globalUniqueId: row.globalUniqueId,
    regularPrice: row.type === "variable" || row.type === "grouped" ? "" : row.regularPrice,
    salePrice: row.type === "variable" || row.type === "grouped" ? "" : row.salePrice,
    featured: row.featured,
    catalogVisibility: row.catalogVisibility,
    taxStatus: row.taxStatus,
    taxClass: row.taxClass === "parent" ? "" : row.taxClass,
    manageStock: row.stockQuantity !== null,
    stockQuantity: row.stockQuantity,
    stockStatus: row.stockStatus,
    backorders: row.backorders,
    menuOrder: row.position,
    categoryIds,
    tagIds,
    details,
  };
}

/** Resolves `id:N` (an id of this file, else of the store) or a SKU to a product id. */
async function resolveReference(
  db: Db,
  reference: string,
  idsByOriginal: ReadonlyMap<number, number>,
): Promise<number | null> {
  const idMatch = /^id:(\d+)$/.exec(reference);
  if (idMatch !== null) {
    const original = Number(idMatch[1]);
    return idsByOriginal.get(original) ?? (await findProductRow(db, original))?.id ?? null;
  }
  if (reference === "") return null;
  const row = await db
    .selectFrom("products")
    .select("id")
    .where("sku", "=", reference)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Rejects a SKU that another product has, compared without case as the unique index does. */
async function assertSkuFree(db: Db, sku: string, line: number): Promise<void> {
  const clash = await findSkuClash(db, sku, 0);
  if (clash !== undefined) {
    throw new Error(`line ${line}: SKU "${sku}" is already used by product ${clash}; change it`);
  }
}

/** Sets grouped children, upsells and cross-sells once every row has its id. */
async function linkProducts(
  db: Db,
  rows: readonly ProductCsvRow[],
  idsByOriginal: ReadonlyMap<number, number>,
  now: () => Date,
  report: ProductImportReport,
): Promise<void> {
  for (const row of rows) {
    const refs = [...row.groupedRefs, ...row.upsellRefs, ...row.crossSellRefs];
    const id = row.originalId === null ? null : idsByOriginal.get(row.originalId);
    if (refs.length === 0 || id === undefined || id === null) continue;
    await writeTransaction(db, async (trx) => {
      const product = await findProductRow(trx, id);
      if (product === undefined) return;
      const resolve = async (list: string[]) => {
        const ids: number[] = [];
        for (const reference of list) {
          const resolved = await resolveReference(trx, reference, idsByOriginal);
          if (resolved === null) {
            report.failed.push({
              line: row.line,
              message: `line ${row.line}: linked product "${reference}" was not found; skipped`,
            });
          } else ids.push(resolved);
        }
        return ids;
      };
      const details = parseProductDetails(product.details);
      details.grouped_products = await resolve(row.groupedRefs);
      details.upsell_ids = await resolve(row.upsellRefs);
      details.cross_sell_ids = await resolve(row.crossSellRefs);
      const terms = await trx
        .selectFrom("product_terms")
        .innerJoin("terms", "terms.id", "product_terms.term_id")
        .select(["terms.id", "terms.taxonomy"])
        .where("product_terms.product_id", "=", id)
        .execute();
      const write = rowToWrite(product, details, terms);
      await updateProduct(trx, id, write, toGmtDateString(now()));
    });
  }
}

/** Rebuilds the write of a stored product, to change a few details. */
export function rowToWrite(
  product: Awaited<ReturnType<typeof findProductRow>> & object,
  details: ProductDetails,
  terms: { id: number; taxonomy: string }[],
): ProductWrite {
  return {
    parentId: product.parent_id,
    type: product.type,
    status: product.status,
    name: product.name,
    slug: product.slug,
    sku: product.sku,
    globalUniqueId: product.global_unique_id,
    regularPrice: product.regular_price,
    salePrice: product.sale_price,
    featured: product.featured === 1,
    catalogVisibility: product.catalog_visibility,
    taxStatus: product.tax_status,
    taxClass: product.tax_class,
    manageStock: product.manage_stock === 1,
    stockQuantity: product.stock_quantity,
    stockStatus: product.stock_status,
    backorders: product.backorders,
    menuOrder: product.menu_order,
    categoryIds: terms.filter((term) => term.taxonomy === "product_cat").map((term) => term.id),
    tagIds: terms.filter((term) => term.taxonomy === "product_tag").map((term) => term.id),
    details,
  };
}
