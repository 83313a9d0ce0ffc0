import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { countProductsPerTerm } from "../../catalog/term-store.js";
import { containsIgnoringCase } from "../../db/like-pattern.js";
import type { TermRow } from "../../catalog/term-store.js";
import { listTaxRateRows, taxRateWire } from "../../catalog/tax-rate-store.js";
import { filterFields } from "../../http/fields-filter.js";
import { listQueryFields, queryBoolean } from "../../http/list-query.js";
import { registerNamespaceIndex } from "../../http/namespace-index.js";
import { setPagingHeaders } from "../../http/paging.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { notFoundError, WooError } from "../../http/woo-error.js";
import { describeCurrency } from "../../store/currencies.js";
import { readStoreSettings } from "../../store/store-settings.js";

const termListQuery = z.object({
  ...listQueryFields,
  order: z.enum(["asc", "desc"], { error: "order is not one of asc and desc." }).default("asc"),
  orderby: z
    .enum(["id", "include", "name", "slug", "term_group", "description", "count"])
    .default("name"),
  parent: z.coerce.number().int().min(0).optional(),
  hide_empty: queryBoolean.default(false),
});

const taxListQuery = z.object({
  ...listQueryFields,
  order: z.enum(["asc", "desc"]).default("asc"),
  orderby: z.enum(["id", "order", "priority"]).default("order"),
  class: z.string().optional(),
});

export function registerCatalogMiscRoutes(app: FastifyInstance, context: AppContext): void {
  registerTermRoutes(app, context);
  registerTaxAndCurrencyRoutes(app, context);
  registerNamespaceIndex(app, "wc/v3");
}

/** Category and tag lists and single terms. */
function registerTermRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  for (const [path, taxonomy] of [
    ["categories", "product_cat"],
    ["tags", "product_tag"],
  ] as const) {
    routes.get(
      `/wp-json/wc/v3/products/${path}`,
      {
        preHandler: requireCapability(context, "read_catalog", "list"),
        schema: { querystring: termListQuery },
      },
      async (request, reply) => {
        const query = request.query;
        let select = db.selectFrom("terms").selectAll().where("taxonomy", "=", taxonomy);
        if (query.parent !== undefined) select = select.where("parent_id", "=", query.parent);
        const search = query.search;
        if (search) select = select.where(() => containsIgnoringCase("name", search));
        let column: "id" | "slug" | "name" = "name";
        if (query.orderby === "id" || query.orderby === "slug") column = query.orderby;
        const allRows = await select.orderBy(column, query.order).orderBy("id").execute();
        const counts = await countProductsPerTerm(
          db,
          allRows.map((row) => row.id),
        );
        const rows = query.hide_empty
          ? allRows.filter((row) => (counts.get(row.id) ?? 0) > 0)
          : allRows;
        const offset = query.offset ?? (query.page - 1) * query.per_page;
        setPagingHeaders(request, reply, {
          total: rows.length,
          page: query.page,
          perPage: query.per_page,
        });
        const baseUrl = requestBaseUrl(request);
        return rows
          .slice(offset, offset + query.per_page)
          .map((row) => filterFields(termWire(row, counts, baseUrl, path), query._fields));
      },
    );

    routes.get(
      `/wp-json/wc/v3/products/${path}/:id`,
      {
        preHandler: requireCapability(context, "read_catalog", "view"),
        schema: { params: z.object({ id: z.coerce.number().int().min(0) }) },
      },
      async (request) => {
        const row = await db
          .selectFrom("terms")
          .selectAll()
          .where("taxonomy", "=", taxonomy)
          .where("id", "=", request.params.id)
          .executeTakeFirst();
        if (row === undefined) {
          throw new WooError(404, "woocommerce_rest_term_invalid", "Resource does not exist.");
        }
        const counts = await countProductsPerTerm(db, [row.id]);
        return termWire(row, counts, requestBaseUrl(request), path);
      },
    );
  }
}

/** Tax rates and the store currency. */
function registerTaxAndCurrencyRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  routes.get(
    "/wp-json/wc/v3/taxes",
    {
      preHandler: requireCapability(context, "read_catalog", "list"),
      schema: { querystring: taxListQuery },
    },
    async (request, reply) => {
      const query = request.query;
      let rows = await listTaxRateRows(db);
      if (query.class !== undefined) rows = rows.filter((row) => row.tax_class === query.class);
      const offset = query.offset ?? (query.page - 1) * query.per_page;
      setPagingHeaders(request, reply, {
        total: rows.length,
        page: query.page,
        perPage: query.per_page,
      });
      const baseUrl = requestBaseUrl(request);
      return rows
        .slice(offset, offset + query.per_page)
        .map((row) => filterFields(taxRateWire(row, baseUrl), query._fields));
    },
  );

  routes.get(
    "/wp-json/wc/v3/taxes/:id",
    {
      preHandler: requireCapability(context, "read_catalog", "view"),
      schema: { params: z.object({ id: z.coerce.number().int().min(0) }) },
    },
    async (request) => {
      const row = (await listTaxRateRows(db)).find((rate) => rate.id === request.params.id);
      if (row === undefined) throw notFoundError("woocommerce_rest_invalid_id");
      return taxRateWire(row, requestBaseUrl(request));
    },
  );

  routes.get(
    "/wp-json/wc/v3/data/currencies/current",
    { preHandler: requireCapability(context, "read_catalog", "view") },
    async (request) => {
      const settings = await readStoreSettings(db);
      const currency = describeCurrency(settings.currency);
      const baseUrl = requestBaseUrl(request);
      return {
        code: currency.code,
        name: currency.name,
        symbol: currency.entity,
        _links: {
          self: [{ href: `${baseUrl}/wp-json/wc/v3/data/currencies/${currency.code}` }],
          collection: [{ href: `${baseUrl}/wp-json/wc/v3/data/currencies` }],
        },
      };
    },
  );
}

export function termWire(
  row: TermRow,
  counts: ReadonlyMap<number, number>,
  baseUrl: string,
  path: string,
) {
  const base = { id: row.id, name: row.name, slug: row.slug };
  const links = {
    self: [{ href: `${baseUrl}/wp-json/wc/v3/products/${path}/${row.id}` }],
    collection: [{ href: `${baseUrl}/wp-json/wc/v3/products/${path}` }],
    ...(row.parent_id > 0
      ? { up: [{ href: `${baseUrl}/wp-json/wc/v3/products/${path}/${row.parent_id}` }] }
      : {}),
  };
  if (path === "tags") {
    return { ...base, description: row.description, count: counts.get(row.id) ?? 0, _links: links };
  }
  return {
    ...base,
    parent: row.parent_id,
    description: row.description,
    display: "default",
    image: null,
    menu_order: row.menu_order,
    count: counts.get(row.id) ?? 0,
    _links: links,
  };
}
