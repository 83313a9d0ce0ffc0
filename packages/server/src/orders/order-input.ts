import { parsePrecise } from "@pos/core";
import { z } from "zod";
import { wooAddressPatchSchema, wooAddressSchema } from "../customers/customer-records.js";

export const orderStatuses = [
  "pending",
  "processing",
  "on-hold",
  "completed",
  "cancelled",
  "refunded",
  "failed",
  "checkout-draft",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** A decimal amount as the REST API takes it: a string ("2.50") or a JSON number. */
const decimalInput = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()));

const metaInput = z.object({ key: z.string().min(1).max(255), value: z.unknown() });

const lineItemInput = z
  .object({
    product_id: z.number().int().min(0).default(0),
    variation_id: z.number().int().min(0).default(0),
    quantity: z.number().int().min(1, "quantity must be at least 1"),
    subtotal: decimalInput.optional(),
    total: decimalInput.optional(),
    name: z.string().optional(),
    sku: z.string().optional(),
    meta_data: z.array(metaInput).default([]),
  })
  .superRefine(checkLineAmounts);

/**
 * Rejects line amounts a sale cannot have: a negative subtotal or total, or a total above the
 * subtotal, which would be a hidden surcharge recorded as a negative discount.
 */
function checkLineAmounts(
  line: { subtotal?: string | undefined; total?: string | undefined },
  context: z.RefinementCtx,
): void {
  const subtotal = readPrecise(line.subtotal);
  const total = readPrecise(line.total);
  for (const [field, value] of [
    ["subtotal", subtotal],
    ["total", total],
  ] as const) {
    if (value !== null && value < 0) {
      context.addIssue({
        code: "custom",
        path: [field],
        message: `line ${field} ${String(line[field])} is negative: send 0 or more`,
      });
    }
  }
  if (subtotal !== null && total !== null && total > subtotal) {
    context.addIssue({
      code: "custom",
      path: ["total"],
      message:
        `line total ${String(line.total)} is above its subtotal ${String(line.subtotal)}: ` +
        `send a total at most the subtotal (the difference is the line's discount)`,
    });
  }
}

function readPrecise(text: string | undefined): number | null {
  if (text === undefined) return null;
  try {
    return parsePrecise(text);
  } catch {
    // An unreadable amount is reported where the line's amounts are parsed.
    return null;
  }
}

const feeLineInput = z.object({
  name: z.string().min(1).max(200),
  total: decimalInput,
  tax_status: z.enum(["taxable", "none"]).default("taxable"),
  tax_class: z.string().default(""),
  meta_data: z.array(metaInput).default([]),
});

const shippingLineInput = z.object({
  method_id: z.string().default(""),
  method_title: z.string().default(""),
  total: decimalInput,
  meta_data: z.array(metaInput).default([]),
});

const couponLineInput = z.object({ code: z.string().min(1).max(200) });

/** The body of `POST wc/v3/orders`. */
export const orderCreateBody = z.object({
  status: z.enum(orderStatuses).optional(),
  currency: z.string().length(3).optional(),
  customer_id: z.number().int().min(0).default(0),
  customer_note: z.string().max(5000).default(""),
  billing: wooAddressSchema.partial().default({}),
  shipping: wooAddressSchema.partial().default({}),
  payment_method: z.string().max(200).default(""),
  payment_method_title: z.string().max(200).default(""),
  transaction_id: z.string().max(200).default(""),
  set_paid: z.boolean().default(false),
  meta_data: z.array(metaInput).default([]),
  line_items: z.array(lineItemInput).max(1000).default([]),
  fee_lines: z.array(feeLineInput).max(100).default([]),
  shipping_lines: z.array(shippingLineInput).max(100).default([]),
  coupon_lines: z.array(couponLineInput).max(100).default([]),
});
export type OrderCreateBody = z.infer<typeof orderCreateBody>;

/** The body of `PUT wc/v3/orders/{id}`: status, payment and addresses; lines stay as created. */
export const orderUpdateBody = z.object({
  status: z.enum(orderStatuses).optional(),
  customer_note: z.string().max(5000).optional(),
  billing: wooAddressPatchSchema.optional(),
  shipping: wooAddressPatchSchema.optional(),
  payment_method: z.string().max(200).optional(),
  payment_method_title: z.string().max(200).optional(),
  transaction_id: z.string().max(200).optional(),
  set_paid: z.boolean().optional(),
  meta_data: z.array(metaInput).optional(),
});
export type OrderUpdateBody = z.infer<typeof orderUpdateBody>;

export const clientUuidMetaKey = "_pos_client_uuid";

/** Returns the till's client UUID from the order's meta, or null when none was sent. */
export function clientUuidOf(meta: readonly { key: string; value: unknown }[]): string | null {
  const value = meta.find((entry) => entry.key === clientUuidMetaKey)?.value;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
