import { z } from "zod";

/**
 * Product prices must be below this, in major units. Order totals are kept in millionths of a
 * major unit as safe integers (at most 2^53 - 1, about 9.007e15), so one unit at such a price
 * fits with room for tax, and the prices of a currency such as VND or IDR fit too.
 */
export const priceLimit = 1_000_000_000;

const priceInput = z
  .string()
  .trim()
  .regex(/^(\d+(\.\d*)?|\.\d+)?$/, "must be a decimal price such as 12.34, or empty")
  .refine((text) => text === "" || Number(text) < priceLimit, {
    error: (issue) =>
      `is "${String(issue.input)}", but prices must be below ${priceLimit}. Send a smaller price.`,
  })
  .refine((text) => (text.split(".")[1] ?? "").length <= 6, {
    error: (issue) =>
      `is "${String(issue.input)}", which has more than 6 decimal places. Round it to 6 or fewer.`,
  });
const idRef = z.object({ id: z.number().int().min(1) });
const metaInput = z.object({ key: z.string().min(1).max(255), value: z.unknown() });

/** The body of `POST` and `PUT wc/v3/products` (every field optional for an update). */
export const productInputSchema = z.object({
  name: z.string().max(500).optional(),
  slug: z.string().max(200).optional(),
  type: z.enum(["simple", "grouped", "external", "variable"]).optional(),
  status: z.enum(["draft", "pending", "private", "publish", "trash"]).optional(),
  featured: z.boolean().optional(),
  catalog_visibility: z.enum(["visible", "catalog", "search", "hidden"]).optional(),
  description: z.string().optional(),
  short_description: z.string().optional(),
  sku: z.string().max(100).optional(),
  global_unique_id: z.string().max(50).optional(),
  regular_price: priceInput.optional(),
  sale_price: priceInput.optional(),
  date_on_sale_from: z.string().nullable().optional(),
  date_on_sale_from_gmt: z.string().nullable().optional(),
  date_on_sale_to: z.string().nullable().optional(),
  date_on_sale_to_gmt: z.string().nullable().optional(),
  virtual: z.boolean().optional(),
  downloadable: z.boolean().optional(),
  external_url: z.string().optional(),
  button_text: z.string().optional(),
  tax_status: z.enum(["taxable", "shipping", "none"]).optional(),
  tax_class: z.string().optional(),
  manage_stock: z.boolean().optional(),
  stock_quantity: z.number().int().nullable().optional(),
  stock_status: z.enum(["instock", "outofstock", "onbackorder"]).optional(),
  backorders: z.enum(["no", "notify", "yes"]).optional(),
  sold_individually: z.boolean().optional(),
  weight: z.string().optional(),
  dimensions: z
    .object({ length: z.string(), width: z.string(), height: z.string() })
    .partial()
    .optional(),
  reviews_allowed: z.boolean().optional(),
  purchase_note: z.string().optional(),
  categories: z.array(idRef).optional(),
  tags: z.array(idRef).optional(),
  images: z
    .array(
      z.object({
        id: z.number().int().optional(),
        src: z.string().optional(),
        name: z.string().optional(),
        alt: z.string().optional(),
      }),
    )
    .optional(),
  attributes: z
    .array(
      z.object({
        id: z.number().int().min(0).default(0),
        name: z.string().min(1),
        position: z.number().int().default(0),
        visible: z.boolean().default(true),
        variation: z.boolean().default(false),
        options: z.array(z.string()).default([]),
      }),
    )
    .optional(),
  grouped_products: z.array(z.number().int().min(1)).optional(),
  upsell_ids: z.array(z.number().int().min(1)).optional(),
  cross_sell_ids: z.array(z.number().int().min(1)).optional(),
  menu_order: z.number().int().optional(),
  meta_data: z.array(metaInput).optional(),
});
export type ProductInput = z.infer<typeof productInputSchema>;

/** The body of `POST` and `PUT wc/v3/products/{id}/variations`. */
export const variationInputSchema = productInputSchema
  .omit({
    type: true,
    name: true,
    categories: true,
    tags: true,
    attributes: true,
    grouped_products: true,
  })
  .extend({
    image: z
      .object({ id: z.number().int().optional(), src: z.string().optional() })
      .nullable()
      .optional(),
    // A global attribute is named by `id`, a custom one by `name`; WooCommerce takes either.
    attributes: z
      .array(
        z
          .object({
            id: z.number().int().min(0).default(0),
            name: z.string().min(1).optional(),
            option: z.string(),
          })
          .refine((attribute) => attribute.id > 0 || attribute.name !== undefined, {
            error: "must have an id (a global attribute) or a name (a custom attribute).",
          }),
      )
      .optional(),
  });
export type VariationInput = z.infer<typeof variationInputSchema>;
