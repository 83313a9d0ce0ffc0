import type { Kysely } from "kysely";
import type {
  Backorders,
  CatalogCollection,
  Category,
  Coupon,
  Customer,
  Product,
  ProductStatus,
  ProductType,
  StockStatus,
  Tag,
  TaxStatus,
  Variation,
} from "@pos/core";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { ProductContext } from "./product-context.js";
import { loadProductContext } from "./product-context.js";
import { parseProductDetails, type ProductDetails } from "./product-details.js";
import { unindexedProductStatus } from "./unindexed-status.js";
import { barcodeFrom, defaultBarcodeSource, type BarcodeSource } from "@pos/woo";
import { readBarcodeSource } from "./barcode-setting.js";
import type { ProductRow } from "./product-store.js";
import type { TermRow } from "./term-store.js";
import { countProductsPerTerm } from "./term-store.js";
import { taxRateRecord } from "./tax-rate-store.js";
import { customerRecord } from "../customers/customer-records.js";
import { couponRecord } from "../coupons/coupon-records.js";

type Db = Kysely<DatabaseSchema>;
export type CatalogRecord =
  Product | Variation | Category | Tag | Customer | Coupon | ReturnType<typeof taxRateRecord>;

export function productRecord(
  row: ProductRow,
  context: ProductContext,
  barcodeSource: BarcodeSource = defaultBarcodeSource,
): Product {
  const details = parseProductDetails(row.details);
  return {
    id: row.id,
    type: row.type as ProductType,
    status: row.status as ProductStatus,
    name: row.name,
    sku: row.sku,
    barcode: barcodeOfRow(row, details, barcodeSource),
    price: row.price,
    regularPrice: row.regular_price,
    salePrice: row.sale_price,
    onSale: row.sale_price !== "" && row.price === row.sale_price,
    featured: row.featured === 1,
    taxStatus: row.tax_status as TaxStatus,
    taxClass: row.tax_class,
    manageStock: row.manage_stock === 1,
    stockQuantity: row.stock_quantity,
    stockStatus: row.stock_status as StockStatus,
    backorders: row.backorders as Backorders,
    categoryIds: context.categories(row.id).map((term) => term.id),
    tagIds: context.tags(row.id).map((term) => term.id),
    imageUrl: details.images[0]?.src ?? "",
    attributes: details.attributes.map((attribute) => ({
      name: attribute.name,
      options: attribute.options,
      variation: attribute.variation,
    })),
    variationIds: context.variationIds(row.id),
    groupedIds: details.grouped_products,
    totalSales: row.total_sales,
    dateModifiedGmt: row.date_modified_gmt,
  };
}

export function variationRecord(
  row: ProductRow,
  barcodeSource: BarcodeSource = defaultBarcodeSource,
): Variation {
  const details = parseProductDetails(row.details);
  return {
    id: row.id,
    parentId: row.parent_id,
    status: row.status as ProductStatus,
    sku: row.sku,
    barcode: barcodeOfRow(row, details, barcodeSource),
    price: row.price,
    regularPrice: row.regular_price,
    salePrice: row.sale_price,
    onSale: row.sale_price !== "" && row.price === row.sale_price,
    taxStatus: row.tax_status as TaxStatus,
    taxClass: row.tax_class,
    manageStock: row.manage_stock === 1,
    stockQuantity: row.stock_quantity,
    stockStatus: row.stock_status as StockStatus,
    backorders: row.backorders as Backorders,
    attributes: details.variation_attributes.map((a) => ({ name: a.name, option: a.option })),
    imageUrl: details.images[0]?.src ?? "",
    dateModifiedGmt: row.date_modified_gmt,
  };
}

function barcodeOfRow(row: ProductRow, details: ProductDetails, source: BarcodeSource): string {
  const fields = { sku: row.sku, global_unique_id: row.global_unique_id };
  return barcodeFrom({ ...fields, meta_data: details.meta_data }, source);
}

function termRecord(row: TermRow, counts: ReadonlyMap<number, number>): Category {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    parentId: row.parent_id,
    count: counts.get(row.id) ?? 0,
  };
}

/**
 * Loads the records the till keeps, by id. Ids that are missing or no longer kept (a product
 * that is not published, a variation of one) are absent from the map: the feed sends them as
 * tombstones.
 */
export async function loadCatalogRecords(
  db: Db,
  collection: CatalogCollection,
  ids: readonly number[],
): Promise<Map<number, CatalogRecord>> {
  if (ids.length === 0) return new Map();
  const records = await queryCatalogRecords(db, collection, { ids });
  return new Map(records.map((record) => [record.id, record]));
}

/** Returns up to `limit` kept records with id above `afterId`, in id order. */
export function listCatalogRecords(
  db: Db,
  collection: CatalogCollection,
  afterId: number,
  limit: number,
): Promise<CatalogRecord[]> {
  return queryCatalogRecords(db, collection, { afterId, limit });
}

export interface RecordQuery {
  ids?: readonly number[];
  afterId?: number;
  limit?: number;
}

