import { toMoney, type ReportRefund } from "@pos/core";
import { z } from "zod";

/** A refund this till made on the store, kept on the device so offline reports count it. */
export const localRefundSchema = z.object({
  key: z.string().min(1),
  serverOrderId: z.number().int().positive(),
  /** The order's client UUID when the order was sold on this till. */
  orderClientUuid: z.string().nullable(),
  refundId: z.number().int().positive(),
  amountMinor: z.number().int().nonnegative(),
  taxMinor: z.number().int().nonnegative(),
  items: z.array(z.object({ productId: z.number().int(), quantity: z.number().int() })),
  methodId: z.string(),
  methodTitle: z.string(),
  dateCreatedGmt: z.string(),
  registerId: z.string(),
  reason: z.string(),
});

export type LocalRefund = z.infer<typeof localRefundSchema>;

/** Converts a stored refund to the report's shape. */
export function reportRefundOf(refund: LocalRefund): ReportRefund {
  return {
    id: refund.refundId,
    amount: toMoney(refund.amountMinor),
    tax: toMoney(refund.taxMinor),
    items: refund.items,
    methodId: refund.methodId,
    methodTitle: refund.methodTitle,
    dateCreatedGmt: refund.dateCreatedGmt,
    registerId: refund.registerId,
  };
}
