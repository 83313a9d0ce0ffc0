import type { StoredOrder } from "./stored-order.js";

type OrderNote = StoredOrder["notes"][number];

/** WooCommerce's labels for order statuses (`wc_get_order_statuses`), plus the till's own. */
const statusLabels: Readonly<Record<string, string>> = {
  pending: "Pending payment",
  processing: "Processing",
  "on-hold": "On hold",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  failed: "Failed",
  "checkout-draft": "Draft",
  "pos-open": "Open at the till",
};

/**
 * Appends the system note WooCommerce writes on a status change ("Order status changed from
 * Pending payment to Processing."), with `detail` after it when given. Returns the notes.
 */
export function withStatusChangeNote(
  notes: readonly OrderNote[],
  change: { from: string; to: string; nowGmt: string; detail?: string },
): OrderNote[] {
  const text =
    `Order status changed from ${statusLabel(change.from)} to ${statusLabel(change.to)}.` +
    (change.detail === undefined ? "" : ` ${change.detail}`);
  const note: OrderNote = {
    id: notes.reduce((max, known) => Math.max(max, known.id), 0) + 1,
    author: "system",
    date_created_gmt: change.nowGmt,
    note: text,
    customer_note: false,
  };
  return [...notes, note];
}

function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}