async function queryCatalogRecords(
  db: Db,
  collection: CatalogCollection,
  query: RecordQuery,
): Promise<CatalogRecord[]> {
  switch (collection) {
    case "products":
    case "variations":
      return queryProductRecords(db, collection, query);
    case "categories":
    case "tags":
      return queryTermRecords(
        db,
        collection === "categories" ? "product_cat" : "product_tag",
        query,
      );
    case "customers": {
      let select = db.selectFrom("customers").selectAll().orderBy("id");
      if (query.ids) select = select.where("id", "in", query.ids);
      if (query.afterId !== undefined) select = select.where("id", ">", query.afterId);
      if (query.limit !== undefined) select = select.limit(query.limit);
      return (await select.execute()).map(customerRecord);
    }
    case "coupons": {
      let select = db.selectFrom("coupons").selectAll().orderBy("id");
      if (query.ids) select = select.where("id", "in", query.ids);
      if (query.afterId !== undefined) select = select.where("id", ">", query.afterId);
      if (query.limit !== undefined) select = select.limit(query.limit);
      return (await select.execute()).map(couponRecord);
    }
    case "tax_rates": {
      let select = db.selectFrom("tax_rates").selectAll().orderBy("id");
      if (query.ids) select = select.where("id", "in", query.ids);
      if (query.afterId !== undefined) select = select.where("id", ">", query.afterId);
      if (query.limit !== undefined) select = select.limit(query.limit);
      return (await select.execute()).map(taxRateRecord);
    }
    default:
      return [];
  }
}

async function queryProductRecords(
  db: Db,
  collection: "products" | "variations",
  query: RecordQuery,
): Promise<CatalogRecord[]> {
  const rows = await selectProductRows(db, collection, query).execute();
  const barcodeSource = await readBarcodeSource(db);
  if (collection === "variations") return rows.map((row) => variationRecord(row, barcodeSource));
  const context = await loadProductContext(db, rows);
  return rows.map((row) => productRecord(row, context, barcodeSource));
}

/** Builds the query for the product rows of a snapshot page or of a list of ids. */
export function selectProductRows(
  db: Db,
  collection: "products" | "variations",
  query: RecordQuery,
) {
  let select = db.selectFrom("products").selectAll("products").orderBy("products.id");
  if (collection === "products") {
    select = select
      .where(unindexedProductStatus, "=", "publish")
      .where("products.type", "!=", "variation");
  } else {
    select = select
      .where("products.status", "=", "publish")
      .where("products.type", "=", "variation")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("products as parent")
            .select("parent.id")
            .whereRef("parent.id", "=", "products.parent_id")
            .where("parent.status", "=", "publish"),
        ),
      );
  }
  if (query.ids) select = select.where("products.id", "in", query.ids);
  if (query.afterId !== undefined) select = select.where("products.id", ">", query.afterId);
  if (query.limit !== undefined) select = select.limit(query.limit);
  return select;
}

async function queryTermRecords(
  db: Db,
  taxonomy: "product_cat" | "product_tag",
  query: RecordQuery,
): Promise<CatalogRecord[]> {
  let select = db.selectFrom("terms").selectAll().where("taxonomy", "=", taxonomy).orderBy("id");
  if (query.ids) select = select.where("id", "in", query.ids);
  if (query.afterId !== undefined) select = select.where("id", ">", query.afterId);
  if (query.limit !== undefined) select = select.limit(query.limit);
  const rows = await select.execute();
  if (taxonomy === "product_tag") {
    return rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug }));
  }
  const counts = await countProductsPerTerm(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => termRecord(row, counts));
}

/** Counts the records of a collection that the till keeps (the snapshot's `total`). */
export async function countCatalogRecords(db: Db, collection: CatalogCollection): Promise<number> {
  const count = async (promise: Promise<{ count: unknown } | undefined>) =>
    Number((await promise)?.count ?? 0);
  switch (collection) {
    case "products":
      return count(
        db
          .selectFrom("products")
          .select((eb) => eb.fn.countAll().as("count"))
          .where("status", "=", "publish")
          .where("type", "!=", "variation")
          .executeTakeFirst(),
      );
    case "variations":
      return count(
        db
          .selectFrom("products")
          .innerJoin("products as parent", "parent.id", "products.parent_id")
          .select((eb) => eb.fn.countAll().as("count"))
          .where("products.status", "=", "publish")
          .where("products.type", "=", "variation")
          .where("parent.status", "=", "publish")
          .executeTakeFirst(),
      );
    case "categories":
    case "tags":
      return count(
        db
          .selectFrom("terms")
          .select((eb) => eb.fn.countAll().as("count"))
          .where("taxonomy", "=", collection === "categories" ? "product_cat" : "product_tag")
          .executeTakeFirst(),
      );
    case "coupons":
      return count(
        db
          .selectFrom("coupons")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirst(),
      );
    case "customers":
      return count(
        db
          .selectFrom("customers")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirst(),
      );
    case "tax_rates":
      return count(
        db
          .selectFrom("tax_rates")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirst(),
      );
    default:
      return 0;
  }
}
