import type { Selectable } from "kysely";
import type { Coupon } from "@pos/core";
import { z } from "zod";
import type { CouponsTable } from "../db/database-schema.js";
import { gmtToLocalDateString } from "../time/wp-date.js";

export type CouponRow = Selectable<CouponsTable>;

/** Coupon fields kept as JSON beside the code and usage count, in WooCommerce's wire names. */
export const couponDetailsSchema = z.object({
  amount: z.string().default("0"),
  discount_type: z.enum(["percent", "fixed_cart", "fixed_product"]).default("fixed_cart"),
  description: z.string().default(""),
  date_expires_gmt: z.string().nullable().default(null),
  individual_use: z.boolean().default(false),
  product_ids: z.array(z.number().int()).default([]),
  excluded_product_ids: z.array(z.number().int()).default([]),
  usage_limit: z.number().int().nullable().default(null),
  usage_limit_per_user: z.number().int().nullable().default(null),
  limit_usage_to_x_items: z.number().int().nullable().default(null),
  free_shipping: z.boolean().default(false),
  product_categories: z.array(z.number().int()).default([]),
  excluded_product_categories: z.array(z.number().int()).default([]),
  exclude_sale_items: z.boolean().default(false),
  minimum_amount: z.string().default("0.00"),
  maximum_amount: z.string().default("0.00"),
  email_restrictions: z.array(z.string()).default([]),
  used_by: z.array(z.string()).default([]),
  meta_data: z
    .array(z.object({ id: z.number().int(), key: z.string(), value: z.unknown() }))
    .default([]),
});
export type CouponDetails = z.infer<typeof couponDetailsSchema>;

export function parseCouponDetails(json: string): CouponDetails {
  return couponDetailsSchema.parse(JSON.parse(json));
}

export function couponRecord(row: CouponRow): Coupon {
  const details = parseCouponDetails(row.details);
  return {
    id: row.id,
    code: row.code,
    discountType: details.discount_type,
    amount: details.amount,
    dateExpiresGmt: details.date_expires_gmt,
    usageCount: row.usage_count,
    usageLimit: details.usage_limit,
    usageLimitPerUser: details.usage_limit_per_user,
    limitUsageToXItems: details.limit_usage_to_x_items,
    individualUse: details.individual_use,
    productIds: details.product_ids,
    excludedProductIds: details.excluded_product_ids,
    productCategories: details.product_categories,
    excludedProductCategories: details.excluded_product_categories,
    excludeSaleItems: details.exclude_sale_items,
    minimumAmount: details.minimum_amount,
    maximumAmount: details.maximum_amount,
    emailRestrictions: details.email_restrictions,
    usedBy: details.used_by,
    freeShipping: details.free_shipping,
    dateModifiedGmt: row.date_modified_gmt,
  };
}

/** Builds the coupon as `wc/v3/coupons` sends it. */
export function couponWire(row: CouponRow, wire: { baseUrl: string; timeZone: string }) {
  const details = parseCouponDetails(row.details);
  const local = (gmt: string | null) =>
    gmt === null ? null : gmtToLocalDateString(gmt, wire.timeZone);
  return {
    id: row.id,
    code: row.code,
    amount: details.amount,
    status: "publish",
    date_created: local(row.date_created_gmt),
    date_created_gmt: row.date_created_gmt,
    date_modified: local(row.date_modified_gmt),
    date_modified_gmt: row.date_modified_gmt,
    discount_type: details.discount_type,
    description: details.description,
    date_expires: local(details.date_expires_gmt),
    date_expires_gmt: details.date_expires_gmt,
    usage_count: row.usage_count,
    individual_use: details.individual_use,
    product_ids: details.product_ids,
    excluded_product_ids: details.excluded_product_ids,
    usage_limit: details.usage_limit,
    usage_limit_per_user: details.usage_limit_per_user,
    limit_usage_to_x_items: details.limit_usage_to_x_items,
    free_shipping: details.free_shipping,
    product_categories: details.product_categories,
    excluded_product_categories: details.excluded_product_categories,
    exclude_sale_items: details.exclude_sale_items,
    minimum_amount: details.minimum_amount,
    maximum_amount: details.maximum_amount,
    email_restrictions: details.email_restrictions,
    used_by: details.used_by,
    meta_data: details.meta_data,
    _links: {
      self: [{ href: `${wire.baseUrl}/wp-json/wc/v3/coupons/${row.id}` }],
      collection: [{ href: `${wire.baseUrl}/wp-json/wc/v3/coupons` }],
    },
  };
}
