import type { Kysely, Selectable } from "kysely";
import type { DatabaseSchema, ProductsTable } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";
import type { ProductDetails } from "./product-details.js";
import { activePrice, lowestPrice, stockStatusFor } from "./product-pricing.js";
import { firstFreeSlug, slugify } from "./slugify.js";

export type ProductRow = Selectable<ProductsTable>;
type Db = Kysely<DatabaseSchema>;

/** A product or variation as the importer and the REST routes write it. */
export interface ProductWrite {
  parentId: number;
  type: string;
  status: string;
  name: string;
  slug: string;
  sku: string;
  globalUniqueId: string;
  regularPrice: string;
  salePrice: string;
  featured: boolean;
  catalogVisibility: string;
  taxStatus: string;
  taxClass: string;
  manageStock: boolean;
  stockQuantity: number | null;
  stockStatus: string;
  backorders: string;
  menuOrder: number;
  categoryIds: number[];
  tagIds: number[];
  details: ProductDetails;
}

/** Inserts a product or variation with its terms and journals it; returns the new id. */
export async function insertProduct(trx: Db, write: ProductWrite, nowGmt: string): Promise<number> {
  const slug = await uniqueProductSlug(trx, write.slug || slugify(write.name), 0);
  const row = await trx
    .insertInto("products")
    .values({ ...toColumns(write, nowGmt), slug, date_created_gmt: nowGmt, total_sales: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceProductTerms(trx, row.id, write.categoryIds, write.tagIds);
  journalProduct(trx, row.id, write.parentId);
  await refreshDerived(trx, row.id, write, nowGmt);
  return row.id;
}

/** Replaces a product's stored fields (the caller merges a patch first) and journals it. */
export async function updateProduct(
  trx: Db,
  id: number,
  write: ProductWrite,
  nowGmt: string,
): Promise<void> {
  const slug = await uniqueProductSlug(trx, write.slug || slugify(write.name), id);
  await trx
    .updateTable("products")
    .set({ ...toColumns(write, nowGmt), slug })
    .where("id", "=", id)
    .execute();
  await replaceProductTerms(trx, id, write.categoryIds, write.tagIds);
  journalProduct(trx, id, write.parentId);
  await refreshDerived(trx, id, write, nowGmt);
}

/** Refreshes the prices that derive from other products: a variable parent's and a grouped one's. */
async function refreshDerived(trx: Db, id: number, write: ProductWrite, nowGmt: string) {
  if (write.parentId !== 0) await refreshParent(trx, write.parentId, nowGmt);
  if (write.type === "variable") await refreshParent(trx, id, nowGmt);
  if (write.type === "grouped") await refreshGroupedPrice(trx, id, write.details.grouped_products);
}

async function refreshGroupedPrice(trx: Db, id: number, childIds: number[]): Promise<void> {
  if (childIds.length === 0) return;
  const children = await trx
    .selectFrom("products")
    .select("price")
    .where("id", "in", childIds)
    .execute();
  const price = lowestPrice(children.map((child) => child.price));
  await trx.updateTable("products").set({ price }).where("id", "=", id).execute();
}

/** Deletes a product for good, with its variations, and journals tombstones. */
export async function deleteProduct(trx: Db, row: ProductRow, nowGmt: string): Promise<void> {
  const children = await trx
    .selectFrom("products")
    .select("id")
    .where("parent_id", "=", row.id)
    .where("type", "=", "variation")
    .execute();
  for (const child of children) {
    await trx.deleteFrom("products").where("id", "=", child.id).execute();
    appendChange(trx, "variations", child.id, true);
  }
  await trx.deleteFrom("products").where("id", "=", row.id).execute();
  await trx.deleteFrom("product_terms").where("product_id", "=", row.id).execute();
  appendChange(trx, row.type === "variation" ? "variations" : "products", row.id, true);
  if (row.type === "variation") await refreshParent(trx, row.parent_id, nowGmt);
}

export async function findProductRow(db: Db, id: number): Promise<ProductRow | undefined> {
  return db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Returns the row of `write` for the products table, with its derived price and stock status.
 * TODO: `price` is derived only when a product is written, so a scheduled sale does not start
 * or end on its date until the product is saved again; WooCommerce runs a daily
 * `wc_scheduled_sales` job for this.
 */
function toColumns(write: ProductWrite, nowGmt: string) {
  const price = activePrice(
    {
      regularPrice: write.regularPrice,
      salePrice: write.salePrice,
      dateOnSaleFromGmt: write.details.date_on_sale_from_gmt,
      dateOnSaleToGmt: write.details.date_on_sale_to_gmt,
    },
    nowGmt,
  );
  const stockStatus =
    write.manageStock && write.stockQuantity !== null
      ? stockStatusFor(write.stockQuantity, write.backorders)
      : write.stockStatus;
  return {
    parent_id: write.parentId,
    type: write.type,
    status: write.status,
    name: write.name,
    sku: write.sku,
    global_unique_id: write.globalUniqueId,
    price,
    regular_price: write.regularPrice,
    sale_price: write.salePrice,
    featured: write.featured ? 1 : 0,
    catalog_visibility: write.catalogVisibility,
    tax_status: write.taxStatus,
    tax_class: write.taxClass,
    manage_stock: write.manageStock ? 1 : 0,
    stock_quantity: write.manageStock ? write.stockQuantity : null,
    stock_status: stockStatus,
    backorders: write.backorders,
    menu_order: write.menuOrder,
    date_modified_gmt: nowGmt,
    details: JSON.stringify(write.details),
  };
}

async function replaceProductTerms(
  trx: Db,
  productId: number,
  categoryIds: readonly number[],
  tagIds: readonly number[],
): Promise<void> {
  const before = await trx
    .selectFrom("product_terms")
    .select("term_id")
    .where("product_id", "=", productId)
    .execute();
  await trx.deleteFrom("product_terms").where("product_id", "=", productId).execute();
  const termIds = [...new Set([...categoryIds, ...tagIds])];
  if (termIds.length > 0) {
    await trx
      .insertInto("product_terms")
      .values(termIds.map((termId) => ({ product_id: productId, term_id: termId })))
      .execute();
  }
  await journalTerms(trx, [...new Set([...termIds, ...before.map((row) => row.term_id)])]);
}

/** Journals terms whose product count may have changed. */
export async function journalTerms(trx: Db, termIds: readonly number[]): Promise<void> {
  if (termIds.length === 0) return;
  const terms = await trx
    .selectFrom("terms")
    .select(["id", "taxonomy"])
    .where("id", "in", termIds)
    .execute();
  for (const term of terms) {
    appendChange(trx, term.taxonomy === "product_cat" ? "categories" : "tags", term.id);
  }
}

function journalProduct(trx: Db, id: number, parentId: number): void {
  appendChange(trx, parentId === 0 ? "products" : "variations", id);
}

/**
 * Recomputes a variable parent's price (its lowest variation price) and stock status (in stock
 * when any variation is), as WooCommerce's `WC_Product_Variable::sync` does, and journals it.
 */
export async function refreshParent(trx: Db, parentId: number, nowGmt: string): Promise<void> {
  const parent = await findProductRow(trx, parentId);
  if (parent === undefined) return;
  const children = await trx
    .selectFrom("products")
    .select(["price", "stock_status", "status"])
    .where("parent_id", "=", parentId)
    .where("type", "=", "variation")
    .execute();
  const visible = children.filter((child) => child.status === "publish");
  const price = lowestPrice(visible.map((child) => child.price));
  const stockStatus = parent.manage_stock
    ? parent.stock_status
    : visible.some((child) => child.stock_status === "instock")
      ? "instock"
      : (visible[0]?.stock_status ?? "outofstock");
  await trx
    .updateTable("products")
    .set({ price, stock_status: stockStatus, date_modified_gmt: nowGmt })
    .where("id", "=", parentId)
    .execute();
  appendChange(trx, "products", parentId);
}

async function uniqueProductSlug(trx: Db, wanted: string, ownId: number): Promise<string> {
  return firstFreeSlug(wanted, async (candidates) => {
    const rows = await trx
      .selectFrom("products")
      .select("slug")
      .where("id", "!=", ownId)
      .where("slug", "in", candidates)
      .execute();
    return rows.map((row) => row.slug);
  });
}
