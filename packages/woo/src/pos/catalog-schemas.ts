import { z } from "zod";
import type {
  Address,
  CatalogCollection,
  Category,
  Coupon,
  Customer,
  Product,
  Tag,
  TaxRate,
  Variation,
} from "@pos/core";

const productStatus = z.enum(["publish", "draft", "pending", "private", "trash"]);
const stockStatus = z.enum(["instock", "outofstock", "onbackorder"]);
const taxStatus = z.enum(["taxable", "shipping", "none"]);
const backorders = z.enum(["no", "notify", "yes"]);
const id = z.number().int().nonnegative();

export const productRecordSchema = z.object({
  id,
  type: z.enum(["simple", "variable", "grouped", "external"]),
  status: productStatus,
  name: z.string(),
  sku: z.string(),
  barcode: z.string(),
  price: z.string(),
  regularPrice: z.string(),
  salePrice: z.string(),
  onSale: z.boolean(),
  featured: z.boolean(),
  taxStatus,
  taxClass: z.string(),
  manageStock: z.boolean(),
  stockQuantity: z.number().nullable(),
  stockStatus,
  backorders,
  categoryIds: z.array(id),
  tagIds: z.array(id),
  imageUrl: z.string(),
  attributes: z.array(
    z.object({ name: z.string(), options: z.array(z.string()), variation: z.boolean() }),
  ),
  variationIds: z.array(id),
  groupedIds: z.array(id),
  totalSales: z.number(),
  dateModifiedGmt: z.string(),
}) satisfies z.ZodType<Product>;

export const variationRecordSchema = z.object({
  id,
  parentId: id,
  status: productStatus,
  sku: z.string(),
  barcode: z.string(),
  price: z.string(),
  regularPrice: z.string(),
  salePrice: z.string(),
  onSale: z.boolean(),
  taxStatus,
  taxClass: z.string(),
  manageStock: z.boolean(),
  stockQuantity: z.number().nullable(),
  stockStatus,
  backorders,
  attributes: z.array(z.object({ name: z.string(), option: z.string() })),
  imageUrl: z.string(),
  dateModifiedGmt: z.string(),
}) satisfies z.ZodType<Variation>;

export const categoryRecordSchema = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  parentId: id,
  count: z.number().int(),
}) satisfies z.ZodType<Category>;

export const tagRecordSchema = z.object({
  id,
  name: z.string(),
  slug: z.string(),
}) satisfies z.ZodType<Tag>;

const addressRecordSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  country: z.string(),
  email: z.string(),
  phone: z.string(),
}) satisfies z.ZodType<Address>;

export const customerRecordSchema = z.object({
  id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  username: z.string(),
  billing: addressRecordSchema,
  shipping: addressRecordSchema,
  dateModifiedGmt: z.string(),
}) satisfies z.ZodType<Customer>;

export const taxRateRecordSchema = z.object({
  id,
  country: z.string(),
  state: z.string(),
  postcodes: z.array(z.string()),
  cities: z.array(z.string()),
  rate: z.string(),
  name: z.string(),
  priority: z.number().int(),
  compound: z.boolean(),
  shipping: z.boolean(),
  order: z.number().int(),
  taxClass: z.string(),
}) satisfies z.ZodType<TaxRate>;

export const couponRecordSchema = z.object({
  id,
  code: z.string(),
  discountType: z.enum(["percent", "fixed_cart", "fixed_product"]),
  amount: z.string(),
  dateExpiresGmt: z.string().nullable(),
  usageCount: z.number().int().nonnegative(),
  usageLimit: z.number().int().nullable(),
  usageLimitPerUser: z.number().int().nullable(),
  limitUsageToXItems: z.number().int().nullable(),
  individualUse: z.boolean(),
  productIds: z.array(id),
  excludedProductIds: z.array(id),
  productCategories: z.array(id),
  excludedProductCategories: z.array(id),
  excludeSaleItems: z.boolean(),
  minimumAmount: z.string(),
  maximumAmount: z.string(),
  emailRestrictions: z.array(z.string()),
  usedBy: z.array(z.string()),
  freeShipping: z.boolean(),
  dateModifiedGmt: z.string(),
}) satisfies z.ZodType<Coupon>;

export interface CatalogRecordByCollection {
  products: Product;
  variations: Variation;
  categories: Category;
  tags: Tag;
  customers: Customer;
  tax_rates: TaxRate;
  coupons: Coupon;
}

/** The record schema of each pos/v1 collection. */
export const catalogRecordSchemas = {
  products: productRecordSchema,
  variations: variationRecordSchema,
  categories: categoryRecordSchema,
  tags: tagRecordSchema,
  customers: customerRecordSchema,
  tax_rates: taxRateRecordSchema,
  coupons: couponRecordSchema,
} as const satisfies { [C in CatalogCollection]: z.ZodType<CatalogRecordByCollection[C]> };
