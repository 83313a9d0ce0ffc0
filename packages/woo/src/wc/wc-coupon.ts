import { z } from "zod";

export const wcCouponSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  amount: z.string(),
  status: z.string().optional(),
  discount_type: z.enum(["percent", "fixed_cart", "fixed_product"]),
  date_expires_gmt: z.string().nullable(),
  date_modified_gmt: z.string().nullable(),
  usage_count: z.number().int(),
  individual_use: z.boolean(),
  product_ids: z.array(z.number().int()),
  excluded_product_ids: z.array(z.number().int()),
  usage_limit: z.number().int().nullable(),
  usage_limit_per_user: z.number().int().nullable(),
  limit_usage_to_x_items: z.number().int().nullable(),
  free_shipping: z.boolean(),
  product_categories: z.array(z.number().int()),
  excluded_product_categories: z.array(z.number().int()),
  exclude_sale_items: z.boolean(),
  minimum_amount: z.string(),
  maximum_amount: z.string(),
  email_restrictions: z.array(z.string()),
  /** User ids or emails of each use; WooCommerce sends user ids as strings. */
  used_by: z.array(z.union([z.string(), z.number()]).transform(String)),
});
export type WcCoupon = z.infer<typeof wcCouponSchema>;
