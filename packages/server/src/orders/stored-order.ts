import { z } from "zod";
import { wooAddressSchema } from "../customers/customer-records.js";

const meta = z.object({ id: z.number().int(), key: z.string(), value: z.unknown() });
const rateTax = z.object({ id: z.number().int(), total: z.string(), subtotal: z.string() });

const lineItem = z.object({
  id: z.number().int(),
  name: z.string(),
  product_id: z.number().int(),
  variation_id: z.number().int(),
  quantity: z.number().int(),
  tax_class: z.string(),
  subtotal: z.string(),
  subtotal_tax: z.string(),
  total: z.string(),
  total_tax: z.string(),
  taxes: z.array(rateTax),
  meta_data: z.array(z.looseObject({ id: z.number().int(), key: z.string() })),
  sku: z.string(),
  global_unique_id: z.string(),
  price: z.number(),
  image: z.object({ id: z.union([z.number(), z.string()]), src: z.string() }),
  parent_name: z.string().nullable(),
});

const feeLine = z.object({
  id: z.number().int(),
  name: z.string(),
  tax_class: z.string(),
  tax_status: z.string(),
  amount: z.string(),
  total: z.string(),
  total_tax: z.string(),
  taxes: z.array(rateTax),
  meta_data: z.array(meta),
});

const shippingLine = z.object({
  id: z.number().int(),
  method_title: z.string(),
  method_id: z.string(),
  instance_id: z.string(),
  total: z.string(),
  total_tax: z.string(),
  taxes: z.array(rateTax),
  tax_status: z.string(),
  meta_data: z.array(meta),
});

const taxLine = z.object({
  id: z.number().int(),
  rate_code: z.string(),
  rate_id: z.number().int(),
  label: z.string(),
  compound: z.boolean(),
  tax_total: z.string(),
  shipping_tax_total: z.string(),
  rate_percent: z.number(),
  meta_data: z.array(meta),
});

const couponLine = z.object({
  id: z.number().int(),
  code: z.string(),
  discount: z.string(),
  discount_tax: z.string(),
  meta_data: z.array(z.looseObject({ id: z.number().int(), key: z.string() })),
  discount_type: z.string(),
  nominal_amount: z.number(),
  free_shipping: z.boolean(),
});

const note = z.object({
  id: z.number().int(),
  author: z.string(),
  date_created_gmt: z.string(),
  note: z.string(),
  customer_note: z.boolean(),
});

/**
 * An order as stored in `orders.details`: WooCommerce's order fields with money already
 * formatted in the order's own currency and decimals, so a later change of the store's
 * currency does not change how an old order reads.
 */
export const storedOrderSchema = z.object({
  parent_id: z.number().int(),
  status: z.string(),
  currency: z.string(),
  decimals: z.number().int(),
  version: z.string(),
  prices_include_tax: z.boolean(),
  discount_total: z.string(),
  discount_tax: z.string(),
  shipping_total: z.string(),
  shipping_tax: z.string(),
  cart_tax: z.string(),
  total: z.string(),
  total_tax: z.string(),
  customer_id: z.number().int(),
  order_key: z.string(),
  billing: wooAddressSchema,
  shipping: wooAddressSchema,
  payment_method: z.string(),
  payment_method_title: z.string(),
  transaction_id: z.string(),
  created_via: z.string(),
  customer_note: z.string(),
  date_created_gmt: z.string(),
  date_modified_gmt: z.string(),
  date_paid_gmt: z.string().nullable(),
  date_completed_gmt: z.string().nullable(),
  meta_data: z.array(meta),
  line_items: z.array(lineItem),
  tax_lines: z.array(taxLine),
  shipping_lines: z.array(shippingLine),
  fee_lines: z.array(feeLine),
  coupon_lines: z.array(couponLine),
  notes: z.array(note).default([]),
  /** Whether this order's stock was reduced (WooCommerce's `_order_stock_reduced`). */
  stock_reduced: z.boolean(),
  /** Whether the till saved this order as open (`pos-open`) before it was paid or voided. */
  saved_open: z.boolean().default(false),
});
export type StoredOrder = z.infer<typeof storedOrderSchema>;
export type StoredLineItem = z.infer<typeof lineItem>;

export function parseStoredOrder(json: string): StoredOrder {
  return storedOrderSchema.parse(JSON.parse(json));
}
