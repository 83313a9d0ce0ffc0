import { sql } from "kysely";
import { containsIgnoringCase } from "../db/like-pattern.js";
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { ProductRow } from "./product-store.js";

type Db = Kysely<DatabaseSchema>;
type ProductSelect = SelectQueryBuilder<DatabaseSchema, "products", object>;

/** The filters of `GET wc/v3/products`, already checked. */
export interface ProductListFilter {
  search?: string;
  sku?: string;
  /** A category and its descendants: a product in any of them matches. */
  categoryIds?: number[];
  tagId?: number;
  /** Products that list one of the requested attribute terms, found by the route. */
  attributeProductIds?: number[];
  minPrice?: number;
  maxPrice?: number;
  parentExcludeIds?: number[];
  include: number[];
  exclude: number[];
  status?: string;
  stockStatus?: string;
  featured?: boolean;
  onSale?: boolean;
  type?: string;
  parentIds?: number[];
  modifiedAfterGmt?: string;
  modifiedBeforeGmt?: string;
  createdAfterGmt?: string;
  createdBeforeGmt?: string;
  orderBy: string;
  order: "asc" | "desc";
  offset: number;
  limit: number;
}

const orderColumns: Record<
  string,
  "id" | "name" | "slug" | "date_created_gmt" | "date_modified_gmt" | "menu_order" | "total_sales"
> = {
  id: "id",
  title: "name",
  slug: "slug",
  date: "date_created_gmt",
  modified: "date_modified_gmt",
  menu_order: "menu_order",
  popularity: "total_sales",
  sales: "total_sales",
};

/** Runs a product list query; returns the page of rows and the total before paging. */
export async function listProducts(
  db: Db,
  filter: ProductListFilter,
): Promise<{ rows: ProductRow[]; total: number }> {
  const base = applyFilter(db.selectFrom("products").where("type", "!=", "variation"), filter);
  const counted = await base.select((eb) => eb.fn.countAll().as("count")).executeTakeFirst();
  let query = base.selectAll();

  if (filter.orderBy === "include" && filter.include.length > 0) {
    const rows = await query.execute();
    const position = new Map(filter.include.map((id, index) => [id, index]));
    rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    return {
      rows: rows.slice(filter.offset, filter.offset + filter.limit),
      total: Number(counted?.count ?? 0),
    };
  }
  if (filter.orderBy === "price") {
    // Empty prices ("" on a product without one) sort as NULL instead of failing the cast.
    query = query.orderBy(sql`cast(nullif(price, '') as real)`, filter.order);
  } else {
    query = query.orderBy(orderColumns[filter.orderBy] ?? "date_created_gmt", filter.order);
  }
  const rows = await query
    .orderBy("id", filter.order)
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  return { rows, total: Number(counted?.count ?? 0) };
}

function applyFilter(query: ProductSelect, filter: ProductListFilter): ProductSelect {
  let q = query;
  if (filter.status === undefined || filter.status === "any") q = q.where("status", "!=", "trash");
  else q = q.where("status", "=", filter.status);
  if (filter.search) q = applySearch(q, filter.search);

  if (filter.sku !== undefined) {
    // Compared without case, as WooCommerce's MySQL collation and the unique SKU index do.
    const skus = filter.sku.split(",").map((sku) => sku.trim().toLowerCase());
    q = q.where((eb) => eb(eb.fn("lower", ["sku"]), "in", skus));
  }
  if (filter.categoryIds !== undefined) {
    const categoryIds = filter.categoryIds;
    q = q.where("id", "in", (eb) =>
      eb.selectFrom("product_terms").select("product_id").where("term_id", "in", categoryIds),
    );
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where("id", "in", (eb) =>
      eb.selectFrom("product_terms").select("product_id").where("term_id", "=", tagId),
    );
  }
  if (filter.attributeProductIds !== undefined) {
    // An empty list matches nothing; `in ()` is not valid SQL.
    q = q.where("id", "in", [0, ...filter.attributeProductIds]);
  }
  if (filter.minPrice !== undefined) {
    q = q.where(sql`cast(nullif(price, '') as real)`, ">=", filter.minPrice);
  }
  if (filter.maxPrice !== undefined) {
    q = q.where(sql`cast(nullif(price, '') as real)`, "<=", filter.maxPrice);
  }

  if (filter.include.length > 0) q = q.where("id", "in", filter.include);
  if (filter.exclude.length > 0) q = q.where("id", "not in", filter.exclude);
  if (filter.stockStatus !== undefined) q = q.where("stock_status", "=", filter.stockStatus);
  if (filter.featured !== undefined) q = q.where("featured", "=", filter.featured ? 1 : 0);
  if (filter.onSale !== undefined) {
    q = filter.onSale
      ? q.where("sale_price", "!=", "").whereRef("price", "=", "sale_price")
      : q.where((eb) =>
          eb.or([eb("sale_price", "=", ""), eb("price", "!=", eb.ref("sale_price"))]),
        );
  }
  if (filter.type !== undefined) q = q.where("type", "=", filter.type);
  if (filter.parentIds !== undefined && filter.parentIds.length > 0) {
    q = q.where("parent_id", "in", filter.parentIds);
  }
  if (filter.parentExcludeIds !== undefined && filter.parentExcludeIds.length > 0) {
    q = q.where("parent_id", "not in", filter.parentExcludeIds);
  }

  if (filter.modifiedAfterGmt) q = q.where("date_modified_gmt", ">", filter.modifiedAfterGmt);
  if (filter.modifiedBeforeGmt) q = q.where("date_modified_gmt", "<", filter.modifiedBeforeGmt);
  if (filter.createdAfterGmt) q = q.where("date_created_gmt", ">", filter.createdAfterGmt);
  if (filter.createdBeforeGmt) q = q.where("date_created_gmt", "<", filter.createdBeforeGmt);
  return q;
}

/**
 * Matches every search term in the name or the SKU, as WordPress's search does: the text is
 * split at spaces, a quoted phrase is one term, and a term starting with "-" must not match.
 */
function applySearch(query: ProductSelect, search: string): ProductSelect {
  let q = query;
  for (const term of searchTerms(search)) {
    const excluded = term.startsWith("-") && term.length > 1;
    const text = excluded ? term.slice(1) : term;
    const matches = sql<boolean>`(${containsIgnoringCase("name", text)} or ${containsIgnoringCase("sku", text)})`;
    q = q.where(excluded ? sql<boolean>`not ${matches}` : matches);
  }
  return q;
}

/** Splits search text into terms: words, and phrases in double quotes. */
export function searchTerms(search: string): string[] {
  const terms: string[] = [];
  for (const match of search.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? "").trim();
    if (term !== "") terms.push(term);
  }
  return terms;
}
