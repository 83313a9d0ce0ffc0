/**
 * Catalogue records as the till stores and uses them. The store server sends them in this shape
 * from pos/v1 snapshots and the change feed; the WooCommerce sync path maps wc/v3 records to it.
 * Prices stay decimal strings as WooCommerce sends them ("18.00"); the till turns them into
 * minor units with the store's decimals when a line enters a cart.
 */

export type ProductType = "simple" | "variable" | "grouped" | "external";
export type ProductStatus = "publish" | "draft" | "pending" | "private" | "trash";
export type StockStatus = "instock" | "outofstock" | "onbackorder";
export type TaxStatus = "taxable" | "shipping" | "none";
export type Backorders = "no" | "notify" | "yes";

/** An attribute of a variable product with the options its variations pick from. */
export interface ProductAttribute {
  name: string;
  options: string[];
  variation: boolean;
}

export interface Product {
  id: number;
  type: ProductType;
  status: ProductStatus;
  name: string;
  sku: string;
  /** WooCommerce's `global_unique_id` (GTIN, UPC, EAN or ISBN); empty when unset. */
  barcode: string;
  price: string;
  regularPrice: string;
  salePrice: string;
  onSale: boolean;
  featured: boolean;
  taxStatus: TaxStatus;
  /** Tax class slug; "" is the standard class. */
  taxClass: string;
  manageStock: boolean;
  stockQuantity: number | null;
  stockStatus: StockStatus;
  backorders: Backorders;
  categoryIds: number[];
  tagIds: number[];
  imageUrl: string;
  attributes: ProductAttribute[];
  variationIds: number[];
  /** Child product ids of a grouped product. */
  groupedIds: number[];
  totalSales: number;
  dateModifiedGmt: string;
}

export interface VariationAttribute {
  name: string;
  option: string;
}

export interface Variation {
  id: number;
  parentId: number;
  status: ProductStatus;
  sku: string;
  barcode: string;
  price: string;
  regularPrice: string;
  salePrice: string;
  onSale: boolean;
  taxStatus: TaxStatus;
  /** Tax class slug; "" is the standard class ("parent" is resolved before storing). */
  taxClass: string;
  manageStock: boolean;
  stockQuantity: number | null;
  stockStatus: StockStatus;
  backorders: Backorders;
  attributes: VariationAttribute[];
  imageUrl: string;
  dateModifiedGmt: string;
}

export interface Category {
  id: number;
  name: string;
  slug: string;
  parentId: number;
  count: number;
}

export interface Tag {
  id: number;
  name: string;
  slug: string;
}

export interface Address {
  firstName: string;
  lastName: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  email: string;
  phone: string;
}

export interface Customer {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  username: string;
  billing: Address;
  shipping: Address;
  dateModifiedGmt: string;
}

/** A WooCommerce tax rate; `rate` is the percentage as WooCommerce sends it ("20.0000"). */
export interface TaxRate {
  id: number;
  country: string;
  state: string;
  postcodes: string[];
  cities: string[];
  rate: string;
  name: string;
  priority: number;
  compound: boolean;
  shipping: boolean;
  order: number;
  /** Tax class slug; "standard" for the standard class, as WooCommerce's taxes endpoint sends it. */
  taxClass: string;
}

export type CouponDiscountType = "percent" | "fixed_cart" | "fixed_product";

/**
 * A WooCommerce coupon. Amounts stay decimal strings as WooCommerce sends them ("10.00"); for a
 * `percent` coupon `amount` is the percentage. Empty or "0.00" minimum and maximum mean no limit.
 */
export interface Coupon {
  id: number;
  /** Coupon code as WooCommerce stores it (lower case). */
  code: string;
  discountType: CouponDiscountType;
  amount: string;
  /** Expiry instant in UTC ("2027-01-03T23:59:59"), or null when the coupon never expires. */
  dateExpiresGmt: string | null;
  usageCount: number;
  usageLimit: number | null;
  usageLimitPerUser: number | null;
  limitUsageToXItems: number | null;
  individualUse: boolean;
  productIds: number[];
  excludedProductIds: number[];
  productCategories: number[];
  excludedProductCategories: number[];
  excludeSaleItems: boolean;
  minimumAmount: string;
  maximumAmount: string;
  /** Allowed billing emails; `*` matches any run of characters. Empty allows everyone. */
  emailRestrictions: string[];
  /** Emails or user ids (as strings) of each use, one entry per use. */
  usedBy: string[];
  freeShipping: boolean;
  dateModifiedGmt: string;
}

/** Names of the collections that pos/v1 snapshots and the change feed carry. */
export const catalogCollections = [
  "products",
  "variations",
  "categories",
  "tags",
  "customers",
  "tax_rates",
  "coupons",
] as const;
export type CatalogCollection = (typeof catalogCollections)[number];
