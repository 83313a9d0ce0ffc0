import { z } from "zod";

const imageSchema = z.object({
  id: z.number().int(),
  src: z.string(),
  name: z.string().default(""),
  alt: z.string().default(""),
});

const productAttributeSchema = z.object({
  id: z.number().int().default(0),
  name: z.string(),
  position: z.number().int().default(0),
  visible: z.boolean().default(true),
  variation: z.boolean().default(false),
  options: z.array(z.string()).default([]),
});

const variationAttributeSchema = z.object({
  id: z.number().int().default(0),
  name: z.string(),
  option: z.string(),
});

const downloadSchema = z.object({ id: z.string(), name: z.string(), file: z.string() });
const metaSchema = z.object({ id: z.number().int(), key: z.string(), value: z.unknown() });

/**
 * The product fields kept as JSON beside the indexed columns. Read back through this schema,
 * so a row written by an older version gets defaults instead of undefined fields.
 */
export const productDetailsSchema = z.object({
  description: z.string().default(""),
  short_description: z.string().default(""),
  images: z.array(imageSchema).default([]),
  attributes: z.array(productAttributeSchema).default([]),
  variation_attributes: z.array(variationAttributeSchema).default([]),
  default_attributes: z.array(variationAttributeSchema).default([]),
  weight: z.string().default(""),
  dimensions: z
    .object({ length: z.string(), width: z.string(), height: z.string() })
    .default({ length: "", width: "", height: "" }),
  virtual: z.boolean().default(false),
  downloadable: z.boolean().default(false),
  downloads: z.array(downloadSchema).default([]),
  download_limit: z.number().int().default(-1),
  download_expiry: z.number().int().default(-1),
  external_url: z.string().default(""),
  button_text: z.string().default(""),
  sold_individually: z.boolean().default(false),
  reviews_allowed: z.boolean().default(true),
  purchase_note: z.string().default(""),
  shipping_class: z.string().default(""),
  upsell_ids: z.array(z.number().int()).default([]),
  cross_sell_ids: z.array(z.number().int()).default([]),
  grouped_products: z.array(z.number().int()).default([]),
  date_on_sale_from_gmt: z.string().nullable().default(null),
  date_on_sale_to_gmt: z.string().nullable().default(null),
  low_stock_amount: z.number().int().nullable().default(null),
  meta_data: z.array(metaSchema).default([]),
});

export type ProductDetails = z.infer<typeof productDetailsSchema>;
export type ProductImage = z.infer<typeof imageSchema>;
export type ProductAttributeDetails = z.infer<typeof productAttributeSchema>;
export type VariationAttributeDetails = z.infer<typeof variationAttributeSchema>;

const detailKeys = Object.keys(productDetailsSchema.shape);

/**
 * Reads stored details. Every write goes through the schema, so a stored object that has all of
 * its keys is taken as it is; an older one missing some is parsed to fill in the defaults.
 */
export function parseProductDetails(json: string): ProductDetails {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  if (detailKeys.every((key) => key in parsed)) return parsed as ProductDetails;
  return productDetailsSchema.parse(parsed);
}

export function emptyProductDetails(): ProductDetails {
  return productDetailsSchema.parse({});
}
