import { z } from "zod";
import { wcIdOnlySchema } from "../wc/wc-product.js";
import type { QueryValue, WooClient } from "./woo-client.js";

/** WooCommerce's largest `per_page` (a larger one gets 400 rest_invalid_param). */
export const wooMaxPageSize = 100;

export interface ListedPage<T> {
  records: T[];
  total: number | null;
  last: boolean;
}

/** Reads one page of a wc/v3 listing; the last page is short or the last of X-WP-TotalPages. */
export async function listPage<T>(
  client: WooClient,
  route: string,
  schema: z.ZodType<T>,
  query: Record<string, QueryValue>,
  signal: AbortSignal,
): Promise<ListedPage<T>> {
  const perPage = Number(query.per_page ?? wooMaxPageSize);
  const page = Number(query.page ?? 1);
  const response = await client.request({ route, query, schema: z.array(schema), signal });
  const records = response.data;
  const lastByCount = response.totalPages === null ? false : page >= response.totalPages;
  return { records, total: response.total, last: lastByCount || records.length < perPage };
}

/** Reads every page of a listing. */
export async function listAll<T>(
  client: WooClient,
  route: string,
  schema: z.ZodType<T>,
  query: Record<string, QueryValue>,
  signal: AbortSignal,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const listed = await listPage(
      client,
      route,
      schema,
      {
        ...query,
        per_page: wooMaxPageSize,
        page,
      },
      signal,
    );
    all.push(...listed.records);
    if (listed.last) return all;
  }
}

/** Lists every id of a route (`_fields=id`), as the deletion audit needs. */
export async function listAllIds(
  client: WooClient,
  route: string,
  query: Record<string, QueryValue>,
  signal: AbortSignal,
): Promise<Set<number>> {
  const records = await listAll(client, route, wcIdOnlySchema, { ...query, _fields: "id" }, signal);
  return new Set(records.map((record) => record.id));
}
