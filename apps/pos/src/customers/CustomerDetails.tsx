import { useEffect, useState } from "react";
import type { Customer } from "@pos/core";
import { useTill } from "../till/till-context.js";
import { isLocalCustomerId, localCustomerRecord, readLocalCustomer } from "./local-customer.js";

/** Shows the stored details of a customer: contact, company and billing address. */
export function CustomerDetails({ customerId }: { customerId: number }) {
  const customer = useStoredCustomer(customerId);
  if (customer === undefined) return null;
  if (customer === null) {
    return <p className="muted">This customer is not on this till yet; the sync brings them.</p>;
  }
  const { billing } = customer;
  const address = [billing.address1, billing.city, billing.postcode, billing.country]
    .filter((part) => part)
    .join(", ");
  return (
    <dl className="customer-details" aria-label="Customer details">
      {detail("Email", customer.email || billing.email)}
      {detail("Phone", billing.phone)}
      {detail("Company", billing.company)}
      {detail("Address", address)}
    </dl>
  );
}

function detail(term: string, value: string) {
  if (!value) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * Reads a customer from the catalogue, or a customer created on this till from the sales
 * database; undefined while reading, null when absent.
 */
export function useStoredCustomer(id: number, version = 0): Customer | null | undefined {
  const { catalog, salesDb } = useTill();
  const [found, setFound] = useState<{ id: number; customer: Customer | null } | null>(null);

  useEffect(() => {
    let live = true;
    const read = async () => {
      const local = isLocalCustomerId(id) ? await readLocalCustomer(salesDb, id) : null;
      const stored = await catalog.customers.get(local?.serverId ?? id);
      const customer = stored ?? (local ? localCustomerRecord(local) : null);
      if (live) setFound({ id, customer });
    };
    void read();
    return () => {
      live = false;
    };
  }, [catalog, salesDb, id, version]);

  return found?.id === id ? found.customer : undefined;
}
