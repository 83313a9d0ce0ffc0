import { parseMoney, remainingRefundable, toMoney, type Money } from "@pos/core";
import { wcOrderSchema, type WcOrder, type WooClient } from "@pos/woo";
import { z } from "zod";

const refundListSchema = z.array(
  z.object({
    id: z.number().int(),
    amount: z.string(),
    reason: z.string(),
    date_created_gmt: z.string(),
    line_items: z.array(z.object({ id: z.number().int(), quantity: z.number() })),
  }),
);

export interface RefundableLine {
  lineItemId: number;
  name: string;
  quantity: number;
  refundedQuantity: number;
  /** Line total with its tax, for display. */
  totalWithTax: Money;
}

/** A store order with what is still refundable on it. */
export interface RefundableOrder {
  order: WcOrder;
  refunds: z.infer<typeof refundListSchema>;
  lines: RefundableLine[];
  total: Money;
  refunded: Money;
  remaining: Money;
}

/** Lists the store's newest orders, 20 at a time. */
export async function listRecentOrders(client: WooClient): Promise<WcOrder[]> {
  const response = await client.request({
    route: "wc/v3/orders",
    query: { per_page: 20, orderby: "date", order: "desc" },
    schema: z.array(wcOrderSchema),
    timeoutMs: 15_000,
  });
  return response.data;
}

/** Reads an order and its refunds from the store, and works out what is left to refund. */
export async function readRefundableOrder(
  client: WooClient,
  orderId: number,
  decimals: number,
): Promise<RefundableOrder> {
  const [orderResponse, refundResponse] = await Promise.all([
    client.request({ route: `wc/v3/orders/${orderId}`, schema: wcOrderSchema, timeoutMs: 15_000 }),
    client.request({
      route: `wc/v3/orders/${orderId}/refunds`,
      schema: refundListSchema,
      timeoutMs: 15_000,
    }),
  ]);
  const order = orderResponse.data;
  const refunds = refundResponse.data;
  const money = (text: string) => parseMoney(text, decimals);
  const refundedById = new Map<number, number>();
  for (const line of refunds.flatMap((refund) => refund.line_items)) {
    refundedById.set(line.id, (refundedById.get(line.id) ?? 0) - line.quantity);
  }
  const total = money(order.total);
  const refundedAmounts = refunds.map((refund) => money(refund.amount));
  return {
    order,
    refunds,
    lines: order.line_items.map((line) => ({
      lineItemId: line.id,
      name: line.name,
      quantity: line.quantity,
      refundedQuantity: refundedById.get(line.id) ?? 0,
      totalWithTax: toMoney(money(line.total) + money(line.total_tax)),
    })),
    total,
    refunded: toMoney(refundedAmounts.reduce<number>((sum, amount) => sum + amount, 0)),
    remaining: remainingRefundable(total, refundedAmounts),
  };
}
