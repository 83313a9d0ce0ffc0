import { z } from "zod";
import type { Customer } from "@pos/core";

/** The fields the till's customer form edits; addresses beyond billing stay as they are. */
export const customerDraftSchema = z.object({
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  // WooCommerce's `WC_REST_Customers_Controller` requires `email` on create, and WordPress keeps
  // each email on one account.
  email: z.string().trim().pipe(z.email("enter an email such as name@example.com")),
  phone: z.string().trim().max(40),
  company: z.string().trim().max(100),
  address1: z.string().trim().max(200),
  city: z.string().trim().max(100),
  postcode: z.string().trim().max(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "use a 2-letter country code"),
});

export type CustomerDraft = z.input<typeof customerDraftSchema>;

export const emptyDraft: CustomerDraft = {
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  company: "",
  address1: "",
  city: "",
  postcode: "",
  country: "",
};

export function draftOf(customer: Customer): CustomerDraft {
  const { billing } = customer;
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: billing.phone,
    company: billing.company,
    address1: billing.address1,
    city: billing.city,
    postcode: billing.postcode,
    country: billing.country,
  };
}

/** The body of a `wc/v3/customers` create or update request that the till sends. */
export interface CustomerRequestBody {
  first_name: string;
  last_name: string;
  email: string;
  billing: Record<string, string>;
}

/** Checks a draft and returns its normal form (trimmed, country upper-cased), or raises. */
export function parseCustomerDraft(draft: CustomerDraft): CustomerDraft {
  const parsed = customerDraftSchema.safeParse(draft);
  if (!parsed.success) {
    throw new TypeError(`the customer is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Checks a draft and returns the `wc/v3/customers` request body, or raises naming the invalid
 * fields. The billing address takes the name, email and phone too, as WooCommerce's checkout
 * fills them.
 */
export function customerBody(draft: CustomerDraft): CustomerRequestBody {
  const { firstName, lastName, email, phone, company, address1, city, postcode, country } =
    parseCustomerDraft(draft);
  return {
    first_name: firstName,
    last_name: lastName,
    email,
    billing: {
      first_name: firstName,
      last_name: lastName,
      company,
      address_1: address1,
      city,
      postcode,
      country,
      email,
      phone,
    },
  };
}
