import type { Customer } from "@pos/core";

/** Names a customer for lists and receipts: the full name, else the email or username. */
export function customerName(customer: Customer): string {
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  return name || customer.email || customer.username || `Customer ${customer.id}`;
}
