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
}
