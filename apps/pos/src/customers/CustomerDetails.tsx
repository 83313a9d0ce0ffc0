import { useEffect, useState } from "react";
import type { Customer } from "@pos/core";
import { useTill } from "../till/till-context.js";

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

/** Reads a customer from the catalogue; undefined while reading, null when absent. */
export function useStoredCustomer(id: number, version = 0): Customer | null | undefined {
  const { catalog } = useTill();
  const [found, setFound] = useState<{ id: number; customer: Customer | null } | null>(null);

  useEffect(() => {
    let live = true;
    void catalog.customers.get(id).then((customer) => {
      if (live) setFound({ id, customer: customer ?? null });
    });
    return () => {
      live = false;
    };
  }, [catalog, id, version]);

  return found?.id === id ? found.customer : undefined;
}
