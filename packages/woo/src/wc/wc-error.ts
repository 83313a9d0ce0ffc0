import { z } from "zod";

/**
 * WooCommerce's error body (`WP_Error` as the REST API sends it). `data` may carry more keys,
 * such as `params`, `details` or `new_draft_order_id`.
 */
export const wcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  data: z.looseObject({ status: z.number().int().optional() }).nullable().optional(),
});
export type WcError = z.infer<typeof wcErrorSchema>;
