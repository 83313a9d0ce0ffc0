import { formatMoney, parseMoney, toMoney, type Money } from "@pos/core";
import { WooApiError, WooNetworkError, type WooClient } from "@pos/woo";
import { z } from "zod";
import type { LocalRefund } from "./local-refund.js";

/** Shown instead of the refund form while the till cannot reach the store. */
export const offlineRefundMessage =
  "Refunds need the connection to the store, which is offline. Nothing was queued: refund the " +
  "order when the connection returns.";

export interface RefundInput {
  serverOrderId: number;
  orderClientUuid: string | null;
  /** By line: quantities per line item id, restocked when `restock` is set. */
  lines: readonly { lineItemId: number; quantity: number }[];
  /** By amount: the amount in minor units, or null to refund the lines' value. */
  amount: Money | null;
  restock: boolean;
  reason: string;
  /** The tender the money goes back to. */
  method: { id: string; title: string };
  registerId: string;
  /** The idempotency key: one per refund the cashier confirms, reused on every retry. */
  key: string;
}

const wireRefundSchema = z.object({
  id: z.number().int(),
  amount: z.string(),
  date_created_gmt: z.string(),
  line_items: z.array(z.object({ product_id: z.number().int(), quantity: z.number() })),
  tax_lines: z.array(z.object({ tax_total: z.string(), shipping_tax_total: z.string() })),
});

/** Builds the body of `POST wc/v3/orders/{id}/refunds`: no gateway call, money back by hand. */
export function buildRefundBody(input: RefundInput, decimals: number) {
  return {
    ...(input.amount !== null ? { amount: formatMoney(input.amount, decimals) } : {}),
    reason: input.reason,
    line_items: input.lines
      .filter((line) => line.quantity > 0)
      .map((line) => ({ id: line.lineItemId, quantity: line.quantity })),
    api_refund: false,
    api_restock: input.restock,
    meta_data: [
      { key: "_pos_refund_key", value: input.key },
      { key: "_pos_refund_method", value: input.method.id },
      { key: "_pos_register", value: input.registerId },
    ],
  };
}

/** Raised with the store's own words when it rejects a refund, such as one above what is left. */
export class RefundRejectedError extends Error {
  override name = "RefundRejectedError";
}

/**
 * Sends a refund. The body carries the idempotency key, so a retry after a lost reply returns
 * the refund already made. Raises `RefundRejectedError` on a 4xx with the store's message.
 */
export async function sendRefund(
  client: WooClient,
  input: RefundInput,
  decimals: number,
): Promise<LocalRefund> {
  try {
    const response = await client.request({
      method: "POST",
      route: `wc/v3/orders/${input.serverOrderId}/refunds`,
      body: buildRefundBody(input, decimals),
      schema: wireRefundSchema,
      idempotent: true,
      timeoutMs: 20_000,
    });
    return localRefundOf(input, response.data, decimals);
  } catch (error) {
    if (error instanceof WooNetworkError) throw new RefundRejectedError(offlineRefundMessage);
    if (error instanceof WooApiError && error.status < 500) {
      const reason = typeof error.data?.["reason"] === "string" ? ` ${error.data["reason"]}` : "";
      throw new RefundRejectedError(`${error.message}${reason}`);
    }
    throw error;
  }
}

function localRefundOf(
  input: RefundInput,
  refund: z.infer<typeof wireRefundSchema>,
  decimals: number,
): LocalRefund {
  const taxes = refund.tax_lines.flatMap((line) => [
    parseMoney(line.tax_total, decimals),
    parseMoney(line.shipping_tax_total, decimals),
  ]);
  return {
    key: input.key,
    serverOrderId: input.serverOrderId,
    orderClientUuid: input.orderClientUuid,
    refundId: refund.id,
    amountMinor: parseMoney(refund.amount, decimals),
    taxMinor: toMoney(-taxes.reduce<number>((sum, tax) => sum + tax, 0)),
    items: refund.line_items.map((line) => ({
      productId: line.product_id,
      quantity: -line.quantity,
    })),
    methodId: input.method.id,
    methodTitle: input.method.title,
    dateCreatedGmt: `${refund.date_created_gmt.replace(/Z$/, "")}Z`,
    registerId: input.registerId,
    reason: input.reason,
  };
}
