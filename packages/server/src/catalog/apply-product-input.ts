import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { takeNextCounterValue } from "../db/counters.js";
import { formatDecimalPrice } from "./product-pricing.js";
import { emptyProductDetails, parseProductDetails } from "./product-details.js";
import type { ProductDetails } from "./product-details.js";
import type { ProductInput, VariationInput } from "./product-input.js";
import type { ProductRow, ProductWrite } from "./product-store.js";
import { slugify } from "./slugify.js";
import { findSkuClash, skuClashError } from "./sku-clash.js";
import { invalidParamError, WooError } from "../http/woo-error.js";
import { parseRestDateParam } from "../http/rest-date-param.js";
import { readStoreSettings } from "../store/store-settings.js";
import { listTaxClasses } from "../store/tax-classes.js";

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
  if (input.tax_class !== undefined) {
    next.taxClass = await knownTaxClass(trx, input.tax_class, next.parentId !== 0);
  }
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

/**
 * Returns the tax class slug to store, as WooCommerce's `WC_Product::set_tax_class` does. The
 * name becomes a slug and "standard" becomes the standard class (""). A variation may name
 * "parent", and a class the store does not have falls back to the standard class.
 */
async function knownTaxClass(trx: Db, requested: string, isVariation: boolean): Promise<string> {
  const slug = slugify(requested);
  if (slug === "" || slug === "standard") return "";
  if (isVariation && slug === "parent") return "parent";
  const classes = await listTaxClasses(trx);
  return classes.some((taxClass) => taxClass.slug === slug) ? slug : "";
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
  ] as const) {
    copy(key);
  }
  await applySaleDates(trx, next, input);
  if (input.dimensions) next.dimensions = { ...next.dimensions, ...input.dimensions };
  if ("attributes" in input && input.attributes) {
    if ("option" in (input.attributes[0] ?? {})) {
      next.variation_attributes = await namedVariationAttributes(
        trx,
        (input as VariationInput).attributes ?? [],
      );
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

/**
 * Sets the sale dates as WooCommerce's REST controller does: a `_gmt` field is UTC and wins
 * over its local twin, which is in the store's time zone. Null or "" clears the date.
 */
async function applySaleDates(
  trx: Db,
  next: ProductDetails,
  input: ProductInput | VariationInput,
): Promise<void> {
  const bounds = [
    ["date_on_sale_from", "date_on_sale_from_gmt"],
    ["date_on_sale_to", "date_on_sale_to_gmt"],
  ] as const;
  for (const [localName, gmtName] of bounds) {
    const gmtText = input[gmtName];
    const localText = input[localName];
    if (gmtText !== undefined) {
      next[gmtName] = await saleDateGmt(trx, gmtName, gmtText, true);
    } else if (localText !== undefined) {
      next[gmtName] = await saleDateGmt(trx, localName, localText, false);
    }
  }
}

async function saleDateGmt(
  trx: Db,
  name: string,
  text: string | null,
  isGmt: boolean,
): Promise<string | null> {
  if (text === null || text.trim() === "") return null;
  const { timeZone } = await readStoreSettings(trx);
  return parseRestDateParam(name, text.trim(), isGmt, timeZone);
}

/**
 * Gives each variation attribute its name. As in WooCommerce, an `id` names a global attribute
 * and wins over a `name` sent with it.
 */
async function namedVariationAttributes(
  trx: Db,
  attributes: NonNullable<VariationInput["attributes"]>,
): Promise<ProductDetails["variation_attributes"]> {
  const named: ProductDetails["variation_attributes"] = [];
  for (const [index, attribute] of attributes.entries()) {
    if (attribute.id === 0) {
      named.push({ id: 0, name: attribute.name ?? "", option: attribute.option });
      continue;
    }
    const row = await trx
      .selectFrom("terms")
      .select("name")
      .where("taxonomy", "=", "pa")
      .where("id", "=", attribute.id)
      .executeTakeFirst();
    if (row === undefined) {
      throw invalidParamError(
        "attributes",
        `attributes[${index}][id] is ${attribute.id}, which is not a product attribute; ` +
          "send the id of an attribute from products/attributes, or a name.",
      );
    }
    named.push({ id: attribute.id, name: row.name, option: attribute.option });
  }
  return named;
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

/**
 * WooCommerce's `product_invalid_sku`: SKUs are unique across products and variations, without
 * regard to case, and trashed products do not count. The `products_sku_unique` index enforces
 * the same rule against concurrent writes.
 */
async function checkedSku(trx: Db, sku: string, ownId: number): Promise<string> {
  if (sku === "") return "";
  const clashId = await findSkuClash(trx, sku, ownId);
  if (clashId !== undefined) throw skuClashError(sku, clashId);
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
