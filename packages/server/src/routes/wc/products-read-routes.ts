import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { loadProductContext } from "../../catalog/product-context.js";
import { listProducts } from "../../catalog/product-list-query.js";
import type { ProductListFilter } from "../../catalog/product-list-query.js";
import { findProductRow } from "../../catalog/product-store.js";
import type { ProductRow } from "../../catalog/product-store.js";
import { productWire, variationWire } from "../../catalog/product-wire.js";
import type { WireContext } from "../../catalog/product-wire.js";
import { filterFields } from "../../http/fields-filter.js";
import { listQueryFields, parseIdList, queryBoolean } from "../../http/list-query.js";
import { setPagingHeaders } from "../../http/paging.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, notFoundError } from "../../http/woo-error.js";
import { readStoreSettings } from "../../store/store-settings.js";
import { parseRestDateParam } from "../../http/rest-date-param.js";
import {
  categoryWithDescendants,
  productsWithAttributeTerms,
} from "../../catalog/product-term-filters.js";

/** WooCommerce 11's accepted `orderby` values, listed in its own error message order. */
const productOrderBy = [
  "date",
  "id",
  "include",
  "title",
  "slug",
  "modified",
  "popularity",
  "rating",
  "post__in",
  "price",
  "sales",
  "menu_order",
  "random",
] as const;

const statuses = ["any", "future", "trash", "draft", "pending", "private", "publish"] as const;

const decimalPattern = /^(\d+(\.\d*)?|\.\d+)$/;

const productListQuery = z.object({
  ...listQueryFields,
  orderby: z
    .enum(productOrderBy, {
      error: `orderby is not one of ${productOrderBy.join(", ")}.`,
    })
    .default("date"),
  sku: z.string().optional(),
  category: z.coerce.number().int().min(1).optional(),
  tag: z.coerce.number().int().min(1).optional(),
  type: z.enum(["simple", "grouped", "external", "variable"]).optional(),
  status: z.enum(statuses).default("any"),
  stock_status: z.enum(["instock", "outofstock", "onbackorder"]).optional(),
  featured: queryBoolean.optional(),
  on_sale: queryBoolean.optional(),
  after: z.string().optional(),
  before: z.string().optional(),
  modified_after: z.string().optional(),
  modified_before: z.string().optional(),
  dates_are_gmt: queryBoolean.default(false),
  min_price: z.string().regex(decimalPattern, "must be a decimal price such as 12.34").optional(),
  max_price: z.string().regex(decimalPattern, "must be a decimal price such as 12.34").optional(),
  parent: z.union([z.string(), z.array(z.string())]).optional(),
  parent_exclude: z.union([z.string(), z.array(z.string())]).optional(),
  attribute: z.string().optional(),
  attribute_term: z.string().optional(),
});
type ProductListQuery = z.infer<typeof productListQuery>;

const idParams = z.object({ id: z.coerce.number().int().min(0) });
const variationParams = z.object({
  product_id: z.coerce.number().int().min(0),
  id: z.coerce.number().int().min(0),
});
const fieldsQuery = z.object({ _fields: z.string().optional() });

export function registerProductReadRoutes(app: FastifyInstance, context: AppContext): void {
  registerProductListRoutes(app, context);
  registerVariationReadRoutes(app, context);
}

/** Product list and single product. */
function registerProductListRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  routes.get(
    "/wp-json/wc/v3/products",
    {
      preHandler: requireCapability(context, "read_catalog", "list"),
      schema: { querystring: productListQuery },
    },
    async (request, reply) => {
      const wire = await wireContext(context, request);
      const filter = toFilter(request.query, wire.timeZone);
      await addTermFilters(db, request.query, filter);
      const { rows, total } = await listProducts(db, filter);
      const productContext = await loadProductContext(db, rows);
      setPagingHeaders(request, reply, {
        total,
        page: request.query.page,
        perPage: request.query.per_page,
      });
      return rows.map((row) =>
        filterFields(productWire(row, productContext, wire), request.query._fields),
      );
    },
  );

  routes.get(
    "/wp-json/wc/v3/products/:id",
    {
      preHandler: requireCapability(context, "read_catalog", "view"),
      schema: { params: idParams, querystring: fieldsQuery },
    },
    async (request) => {
      const row = await findProductRow(db, request.params.id);
      if (row === undefined || row.type === "variation") {
        throw notFoundError("woocommerce_rest_product_invalid_id");
      }
      const wire = await wireContext(context, request);
      const wired = productWire(row, await loadProductContext(db, [row]), wire);
      return filterFields(wired, request.query._fields);
    },
  );
}

