import { WooError } from "../http/woo-error.js";
import type { OrderCreateBody } from "./order-input.js";
import type { OrderRow } from "./order-wire.js";
import { parseStoredOrder } from "./stored-order.js";

/**
 * Checks that a request carrying a client UUID that is already stored repeats the stored
 * order's lines. A retry after a lost reply sends the same lines and gets the stored order
 * back. A different sale under a reused UUID would otherwise vanish behind that order, so it
 * is rejected with 409 and nothing is written.
 */
export function assertRepeatOfStoredOrder(
  existing: OrderRow,
  body: OrderCreateBody,
  clientUuid: string,
): void {
  const stored = parseStoredOrder(existing.details).line_items.map((line) =>
    lineKey(line.product_id, line.variation_id, line.quantity),
  );
  const requested = body.line_items.map((line) =>
    lineKey(line.product_id, line.variation_id, line.quantity),
  );
  if (sameMultiset(stored, requested)) return;

  throw new WooError(
    409,
    "pos_client_uuid_conflict",
    `client UUID "${clientUuid}" already belongs to order #${existing.id} with other lines; ` +
      `send this sale with a new client UUID`,
    { order_id: existing.id },
  );
}

/** Keys a variation line by its variation id, whether or not the request names the parent. */
function lineKey(productId: number, variationId: number, quantity: number): string {
  return `${variationId !== 0 ? variationId : productId}x${quantity}`;
}

function sameMultiset(left: string[], right: string[]): boolean {
  if (left.length !== right.length) return false;
  const sortedLeft = [...left].sort();
  const sortedRight = [...right].sort();
  return sortedLeft.every((key, index) => key === sortedRight[index]);
}
