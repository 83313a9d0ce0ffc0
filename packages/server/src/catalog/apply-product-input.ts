import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { takeNextCounterValue } from "../db/counters.js";
import { formatDecimalPrice } from "./product-pricing.js";
import { emptyProductDetails, parseProductDetails } from "./product-details.js";
import type { ProductDetails } from "./product-details.js";
import type { ProductInput, VariationInput } from "./product-input.js";
import type { ProductRow, ProductWrite } from "./product-store.js";
import { slugify } from "./slugify.js";
import { WooError } from "../http/woo-error.js";

type Db = Kysely<DatabaseSchema>;

/** Returns the write of a new product from a REST body, with WooCommerce's defaults. */
export function newProductWrite(parentId: number, type: string): ProductWrite {
  return {
    parentId,
    type,
    status: "publish",
    name: "",
    slug: "",
    sku: "",
    globalUniqueId: "",
    regularPrice: "",
    salePrice: "",
    featured: false,
    catalogVisibility: "visible",
    taxStatus: "taxable",
    taxClass: "",
    manageStock: false,
    stockQuantity: null,
    stockStatus: "instock",
    backorders: "no",
    menuOrder: 0,
    categoryIds: [],
    tagIds: [],
    details: emptyProductDetails(),
  };
}

/** Returns the write of a stored product, so an update can change some of its fields. */
export function storedProductWrite(
  row: ProductRow,
  termIds: { categories: number[]; tags: number[] },
): ProductWrite {
  return {
    parentId: row.parent_id,
    type: row.type,
    status: row.status,
    name: row.name,
    slug: row.slug,
    sku: row.sku,
    globalUniqueId: row.global_unique_id,
    regularPrice: row.regular_price,
    salePrice: row.sale_price,
    featured: row.featured === 1,
    catalogVisibility: row.catalog_visibility,
    taxStatus: row.tax_status,
    taxClass: row.tax_class,
    manageStock: row.manage_stock === 1,
    stockQuantity: row.stock_quantity,
    stockStatus: row.stock_status,
    backorders: row.backorders,
    menuOrder: row.menu_order,
    categoryIds: termIds.categories,
    tagIds: termIds.tags,
    details: parseProductDetails(row.details),
  };
}

/**
 * Applies the fields a REST body sets to a product write, and checks SKUs, terms and linked
 * products against the store. Fields the body leaves out keep their value.
 */
export async function applyProductInput(
  trx: Db,
  write: ProductWrite,
  input: ProductInput | VariationInput,
  ownId: number,
): Promise<ProductWrite> {
  const next: ProductWrite = { ...write, details: { ...write.details } };
  assignScalars(next, input);
  if (input.sku !== undefined) next.sku = await checkedSku(trx, input.sku.trim(), ownId);
  if ("categories" in input && input.categories) {
    next.categoryIds = await checkedTerms(trx, input.categories, "product_cat", "categories");
  }
  if ("tags" in input && input.tags) {
    next.tagIds = await checkedTerms(trx, input.tags, "product_tag", "tags");
  }
  next.details = await applyDetails(trx, next.details, input);
  if (next.name.trim() === "" && next.parentId === 0) next.name = "Product";
  if ("name" in input && input.name !== undefined && input.slug === undefined && ownId === 0) {
    next.slug = slugify(next.name);
  }
  return next;
}

function assignScalars(next: ProductWrite, input: ProductInput | VariationInput): void {
  if ("name" in input && input.name !== undefined) next.name = input.name;
  if (input.slug !== undefined) next.slug = input.slug;
  if ("type" in input && input.type !== undefined) next.type = input.type;
  if (input.status !== undefined) next.status = input.status;
  if (input.featured !== undefined) next.featured = input.featured;
  if (input.catalog_visibility !== undefined) next.catalogVisibility = input.catalog_visibility;
  if (input.global_unique_id !== undefined) next.globalUniqueId = input.global_unique_id;
  if (input.regular_price !== undefined)
    next.regularPrice = formatDecimalPrice(input.regular_price) ?? "";
  if (input.sale_price !== undefined) next.salePrice = formatDecimalPrice(input.sale_price) ?? "";
  if (input.tax_status !== undefined) next.taxStatus = input.tax_status;
  if (input.tax_class !== undefined)
    next.taxClass = input.tax_class === "standard" ? "" : input.tax_class;
  if (input.manage_stock !== undefined) next.manageStock = input.manage_stock;
  if (input.stock_quantity !== undefined) {
    next.stockQuantity = input.stock_quantity;
    if (input.manage_stock === undefined && input.stock_quantity !== null) next.manageStock = true;
  }
  if (next.manageStock && next.stockQuantity === null) next.stockQuantity = 0;
  if (input.stock_status !== undefined) next.stockStatus = input.stock_status;
  if (input.backorders !== undefined) next.backorders = input.backorders;
  if (input.menu_order !== undefined) next.menuOrder = input.menu_order;
}

