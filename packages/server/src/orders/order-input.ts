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
  "pos-open",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** A decimal amount as the REST API takes it: a string ("2.50") or a JSON number. */
/**
 * The largest quantity one order line takes. WooCommerce sets none; this one keeps a line's
 * amounts within exact arithmetic together with the product price limit.
 */
export const maxLineQuantity = 1_000_000;

const decimalInput = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()));

const metaInput = z.object({ key: z.string().min(1).max(255), value: z.unknown() });

/**
 * Builds a schema for an integer as WordPress's `rest_is_integer` accepts it: a JSON number or a
 * string of digits ("4"). Any other value reaches the number check unchanged and fails there.
 */
export function wpInteger() {
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z.number().int(),
  );
}

/**
 * Builds a schema for a boolean as WordPress's `rest_is_boolean` accepts it: true, false,
 * "true", "false", 1, 0, "1" and "0".
 */
export function wpBoolean() {
  const words = new Map<unknown, boolean>([
    ["true", true],
    ["false", false],
    ["1", true],
    ["0", false],
    [1, true],
    [0, false],
  ]);
  return z.preprocess(
    (value) => (typeof value === "boolean" ? value : (words.get(value) ?? value)),
    z.boolean(),
  );
}

const lineItemInput = z
  .object({
    product_id: wpInteger().pipe(z.number().min(0)).default(0),
    variation_id: wpInteger().pipe(z.number().min(0)).default(0),
    quantity: wpInteger().pipe(
      z
        .number()
        .min(1, "quantity must be at least 1")
        .max(maxLineQuantity, `quantity must be at most ${maxLineQuantity}`),
    ),
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
  customer_id: wpInteger().pipe(z.number().min(0)).default(0),
  customer_note: z.string().max(5000).default(""),
  billing: wooAddressSchema.partial().default({}),
  shipping: wooAddressSchema.partial().default({}),
  payment_method: z.string().max(200).default(""),
  payment_method_title: z.string().max(200).default(""),
  transaction_id: z.string().max(200).default(""),
  set_paid: wpBoolean().default(false),
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
  customer_id: wpInteger().pipe(z.number().min(0)).optional(),
  customer_note: z.string().max(5000).optional(),
  billing: wooAddressPatchSchema.optional(),
  shipping: wooAddressPatchSchema.optional(),
  payment_method: z.string().max(200).optional(),
  payment_method_title: z.string().max(200).optional(),
  transaction_id: z.string().max(200).optional(),
  set_paid: wpBoolean().optional(),
  meta_data: z.array(metaInput).optional(),
  // Parsed only so an update that sends them is rejected instead of silently ignored.
  currency: z.string().optional(),
  line_items: z.array(z.unknown()).optional(),
  fee_lines: z.array(z.unknown()).optional(),
  shipping_lines: z.array(z.unknown()).optional(),
  coupon_lines: z.array(z.unknown()).optional(),
});
export type OrderUpdateBody = z.infer<typeof orderUpdateBody>;

export const clientUuidMetaKey = "_pos_client_uuid";

/** The meta key naming the register that sent the order (the till's register id). */
export const registerMetaKey = "_pos_register";

/** The meta key of an update that carries why the cashier voided an open order. */
export const voidReasonMetaKey = "_pos_void_reason";

/**
 * An order the till saved while the sale is still open: WooCommerce stores it as the custom
 * status `wc-pos-open` and the REST API shows it as `pos-open`. It takes no stock.
 */
export const openOrderStatus = "pos-open";

/** Returns the string value of a meta key, or null when it is missing or blank. */
export function metaStringOf(
  meta: readonly { key: string; value: unknown }[],
  key: string,
): string | null {
  const value = meta.find((entry) => entry.key === key)?.value;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Returns the till's client UUID from the order's meta, or null when none was sent. */
export function clientUuidOf(meta: readonly { key: string; value: unknown }[]): string | null {
  return metaStringOf(meta, clientUuidMetaKey);
}
