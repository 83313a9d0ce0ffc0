import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { filterFields } from "../../http/fields-filter.js";
import { listQueryFields, parseIdList } from "../../http/list-query.js";
import { setPagingHeaders } from "../../http/paging.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, notFoundError } from "../../http/woo-error.js";
import { registerOrderEmailRoutes } from "../../mail/order-email-routes.js";
import { createOrder } from "../../orders/create-order.js";
import { orderCreateBody, orderStatuses } from "../../orders/order-input.js";
import { orderWire } from "../../orders/order-wire.js";
import type { OrderRow } from "../../orders/order-wire.js";
import { readStoreSettings } from "../../store/store-settings.js";

const orderListQuery = z.object({
  ...listQueryFields,
  orderby: z.enum(["date", "id", "include", "title", "slug", "modified"]).default("date"),
  status: z.string().default("any"),
  customer: z.coerce.number().int().min(0).optional(),
});
const idParams = z.object({ id: z.coerce.number().int().min(0) });

export function registerOrderRoutes(app: FastifyInstance, context: AppContext): void {
  registerOrderCreateRoute(app, context);
  registerOrderReadRoutes(app, context);
  registerOrderEmailRoutes(app, context);
}

/**
 * Order creation, idempotent on the client UUID. A request for an order the till saved as open
 * (`pos-open`) replaces that order: saving it again, checking it out or voiding it.
 */
function registerOrderCreateRoute(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/wp-json/wc/v3/orders",
    {
      preHandler: requireCapability(context, "create_orders", "create"),
      schema: { body: orderCreateBody },
    },
    async (request, reply) => {
      const { row, created } = await createOrder(context, request.body);
      request.log.info(
        { orderId: row.id, clientUuid: row.client_uuid, created },
        created ? "order created" : "order repeat or open order update",
      );
      const baseUrl = requestBaseUrl(request);
      if (created)
        reply.status(201).header("Location", `${baseUrl}/wp-json/wc/v3/orders/${row.id}`);
      return sendOrder(context, row, baseUrl);
    },
  );
}

/** Single order and order list. */
function registerOrderReadRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  routes.get(
    "/wp-json/wc/v3/orders/:id",
    {
      preHandler: requireCapability(context, "read_orders", "view"),
      schema: { params: idParams, querystring: z.object({ _fields: z.string().optional() }) },
    },
    async (request) => {
      const row = await findOrderRow(context, request.params.id);
      if (row === undefined) throw notFoundError("woocommerce_rest_shop_order_invalid_id");
      return filterFields(
        await sendOrder(context, row, requestBaseUrl(request)),
        request.query._fields,
      );
    },
  );

  routes.get(
    "/wp-json/wc/v3/orders",
    {
      preHandler: requireCapability(context, "read_orders", "list"),
      schema: { querystring: orderListQuery },
    },
    async (request, reply) => {
      const query = request.query;
      const include = parseIdList(query.include);
      if (include === null)
        throw invalidParamError("include", "include[0] is not of type integer.");
      const statuses = query.status.split(",").map((status) => status.trim());
      const unknown = statuses.find(
        (status) =>
          status !== "any" &&
          status !== "trash" &&
          !(orderStatuses as readonly string[]).includes(status),
      );
      if (unknown !== undefined) {
        throw invalidParamError(
          "status",
          `status[0] is not one of any, ${orderStatuses.join(", ")}.`,
          "rest_not_in_enum",
        );
      }
      let select = db.selectFrom("orders");
      select = statuses.includes("any")
        ? select.where("status", "!=", "trash")
        : select.where("status", "in", statuses);
      if (include.length > 0) select = select.where("id", "in", include);
      if (query.customer !== undefined) select = select.where("customer_id", "=", query.customer);
      const counted = await select.select((eb) => eb.fn.countAll().as("count")).executeTakeFirst();
      const column =
        query.orderby === "id"
          ? "id"
          : query.orderby === "modified"
            ? "date_modified_gmt"
            : "date_created_gmt";
      const rows = await select
        .selectAll()
        .orderBy(column, query.order)
        .orderBy("id", query.order)
        .offset(query.offset ?? (query.page - 1) * query.per_page)
        .limit(query.per_page)
        .execute();
      setPagingHeaders(request, reply, {
        total: Number(counted?.count ?? 0),
        page: query.page,
        perPage: query.per_page,
      });
      const baseUrl = requestBaseUrl(request);
      const orders = [];
      for (const row of rows)
        orders.push(filterFields(await sendOrder(context, row, baseUrl), query._fields));
      return orders;
    },
  );
}

export function findOrderRow(context: AppContext, id: number): Promise<OrderRow | undefined> {
  return context.store.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function sendOrder(context: AppContext, row: OrderRow, baseUrl: string) {
  const refunds = await context.store.db
    .selectFrom("refunds")
    .selectAll()
    .where("order_id", "=", row.id)
    .orderBy("id", "desc")
    .execute();
  const { timeZone } = await readStoreSettings(context.store.db);
  return orderWire(row, refunds, { baseUrl, timeZone });
}
