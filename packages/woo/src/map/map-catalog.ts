import type {
  Address,
  Category,
  Coupon,
  Customer,
  Product,
  ProductStatus,
  ProductType,
  Tag,
  TaxRate,
  Variation,
} from "@pos/core";
import type { WcProduct, WcVariation } from "../wc/wc-product.js";
import type { WcCategory, WcTag } from "../wc/wc-taxonomy.js";
import type { WcAddress, WcCustomer } from "../wc/wc-customer.js";
import type { WcTaxRate } from "../wc/wc-tax.js";
import type { WcCoupon } from "../wc/wc-coupon.js";
import { barcodeFrom, defaultBarcodeSource, type BarcodeSource } from "./barcode-source.js";

export * from "./barcode-source.js";

/** Options for mapping a store's products. `barcodeSource` picks where barcodes are kept. */
export interface ProductMapOptions {
  barcodeSource?: BarcodeSource;
}

const productTypes: readonly string[] = ["simple", "variable", "grouped", "external"];
const productStatuses: readonly string[] = ["publish", "draft", "pending", "private", "trash"];

/** Checks whether the till can sell a wire product of this type (plugins add types it cannot). */
export function isSupportedProductType(type: string): type is ProductType {
  return productTypes.includes(type);
}

function productStatus(status: string, what: string): ProductStatus {
  if (productStatuses.includes(status)) return status as ProductStatus;
  throw new TypeError(`${what} has status "${status}", which the till does not know`);
}

export function mapWcProduct(wire: WcProduct, options: ProductMapOptions = {}): Product {
  if (!isSupportedProductType(wire.type)) {
    throw new TypeError(
      `product ${wire.id} has type "${wire.type}"; the till sells simple, variable, grouped and external products`,
    );
  }
  return {
    id: wire.id,
    type: wire.type,
    status: productStatus(wire.status, `product ${wire.id}`),
    name: wire.name,
    sku: wire.sku,
    barcode: barcodeFrom(wire, options.barcodeSource ?? defaultBarcodeSource),
    price: wire.price,
    regularPrice: wire.regular_price,
    salePrice: wire.sale_price,
    onSale: wire.on_sale,
    featured: wire.featured,
    taxStatus: wire.tax_status,
    taxClass: wire.tax_class,
    manageStock: wire.manage_stock,
    stockQuantity: wire.stock_quantity,
    stockStatus: wire.stock_status,
    backorders: wire.backorders,
    categoryIds: wire.categories.map((category) => category.id),
    tagIds: wire.tags.map((tag) => tag.id),
    imageUrl: wire.images[0]?.src ?? "",
    attributes: wire.attributes.map(({ name, options, variation }) => ({
      name,
      options,
      variation,
    })),
    variationIds: wire.variations,
    groupedIds: wire.grouped_products,
    totalSales: wire.total_sales,
    dateModifiedGmt: wire.date_modified_gmt ?? "",
  };
}

/**
 * Maps a variation; a `tax_class` of "parent" takes the parent product's class, and a
 * `manage_stock` of "parent" means the parent's stock is managed and shared.
 */
export function mapWcVariation(
  wire: WcVariation,
  parent: Pick<Product, "id" | "taxClass">,
  options: ProductMapOptions = {},
) {
  if (wire.parent_id !== undefined && wire.parent_id !== parent.id) {
    throw new TypeError(
      `variation ${wire.id} belongs to product ${wire.parent_id}, not to product ${parent.id}`,
    );
  }
  const variation: Variation = {
    id: wire.id,
    parentId: parent.id,
    status: productStatus(wire.status, `variation ${wire.id}`),
    sku: wire.sku,
    barcode: barcodeFrom(wire, options.barcodeSource ?? defaultBarcodeSource),
    price: wire.price,
    regularPrice: wire.regular_price,
    salePrice: wire.sale_price,
    onSale: wire.on_sale,
    taxStatus: wire.tax_status,
    taxClass: wire.tax_class === "parent" ? parent.taxClass : wire.tax_class,
    manageStock: wire.manage_stock !== false,
    stockQuantity: wire.stock_quantity,
    stockStatus: wire.stock_status,
    backorders: wire.backorders,
    attributes: wire.attributes.map(({ name, option }) => ({ name, option })),
    imageUrl: wire.image?.src ?? "",
    dateModifiedGmt: wire.date_modified_gmt ?? "",
  };
  return variation;
}

export function mapWcCategory(wire: WcCategory): Category {
  return {
    id: wire.id,
    name: wire.name,
    slug: wire.slug,
    parentId: wire.parent,
    count: wire.count,
  };
}

export function mapWcTag(wire: WcTag): Tag {
  return { id: wire.id, name: wire.name, slug: wire.slug };
}

function mapWcAddress(wire: WcAddress): Address {
  return {
    firstName: wire.first_name,
    lastName: wire.last_name,
    company: wire.company,
    address1: wire.address_1,
    address2: wire.address_2,
    city: wire.city,
    state: wire.state,
    postcode: wire.postcode,
    country: wire.country,
    email: wire.email ?? "",
    phone: wire.phone ?? "",
  };
}

export function mapWcCustomer(wire: WcCustomer): Customer {
  return {
    id: wire.id,
    email: wire.email,
    firstName: wire.first_name,
    lastName: wire.last_name,
    username: wire.username,
    billing: mapWcAddress(wire.billing),
    shipping: mapWcAddress(wire.shipping),
    dateModifiedGmt: wire.date_modified_gmt ?? "",
  };
}

/** Older WooCommerce sends only `postcode` and `city` (";"-separated); 5.3+ adds the arrays. */
function splitList(list: string[] | undefined, joined: string | undefined): string[] {
  if (list) return list;
  return (joined ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export function mapWcTaxRate(wire: WcTaxRate): TaxRate {
  return {
    id: wire.id,
    country: wire.country,
    state: wire.state,
    postcodes: splitList(wire.postcodes, wire.postcode),
    cities: splitList(wire.cities, wire.city),
    rate: wire.rate,
    name: wire.name,
    priority: wire.priority,
    compound: wire.compound,
    shipping: wire.shipping,
    order: wire.order,
    taxClass: wire.class,
  };
}

export function mapWcCoupon(wire: WcCoupon): Coupon {
  return {
    id: wire.id,
    code: wire.code,
    discountType: wire.discount_type,
    amount: wire.amount,
    dateExpiresGmt: wire.date_expires_gmt,
    usageCount: wire.usage_count,
    usageLimit: wire.usage_limit,
    usageLimitPerUser: wire.usage_limit_per_user,
    limitUsageToXItems: wire.limit_usage_to_x_items,
    individualUse: wire.individual_use,
    productIds: wire.product_ids,
    excludedProductIds: wire.excluded_product_ids,
    productCategories: wire.product_categories,
    excludedProductCategories: wire.excluded_product_categories,
    excludeSaleItems: wire.exclude_sale_items,
    minimumAmount: wire.minimum_amount,
    maximumAmount: wire.maximum_amount,
    emailRestrictions: wire.email_restrictions,
    usedBy: wire.used_by,
    freeShipping: wire.free_shipping,
    dateModifiedGmt: wire.date_modified_gmt ?? "",
  };
}
