import { z } from "zod";

export const wcCategorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  parent: z.number().int(),
  count: z.number().int(),
});
export type WcCategory = z.infer<typeof wcCategorySchema>;

export const wcTagSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  count: z.number().int().optional(),
});
export type WcTag = z.infer<typeof wcTagSchema>;
