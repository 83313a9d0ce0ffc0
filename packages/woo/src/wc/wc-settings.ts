import { z } from "zod";

/** `data/currencies/current`; `symbol` is an HTML entity such as `&#36;`. */
export const wcCurrencySchema = z.object({
  code: z.string(),
  name: z.string(),
  symbol: z.string(),
});
export type WcCurrency = z.infer<typeof wcCurrencySchema>;

/** One entry of `settings/{group}`; `value` is a string for most options, an array for some. */
export const wcSettingSchema = z.object({
  id: z.string(),
  label: z.string().optional(),
  type: z.string(),
  default: z.unknown().optional(),
  value: z.unknown(),
  options: z.record(z.string(), z.string()).optional(),
});
export type WcSetting = z.infer<typeof wcSettingSchema>;
