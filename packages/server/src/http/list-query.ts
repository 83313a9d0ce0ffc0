import { z } from "zod";

const perPageMessage = "per_page must be between 1 (inclusive) and 100 (inclusive)";

/** Query fields shared by every `wc/v3` list route, with WordPress's messages. */
export const listQueryFields = {
  page: z.coerce.number().int().min(1, "page must be greater than or equal to 1").default(1),
  per_page: z.coerce.number().int().min(1, perPageMessage).max(100, perPageMessage).default(10),
  offset: z.coerce.number().int().min(0).optional(),
  order: z.enum(["asc", "desc"], { error: "order is not one of asc and desc." }).default("desc"),
  search: z.string().max(200).optional(),
  include: z.union([z.string(), z.array(z.string())]).optional(),
  exclude: z.union([z.string(), z.array(z.string())]).optional(),
  _fields: z.string().optional(),
};

/**
 * Parses an id list, comma-separated ("15,11,23") or as `include[]=15&include[]=11`. Returns
 * null when an item is not an id.
 */
export function parseIdList(text: string | string[] | undefined): number[] | null {
  if (text === undefined) return [];
  const items = (Array.isArray(text) ? text : text.split(",")).map((item) => item.trim());
  if (items.length === 1 && items[0] === "") return [];
  if (items.some((item) => !/^\d+$/.test(item))) return null;
  return items.map(Number);
}

/** WordPress flags: "1", "true" and "yes" are true. */
export const queryBoolean = z
  .enum(["1", "0", "true", "false", "yes", "no"], { error: "must be a boolean" })
  .transform((value) => value === "1" || value === "true" || value === "yes");
