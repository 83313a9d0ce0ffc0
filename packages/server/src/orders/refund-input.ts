import { z } from "zod";
import { wpBoolean, wpInteger } from "./order-input.js";

const decimalInput = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()));

/** The body of `POST wc/v3/orders/{id}/refunds`. */
export const refundCreateBody = z.object({
  amount: decimalInput.optional(),
  reason: z.string().max(2000).default(""),
  line_items: z
    .array(
      z.object({
        id: wpInteger().pipe(z.number().min(1)),
        quantity: wpInteger().pipe(z.number().min(0)).default(0),
        refund_total: decimalInput.optional(),
        refund_tax: z.array(z.object({ id: wpInteger(), refund_total: decimalInput })).default([]),
      }),
    )
    .default([]),
  api_refund: wpBoolean().default(true),
  api_restock: wpBoolean().default(true),
  /** Kept on the refund, such as `_pos_refund_method`, `_pos_register` and `_pos_refund_key`. */
  meta_data: z
    .array(z.object({ key: z.string().min(1).max(255), value: z.unknown() }))
    .max(50)
    .default([]),
});
export type RefundCreateBody = z.infer<typeof refundCreateBody>;

/** The kind of order line a refund line refunds. */
export type StoredRefundLineKind = "line_item" | "shipping" | "fee";

/** A refund as stored in `refunds.details`, money formatted in the order's decimals. */
export interface StoredRefund {
  reason: string;
  refunded_by: number;
  line_items: {
    id: number;
    /** Absent on refunds stored before shipping and fee lines could be refunded. */
    kind?: StoredRefundLineKind;
    quantity: number;
    total: string;
    total_tax: string;
    taxes: { id: number; total: string }[];
  }[];
  restocked: boolean;
  /** Absent on refunds stored before refunds kept their meta. */
  meta_data?: { key: string; value: unknown }[];
}
