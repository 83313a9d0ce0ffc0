import MiniSearch from "minisearch";
import type { Address, Customer } from "@pos/core";

interface CustomerDocument {
  id: number;
  name: string;
  email: string;
  phone: string;
  company: string;
  address: string;
}

/**
 * The customer search of the till: names, emails, phones, companies and billing and shipping
 * addresses, prefix and typo tolerant, kept in the worker so a search never reads the whole
 * customers table.
 */
export class CustomerIndex {
  private readonly search = new MiniSearch<CustomerDocument>({
    fields: ["name", "email", "phone", "company", "address"],
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      combineWith: "AND",
      boost: { name: 3, email: 2, phone: 2 },
    },
  });

  get size(): number {
    return this.search.documentCount;
  }

  put(customers: readonly Customer[]): void {
    for (const customer of customers) {
      if (this.search.has(customer.id)) this.search.discard(customer.id);
      this.search.add(customerDocument(customer));
    }
  }

  delete(ids: readonly number[]): void {
    for (const id of ids) if (this.search.has(id)) this.search.discard(id);
  }

  /** Returns the ids of the best matching customers, at most `limit`. */
  query(text: string, limit: number): number[] {
    const trimmed = text.trim();
    if (!trimmed) return [];
    // Phones are indexed as bare digits, so "(555) 010-1234" finds "555-010-1234".
    const phoneDigits = trimmed.replace(/[^\d]/g, "");
    const query = /^[\d\s()+.-]+$/.test(trimmed) && phoneDigits ? phoneDigits : trimmed;
    return this.search
      .search(query)
      .slice(0, limit)
      .map((result) => Number(result.id));
  }
}

function customerDocument(customer: Customer): CustomerDocument {
  const { billing, shipping } = customer;
  return {
    id: customer.id,
    // The shipping name counts too: a gift's recipient is who a cashier may search for.
    name: [customer.firstName, customer.lastName, billing.firstName, billing.lastName]
      .concat(shipping.firstName, shipping.lastName, customer.username)
      .join(" "),
    email: [customer.email, billing.email].join(" "),
    phone: [billing.phone, shipping.phone].map((phone) => phone.replace(/[^\d]/g, "")).join(" "),
    company: [billing.company, shipping.company].join(" "),
    address: [addressText(billing), addressText(shipping)].join(" "),
  };
}

function addressText(address: Address): string {
  const { address1, address2, city, state, postcode, country } = address;
  return [address1, address2, city, state, postcode, country].join(" ");
}
