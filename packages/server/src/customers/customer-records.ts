import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { Address, Customer } from "@pos/core";
import { z } from "zod";
import type { CustomersTable } from "../db/database-schema.js";
import { gmtToLocalDateString } from "../time/wp-date.js";

export type CustomerRow = Selectable<CustomersTable>;

/** A WooCommerce address as the REST API sends it (shipping has no email). */
export const wooAddressSchema = z.object({
  first_name: z.string().default(""),
  last_name: z.string().default(""),
  company: z.string().default(""),
  address_1: z.string().default(""),
  address_2: z.string().default(""),
  city: z.string().default(""),
  state: z.string().default(""),
  postcode: z.string().default(""),
  country: z.string().default(""),
  email: z.string().default(""),
  phone: z.string().default(""),
});
export type WooAddress = z.infer<typeof wooAddressSchema>;

/** An address change: only the fields sent are set, so the others keep their value. */
export const wooAddressPatchSchema = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company: z.string().optional(),
  address_1: z.string().optional(),
  address_2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postcode: z.string().optional(),
  country: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export function parseStoredAddress(json: string): WooAddress {
  return wooAddressSchema.parse(JSON.parse(json));
}

export function addressRecord(address: WooAddress): Address {
  return {
    firstName: address.first_name,
    lastName: address.last_name,
    company: address.company,
    address1: address.address_1,
    address2: address.address_2,
    city: address.city,
    state: address.state,
    postcode: address.postcode,
    country: address.country,
    email: address.email,
    phone: address.phone,
  };
}

export function customerRecord(row: CustomerRow): Customer {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    username: row.username,
    billing: addressRecord(parseStoredAddress(row.billing)),
    shipping: addressRecord(parseStoredAddress(row.shipping)),
    dateModifiedGmt: row.date_modified_gmt,
  };
}

/** Builds the customer as `wc/v3/customers` sends it, in WooCommerce's field order. */
export function customerWire(row: CustomerRow, baseUrl: string, timeZone: string) {
  const billing = parseStoredAddress(row.billing);
  const shipping = withoutEmail(parseStoredAddress(row.shipping));
  const emailHash = createHash("sha256").update(row.email.trim().toLowerCase()).digest("hex");
  return {
    id: row.id,
    date_created: gmtToLocalDateString(row.date_created_gmt, timeZone),
    date_created_gmt: row.date_created_gmt,
    date_modified: gmtToLocalDateString(row.date_modified_gmt, timeZone),
    date_modified_gmt: row.date_modified_gmt,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    role: row.role,
    username: row.username,
    billing: orderAddressFields(billing),
    shipping: orderAddressFields(shipping),
    is_paying_customer: row.is_paying_customer === 1,
    avatar_url: `https://secure.gravatar.com/avatar/${emailHash}?s=96&d=mm&r=g`,
    meta_data: JSON.parse(row.meta_data) as unknown[],
    _links: {
      self: [{ href: `${baseUrl}/wp-json/wc/v3/customers/${row.id}` }],
      collection: [{ href: `${baseUrl}/wp-json/wc/v3/customers` }],
    },
  };
}

function orderAddressFields<T extends Partial<WooAddress>>(address: T) {
  const { first_name, last_name, company, address_1, address_2, city, postcode, country, state } =
    address;
  const base = {
    first_name,
    last_name,
    company,
    address_1,
    address_2,
    city,
    postcode,
    country,
    state,
  };
  return "email" in address
    ? { ...base, email: address.email, phone: address.phone }
    : { ...base, phone: address.phone };
}

/** Drops `email` from an address, as WooCommerce sends shipping addresses. */
export function withoutEmail(address: WooAddress): Omit<WooAddress, "email"> {
  const copy: Partial<WooAddress> = { ...address };
  delete copy.email;
  return copy as Omit<WooAddress, "email">;
}
