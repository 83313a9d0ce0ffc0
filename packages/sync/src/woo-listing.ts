import { z } from "zod";
import { wcModifiedStampSchema, type WooClient } from "@pos/woo";
import type { ModifiedCursor } from "./woo-store.js";

const epochCursor: ModifiedCursor = { modifiedGmt: "1970-01-01T00:00:00", id: 0 };

/**
 * Reads the newest (`date_modified_gmt`, id) of a route before its seed: the `modified_after`
 * poll starts there, so a record changed while the seed runs is fetched again afterwards.
 */
export async function newestModified(
  client: WooClient,
  route: string,
  signal: AbortSignal,
): Promise<ModifiedCursor> {
  const response = await client.request({
    route,
    query: { orderby: "modified", order: "desc", per_page: 1, _fields: "id,date_modified_gmt" },
    schema: z.array(wcModifiedStampSchema),
    signal,
  });
  const newest = response.data[0];
  if (!newest?.date_modified_gmt) return epochCursor;
  return { modifiedGmt: newest.date_modified_gmt, id: newest.id };
}

/** Returns one second before `gmt` ("2026-12-04T15:31:01" → "2026-12-04T15:31:00"). */
export function secondBefore(gmt: string): string {
  const ms = Date.parse(`${gmt}Z`);
  if (Number.isNaN(ms)) {
    throw new RangeError(`invalid date_modified_gmt "${gmt}": expected YYYY-MM-DDTHH:MM:SS`);
  }
  return new Date(ms - 1000).toISOString().slice(0, 19);
}
