import { z } from "zod";

/** The WordPress REST index (`GET /wp-json/`), as far as the till reads it. */
export const wpSiteIndexSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  gmt_offset: z.union([z.number(), z.string()]).optional(),
  timezone_string: z.string().optional(),
});
export type WpSiteIndex = z.infer<typeof wpSiteIndexSchema>;
