import type { Address, Customer } from "@pos/core";

const emptyAddress: Address = {
  firstName: "",
  lastName: "",
  company: "",
  address1: "",
  address2: "",
  city: "",
  state: "",
  postcode: "",
  country: "",
  email: "",
  phone: "",
};

/** Test data: a customer with the fields the till reads, the rest empty. */
export function customer(
  overrides: Partial<Customer> & Pick<Customer, "id">,
  billing: Partial<Address> = {},
): Customer {
  return {
    email: "",
    firstName: "",
    lastName: "",
    username: "",
    billing: { ...emptyAddress, ...billing },
    shipping: emptyAddress,
    dateModifiedGmt: "2026-12-01T10:00:00",
    ...overrides,
  };
}

export const jane = customer(
  { id: 7, firstName: "Jane", lastName: "Doe", email: "jane.doe@example.com" },
  { phone: "(555) 010-1234", company: "Acme Bakery", address1: "12 Mill Lane", city: "Leeds" },
);

export const omar = customer(
  { id: 8, firstName: "Omar", lastName: "Haddad", email: "omar@example.org" },
  { phone: "+44 20 7946 0000", postcode: "SW1A 1AA" },
);
