import { z } from "zod";

export const wcTaxRateSchema = z.object({
  id: z.number().int(),
  country: z.string(),
  state: z.string(),
  postcode: z.string().optional(),
  city: z.string().optional(),
  postcodes: z.array(z.string()).optional(),
  cities: z.array(z.string()).optional(),
  rate: z.string(),
  name: z.string(),
  priority: z.number().int(),
  compound: z.boolean(),
  shipping: z.boolean(),
  order: z.number().int(),
  class: z.string(),
});
export type WcTaxRate = z.infer<typeof wcTaxRateSchema>;

export const wcTaxClassSchema = z.object({ slug: z.string(), name: z.string() });
export type WcTaxClass = z.infer<typeof wcTaxClassSchema>;
