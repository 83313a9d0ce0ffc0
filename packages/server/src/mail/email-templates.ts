/** A customer email WooCommerce can send for an order, as `actions/email_templates` lists it. */
export interface EmailTemplate {
  id: string;
  title: string;
  description: string;
}

const templates = {
  customer_invoice: {
    id: "customer_invoice",
    title: "Order details",
    description: "Sends the customer the order's lines, totals and payments.",
  },
  customer_processing_order: {
    id: "customer_processing_order",
    title: "Processing order",
    description: "Tells the customer that the paid order is being processed.",
  },
  customer_completed_order: {
    id: "customer_completed_order",
    title: "Completed order",
    description: "Tells the customer that the order is complete.",
  },
  customer_on_hold_order: {
    id: "customer_on_hold_order",
    title: "Order on-hold",
    description: "Tells the customer that the order is on hold until payment is confirmed.",
  },
  customer_refunded_order: {
    id: "customer_refunded_order",
    title: "Refunded order",
    description: "Tells the customer that the order was refunded in full or in part.",
  },
} as const satisfies Record<string, EmailTemplate>;

/**
 * Lists the templates that fit an order, as WooCommerce 9.8+ does: the status's own template
 * (processing, completed, on-hold), the refund template when the order has refunds, and the
 * order details template for every order.
 */
export function emailTemplatesFor(order: { status: string; refundCount: number }): EmailTemplate[] {
  const fitting: EmailTemplate[] = [];
  const byStatus = statusTemplate(order.status);
  if (byStatus !== null) fitting.push(byStatus);
  if (order.refundCount > 0) fitting.push(templates.customer_refunded_order);
  fitting.push(templates.customer_invoice);
  return fitting;
}

/** Picks the template for a request that names none: the status's own, else order details. */
export function defaultEmailTemplate(status: string): EmailTemplate {
  return statusTemplate(status) ?? templates.customer_invoice;
}

function statusTemplate(status: string): EmailTemplate | null {
  if (status === "processing") return templates.customer_processing_order;
  if (status === "completed") return templates.customer_completed_order;
  if (status === "on-hold") return templates.customer_on_hold_order;
  return null;
}
