import { WooError } from "../http/woo-error.js";
import {
  metaStringOf,
  openOrderStatus,
  registerMetaKey,
  voidReasonMetaKey,
} from "./order-input.js";
import type { OrderCreateBody } from "./order-input.js";
import type { OrderRow } from "./order-wire.js";
import { parseStoredOrder } from "./stored-order.js";

/**
 * Rejects a request for an order that the till once saved as open and that is no longer open:
 * a copy of it left on a register after another register checked it out, or after it was
 * voided. Each such request gets a 409 and writes nothing, so a stale copy never makes a
 * second sale. A retry from the register that checked the order out passes, and so does a
 * repeated void.
 */
export function assertOpenOrderAvailable(existing: OrderRow, body: OrderCreateBody): void {
  const stored = parseStoredOrder(existing.details);
  if (!stored.saved_open) return;

  const voided = existing.status === "cancelled" || existing.status === "trash";
  // A repeated void (a retry after a lost reply) gets the voided order back.
  if (voided && body.status === "cancelled") return;
  if (voided) {
    const reason = metaStringOf(stored.meta_data, voidReasonMetaKey);
    throw new WooError(
      409,
      "pos_open_order_voided",
      `order #${existing.id} was voided on the store` +
        (reason === null ? "" : ` (reason: ${reason})`) +
        `, so it cannot be saved or checked out: remove this copy from the register and start a new sale`,
      { order_id: existing.id, order_status: existing.status },
    );
  }
  if (body.status === openOrderStatus) {
    throw new WooError(
      409,
      "pos_open_order_closed",
      `order #${existing.id} is already ${existing.status} on the store, so it cannot be saved ` +
        `as open again: remove this copy from the register and start a new sale`,
      { order_id: existing.id, order_status: existing.status },
    );
  }
  const paidOn = metaStringOf(stored.meta_data, registerMetaKey);
  const sentFrom = metaStringOf(body.meta_data, registerMetaKey);
  if (paidOn !== null && sentFrom !== null && paidOn !== sentFrom) {
    throw new WooError(
      409,
      "pos_open_order_taken",
      `order #${existing.id} was already checked out on register ${paidOn}; this copy on ` +
        `register ${sentFrom} is out of date, so no second sale was made: remove it and start a ` +
        `new sale`,
      { order_id: existing.id, order_status: existing.status, register: paidOn },
    );
  }
}
