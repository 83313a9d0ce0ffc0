import { wcOrderSchema, type WcOrder, type WooClient } from "@pos/woo";
import type { OutboxSender } from "./outbox.js";

/** The kind of outbox record that creates an order with `POST wc/v3/orders`. */
export const orderCreateKind = "order.create";

/**
 * Returns the sender of `order.create` records: the payload is the request body, which carries
 * the client UUID in `_pos_client_uuid`. The client must not retry by itself (POST is sent
 * once per attempt), because the outbox owns the retries and their backoff.
 */
export function orderCreateSender(client: WooClient, timeoutMs = 20_000): OutboxSender {
  return async (record, signal): Promise<WcOrder> => {
    const response = await client.request({
      method: "POST",
      route: "wc/v3/orders",
      body: record.payload,
      schema: wcOrderSchema,
      idempotent: false,
      timeoutMs,
      signal,
    });
    return response.data;
  };
}
