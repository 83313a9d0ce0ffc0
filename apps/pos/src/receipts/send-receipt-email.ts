import type { WooClient } from "@pos/woo";
import { z } from "zod";

const sendEmailAnswer = z.object({ message: z.string() });

/** Returns null for a usable email address, or the message that names the bad one. */
export function emailAddressProblem(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed === "") return "Enter the customer's email address.";
  if (!z.email().safeParse(trimmed).success) {
    return `"${trimmed}" is not a valid email address: check it and try again.`;
  }
  return null;
}

/**
 * Asks the store to email the order's receipt (`wc/v3/orders/{id}/actions/send_email`, as in
 * WooCommerce 9.8+) with the template for the order's status. The cashier typed or confirmed
 * the address, so it replaces a different billing email on the order. Returns the store's
 * message.
 */
export async function sendReceiptEmail(
  client: WooClient,
  orderId: number,
  address: string,
): Promise<string> {
  const problem = emailAddressProblem(address);
  if (problem !== null) throw new Error(problem);
  const response = await client.request({
    method: "POST",
    route: `wc/v3/orders/${orderId}/actions/send_email`,
    body: { email: address.trim(), force_email_update: true },
    schema: sendEmailAnswer,
    timeoutMs: 30_000,
  });
  return response.data.message;
}