/** Variation list and single variation of a product. */
function registerVariationReadRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  routes.get(
    "/wp-json/wc/v3/products/:product_id/variations",
    {
      preHandler: requireCapability(context, "read_catalog", "list"),
      schema: {
        params: z.object({ product_id: z.coerce.number().int().min(0) }),
        querystring: productListQuery,
      },
    },
    async (request, reply) => {
      const parent = await findProductRow(db, request.params.product_id);
      if (parent === undefined || parent.type === "variation") {
        throw notFoundError("woocommerce_rest_product_invalid_id");
      }
      const wire = await wireContext(context, request);
      const filter = toFilter(request.query, wire.timeZone);
      const { rows, total } = await listVariations(context, parent.id, filter);
      setPagingHeaders(request, reply, {
        total,
        page: request.query.page,
        perPage: request.query.per_page,
      });
      return rows.map((row) => filterFields(variationWire(row, wire), request.query._fields));
    },
  );

  routes.get(
    "/wp-json/wc/v3/products/:product_id/variations/:id",
    {
      preHandler: requireCapability(context, "read_catalog", "view"),
      schema: { params: variationParams, querystring: fieldsQuery },
    },
    async (request) => {
      const row = await findProductRow(db, request.params.id);
      if (row === undefined || row.parent_id !== request.params.product_id) {
        throw notFoundError("woocommerce_rest_product_variation_invalid_id");
      }
      const wired = variationWire(row, await wireContext(context, request));
      return filterFields(wired, request.query._fields);
    },
  );
}

export async function wireContext(
  context: AppContext,
  request: FastifyRequest,
): Promise<WireContext> {
  const settings = await readStoreSettings(context.store.db);
  return { baseUrl: requestBaseUrl(request), timeZone: settings.timeZone };
}

function toFilter(query: ProductListQuery, timeZone: string): ProductListFilter {
  const include = parseIdList(query.include);
  if (include === null) throw invalidParamError("include", "include[0] is not of type integer.");
  const exclude = parseIdList(query.exclude);
  if (exclude === null) throw invalidParamError("exclude", "exclude[0] is not of type integer.");
  const parentIds = parseIdList(query.parent);
  if (parentIds === null) throw invalidParamError("parent", "parent[0] is not of type integer.");
  const parentExcludeIds = parseIdList(query.parent_exclude);
  if (parentExcludeIds === null) {
    throw invalidParamError("parent_exclude", "parent_exclude[0] is not of type integer.");
  }
  const date = (name: "after" | "before" | "modified_after" | "modified_before") => {
    const text = query[name];
    if (text === undefined) return undefined;
    return parseRestDateParam(name, text, query.dates_are_gmt, timeZone);
  };
  const orderBy = query.orderby === "post__in" ? "include" : query.orderby;
  return {
    search: query.search,
    sku: query.sku,
    tagId: query.tag,
    include,
    exclude,
    parentIds,
    parentExcludeIds,
    ...(query.min_price === undefined ? {} : { minPrice: Number(query.min_price) }),
    ...(query.max_price === undefined ? {} : { maxPrice: Number(query.max_price) }),
    status: query.status,
    stockStatus: query.stock_status,
    featured: query.featured,
    onSale: query.on_sale,
    type: query.type,
    createdAfterGmt: date("after"),
    createdBeforeGmt: date("before"),
    modifiedAfterGmt: date("modified_after"),
    modifiedBeforeGmt: date("modified_before"),
    orderBy,
    order: query.order,
    offset: query.offset ?? (query.page - 1) * query.per_page,
    limit: query.per_page,
  };
}

/**
 * Adds the filters that need the store's terms: `category` with its descendant categories, as
 * WordPress's tax query includes children, and `attribute` with `attribute_term`.
 */
async function addTermFilters(
  db: AppContext["store"]["db"],
  query: ProductListQuery,
  filter: ProductListFilter,
): Promise<void> {
  if (query.category !== undefined) {
    filter.categoryIds = await categoryWithDescendants(db, query.category);
  }
  if (query.attribute !== undefined || query.attribute_term !== undefined) {
    filter.attributeProductIds = await productsWithAttributeTerms(
      db,
      query.attribute,
      query.attribute_term,
    );
  }
}

async function listVariations(
  context: AppContext,
  parentId: number,
  filter: ProductListFilter,
): Promise<{ rows: ProductRow[]; total: number }> {
  const rows = await context.store.db
    .selectFrom("products")
    .selectAll()
    .where("parent_id", "=", parentId)
    .where("type", "=", "variation")
    .orderBy(filter.orderBy === "menu_order" ? "menu_order" : "date_created_gmt", filter.order)
    .orderBy("id", filter.order)
    .execute();
  return { rows: rows.slice(filter.offset, filter.offset + filter.limit), total: rows.length };
}