async function applyDetails(
  trx: Db,
  details: ProductDetails,
  input: ProductInput | VariationInput,
): Promise<ProductDetails> {
  const next = { ...details };
  const copy = <K extends keyof ProductDetails & keyof typeof input>(key: K) => {
    const value = input[key];
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  };
  for (const key of [
    "description",
    "short_description",
    "virtual",
    "downloadable",
    "external_url",
    "button_text",
    "sold_individually",
    "weight",
    "reviews_allowed",
    "purchase_note",
    "date_on_sale_from_gmt",
    "date_on_sale_to_gmt",
  ] as const) {
    copy(key);
  }
  if (input.dimensions) next.dimensions = { ...next.dimensions, ...input.dimensions };
  if ("attributes" in input && input.attributes) {
    if ("option" in (input.attributes[0] ?? {})) {
      next.variation_attributes = (input as VariationInput).attributes ?? [];
    } else {
      next.attributes = (input as ProductInput).attributes ?? [];
    }
  }
  if ("grouped_products" in input && input.grouped_products) {
    next.grouped_products = await checkedProductIds(
      trx,
      input.grouped_products,
      "grouped_products",
    );
  }
  if (input.upsell_ids)
    next.upsell_ids = await checkedProductIds(trx, input.upsell_ids, "upsell_ids");
  if (input.cross_sell_ids)
    next.cross_sell_ids = await checkedProductIds(trx, input.cross_sell_ids, "cross_sell_ids");
  if (input.meta_data) {
    next.meta_data = mergeMeta(next.meta_data, input.meta_data);
  }
  type ImageInput = { id?: number; src?: string; name?: string; alt?: string };
  const images: ImageInput[] | undefined =
    "images" in input && input.images
      ? input.images
      : "image" in input && input.image
        ? [input.image]
        : undefined;
  if (images !== undefined) {
    next.images = [];
    for (const image of images) {
      const src = image.src ?? next.images.find((known) => known.id === image.id)?.src ?? "";
      if (src === "") continue;
      const name = image.name || decodeURIComponent(src.split("/").pop() ?? "");
      const alt = image.alt ?? "";
      next.images.push({
        id: image.id ?? (await takeNextCounterValue(trx, "media")),
        src,
        name,
        alt,
      });
    }
  }
  return next;
}

function mergeMeta(
  existing: ProductDetails["meta_data"],
  updates: { key: string; value: unknown }[],
) {
  const merged = [...existing];
  for (const update of updates) {
    const index = merged.findIndex((entry) => entry.key === update.key);
    const known = merged[index];
    if (known !== undefined) merged[index] = { id: known.id, key: known.key, value: update.value };
    else
      merged.push({ id: merged.reduce((max, entry) => Math.max(max, entry.id), 0) + 1, ...update });
  }
  return merged;
}

/** WooCommerce's `product_invalid_sku`: SKUs are unique across products and variations. */
async function checkedSku(trx: Db, sku: string, ownId: number): Promise<string> {
  if (sku === "") return "";
  const clash = await trx
    .selectFrom("products")
    .select("id")
    .where("sku", "=", sku)
    .where("id", "!=", ownId)
    .executeTakeFirst();
  if (clash !== undefined) {
    throw new WooError(400, "product_invalid_sku", "Invalid or duplicated SKU.", {
      resource_id: clash.id,
      unique_sku: `${sku}-1`,
    });
  }
  return sku;
}

async function checkedTerms(
  trx: Db,
  refs: { id: number }[],
  taxonomy: string,
  param: string,
): Promise<number[]> {
  const ids = [...new Set(refs.map((ref) => ref.id))];
  const found = await trx
    .selectFrom("terms")
    .select("id")
    .where("taxonomy", "=", taxonomy)
    .where("id", "in", ids)
    .execute();
  const missing = ids.find((id) => !found.some((row) => row.id === id));
  if (missing !== undefined) {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_term",
      `${param}: term ${missing} does not exist; create it first or send an existing id.`,
    );
  }
  return ids;
}

async function checkedProductIds(trx: Db, ids: number[], param: string): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await trx.selectFrom("products").select("id").where("id", "in", unique).execute();
  const missing = unique.find((id) => !found.some((row) => row.id === id));
  if (missing !== undefined) {
    throw new WooError(
      400,
      "woocommerce_rest_product_invalid_id",
      `${param}: product ${missing} does not exist.`,
    );
  }
  return unique;
}
