import { z } from "zod";
import { wcAddressSchema } from "./wc-customer.js";

const wcOrderMetaSchema = z.object({
  id: z.number().int().optional(),
  key: z.string(),
  value: z.unknown(),
  display_key: z.string().optional(),
  display_value: z.unknown().optional(),
});

const wcLineTaxSchema = z.object({
  id: z.number().int(),
  total: z.string(),
  subtotal: z.string(),
});

export const wcLineItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  product_id: z.number().int(),
  variation_id: z.number().int(),
  quantity: z.number(),
  tax_class: z.string(),
  subtotal: z.string(),
  subtotal_tax: z.string(),
  total: z.string(),
  total_tax: z.string(),
  taxes: z.array(wcLineTaxSchema),
  meta_data: z.array(wcOrderMetaSchema),
  sku: z.string().nullable(),
  /** A float with noise in WooCommerce (1.9900000000000002); display only. */
  price: z.number(),
});

export const wcFeeLineSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  tax_class: z.string(),
  tax_status: z.string(),
  amount: z.string().optional(),
  total: z.string(),
  total_tax: z.string(),
  taxes: z.array(wcLineTaxSchema),
  meta_data: z.array(wcOrderMetaSchema),
});

export const wcShippingLineSchema = z.object({
  id: z.number().int(),
  method_title: z.string(),
  method_id: z.string(),
  instance_id: z.string().optional(),
  total: z.string(),
  total_tax: z.string(),
  taxes: z.array(wcLineTaxSchema),
  meta_data: z.array(wcOrderMetaSchema),
});

export const wcCouponLineSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  discount: z.string(),
  discount_tax: z.string(),
  discount_type: z.string().optional(),
  nominal_amount: z.number().optional(),
  meta_data: z.array(wcOrderMetaSchema),
});

export const wcTaxLineSchema = z.object({
  id: z.number().int(),
  rate_code: z.string(),
  rate_id: z.number().int(),
  label: z.string(),
  compound: z.boolean(),
  tax_total: z.string(),
  shipping_tax_total: z.string(),
  rate_percent: z.number().optional(),
  meta_data: z.array(wcOrderMetaSchema),
});

export const wcOrderRefundSummarySchema = z.object({
  id: z.number().int(),
  reason: z.string(),
  total: z.string(),
});

export const wcOrderSchema = z.object({
  id: z.number().int(),
  parent_id: z.number().int(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  prices_include_tax: z.boolean(),
  date_created_gmt: z.string().nullable(),
  date_modified_gmt: z.string().nullable(),
  date_paid_gmt: z.string().nullable(),
  date_completed_gmt: z.string().nullable(),
  discount_total: z.string(),
  discount_tax: z.string(),
  shipping_total: z.string(),
  shipping_tax: z.string(),
  cart_tax: z.string(),
  total: z.string(),
  total_tax: z.string(),
  customer_id: z.number().int(),
  customer_note: z.string(),
  billing: wcAddressSchema,
  shipping: wcAddressSchema,
  payment_method: z.string(),
  payment_method_title: z.string(),
  transaction_id: z.string(),
  created_via: z.string(),
  meta_data: z.array(wcOrderMetaSchema),
  line_items: z.array(wcLineItemSchema),
  tax_lines: z.array(wcTaxLineSchema),
  shipping_lines: z.array(wcShippingLineSchema),
  fee_lines: z.array(wcFeeLineSchema),
  coupon_lines: z.array(wcCouponLineSchema),
  refunds: z.array(wcOrderRefundSummarySchema),
});
export type WcOrder = z.infer<typeof wcOrderSchema>;

/** A decimal amount as the REST API reads it in a request body: "12.50", "-3", "117.605042". */
const decimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "expected a decimal string such as 12.50");

const metaInput = z.object({ key: z.string(), value: z.unknown() });

/**
 * The body of `POST wc/v3/orders` as the till sends it. Line `subtotal` and `total` are ex-tax:
 * WooCommerce reads them as net amounts and computes tax on top.
 */
export const wcOrderCreateSchema = z.object({
  status: z.string().optional(),
  currency: z.string().optional(),
  customer_id: z.number().int().optional(),
  customer_note: z.string().optional(),
  billing: wcAddressSchema.partial().optional(),
  shipping: wcAddressSchema.partial().optional(),
  payment_method: z.string().optional(),
  payment_method_title: z.string().optional(),
  transaction_id: z.string().optional(),
  set_paid: z.boolean().optional(),
  meta_data: z.array(metaInput).optional(),
  line_items: z.array(
    z.object({
      product_id: z.number().int(),
      variation_id: z.number().int().optional(),
      quantity: z.number().int().positive(),
      subtotal: decimalString.optional(),
      total: decimalString.optional(),
      meta_data: z.array(metaInput).optional(),
    }),
  ),
  fee_lines: z
    .array(
      z.object({
        name: z.string(),
        total: decimalString,
        tax_status: z.enum(["taxable", "none"]).optional(),
        tax_class: z.string().optional(),
      }),
    )
    .optional(),
  shipping_lines: z
    .array(z.object({ method_id: z.string(), method_title: z.string(), total: decimalString }))
    .optional(),
  coupon_lines: z.array(z.object({ code: z.string() })).optional(),
});
export type WcOrderCreate = z.infer<typeof wcOrderCreateSchema>;
