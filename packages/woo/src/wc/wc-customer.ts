import { z } from "zod";
import { wcMetaDataSchema } from "./wc-product.js";

/** Billing and shipping addresses; a shipping address has no `email`. */
export const wcAddressSchema = z.object({
  first_name: z.string(),
  last_name: z.string(),
  company: z.string(),
  address_1: z.string(),
  address_2: z.string(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  country: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
export type WcAddress = z.infer<typeof wcAddressSchema>;

export const wcCustomerSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  username: z.string(),
  role: z.string().optional(),
  billing: wcAddressSchema,
  shipping: wcAddressSchema,
  date_modified_gmt: z.string().nullable(),
  meta_data: z.array(wcMetaDataSchema).optional(),
});
export type WcCustomer = z.infer<typeof wcCustomerSchema>;
