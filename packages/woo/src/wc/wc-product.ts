import { z } from "zod";

const idRef = z.object({ id: z.number().int() });

export const wcMetaDataSchema = z.object({
  id: z.number().int().optional(),
  key: z.string(),
  value: z.unknown(),
});

const wcImageSchema = z.object({ id: z.union([z.number(), z.string()]), src: z.string() });

const wcProductAttributeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  options: z.array(z.string()),
  variation: z.boolean(),
});

/**
 * Type and status stay open strings on the wire: plugins add product types (subscriptions,
 * bundles), and one unknown type must not make a whole page unreadable. The mapping to core
 * records decides what the till keeps.
 */
export const wcProductSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  status: z.string(),
  featured: z.boolean(),
  sku: z.string(),
  global_unique_id: z.string().optional(),
  price: z.string(),
  regular_price: z.string(),
  sale_price: z.string(),
  on_sale: z.boolean(),
  total_sales: z.coerce.number(),
  tax_status: z.enum(["taxable", "shipping", "none"]),
  tax_class: z.string(),
  manage_stock: z.boolean(),
  stock_quantity: z.number().nullable(),
  stock_status: z.enum(["instock", "outofstock", "onbackorder"]),
  backorders: z.enum(["no", "notify", "yes"]),
  categories: z.array(idRef),
  tags: z.array(idRef),
  images: z.array(wcImageSchema),
  attributes: z.array(wcProductAttributeSchema),
  variations: z.array(z.number().int()),
  grouped_products: z.array(z.number().int()),
  date_modified_gmt: z.string().nullable(),
  meta_data: z.array(wcMetaDataSchema).optional(),
});
export type WcProduct = z.infer<typeof wcProductSchema>;

/**
 * A variation's `manage_stock` is `"parent"` when the parent product manages its stock, and its
 * `tax_class` is `"parent"` when it takes the parent's class.
 */
export const wcVariationSchema = z.object({
  id: z.number().int(),
  parent_id: z.number().int().optional(),
  status: z.string(),
  sku: z.string(),
  global_unique_id: z.string().optional(),
  price: z.string(),
  regular_price: z.string(),
  sale_price: z.string(),
  on_sale: z.boolean(),
  tax_status: z.enum(["taxable", "shipping", "none"]),
  tax_class: z.string(),
  manage_stock: z.union([z.boolean(), z.literal("parent")]),
  stock_quantity: z.number().nullable(),
  stock_status: z.enum(["instock", "outofstock", "onbackorder"]),
  backorders: z.enum(["no", "notify", "yes"]),
  image: wcImageSchema.nullable(),
  attributes: z.array(z.object({ id: z.number().int(), name: z.string(), option: z.string() })),
  date_modified_gmt: z.string().nullable(),
  meta_data: z.array(wcMetaDataSchema).optional(),
});
export type WcVariation = z.infer<typeof wcVariationSchema>;

/** A record of a `_fields=id` listing, as the id audit reads it. */
export const wcIdOnlySchema = z.object({ id: z.number().int() });

/** A record of a `_fields=id,date_modified_gmt` listing. */
export const wcModifiedStampSchema = z.object({
  id: z.number().int(),
  date_modified_gmt: z.string().nullable(),
});
