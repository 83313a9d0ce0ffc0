import { z } from "zod";

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
        id: z.number().int().min(1),
        quantity: z.number().int().min(0).default(0),
        refund_total: decimalInput.optional(),
        refund_tax: z
          .array(z.object({ id: z.number().int(), refund_total: decimalInput }))
          .default([]),
      }),
    )
    .default([]),
  api_refund: z.boolean().default(true),
  api_restock: z.boolean().default(true),
  /** Kept on the refund, such as `_pos_refund_method`, `_pos_register` and `_pos_refund_key`. */
  meta_data: z
    .array(z.object({ key: z.string().min(1).max(255), value: z.unknown() }))
    .max(50)
    .default([]),
});
export type RefundCreateBody = z.infer<typeof refundCreateBody>;

/** A refund as stored in `refunds.details`, money formatted in the order's decimals. */
export interface StoredRefund {
  reason: string;
  refunded_by: number;
  line_items: {
    id: number;
    quantity: number;
    total: string;
    total_tax: string;
    taxes: { id: number; total: string }[];
  }[];
  restocked: boolean;
  /** Absent on refunds stored before refunds kept their meta. */
  meta_data?: { key: string; value: unknown }[];
}
