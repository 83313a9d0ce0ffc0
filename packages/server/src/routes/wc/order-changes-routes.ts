import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { writeTransaction } from "../../db/change-journal.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";
import { orderUpdateBody } from "../../orders/order-input.js";
import { refundCreateBody } from "../../orders/refund-input.js";
import { createRefund } from "../../orders/refund-order.js";
import { refundKeyOf } from "../../orders/refund-keys.js";
import { refundWire } from "../../orders/refund-wire.js";
import { parseStoredOrder } from "../../orders/stored-order.js";
import { lockOrder, orderNotFound, updateOrder } from "../../orders/update-order.js";
import { restoreReducedStock } from "../../orders/restore-stock.js";
import { readStoreSettings } from "../../store/store-settings.js";
import { gmtToLocalDateString, toGmtDateString } from "../../time/wp-date.js";
import { findOrderRow, sendOrder } from "./orders-routes.js";

const idParams = z.object({ id: z.coerce.number().int().min(0) });
const orderParams = z.object({ order_id: z.coerce.number().int().min(0) });
const refundParams = z.object({
  order_id: z.coerce.number().int().min(0),
  id: z.coerce.number().int().min(0),
});
const noteBody = z.object({
  note: z.string().min(1).max(10000),
  customer_note: z.boolean().default(false),
});

/** Order updates and deletion. */
export function registerOrderChangeRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const existingOrder = (id: number) => findLiveOrder(context, id);

  for (const method of ["PUT", "PATCH", "POST"] as const) {
    routes.route({
      method,
      url: "/wp-json/wc/v3/orders/:id",
      preHandler: requireCapability(context, "edit_orders", "edit"),
      schema: { params: idParams, body: orderUpdateBody },
      handler: async (request) => {
        await updateOrder(context, request.params.id, request.body);
        request.log.info(
          { orderId: request.params.id, status: request.body.status },
          "order updated",
        );
        return sendOrder(context, await existingOrder(request.params.id), requestBaseUrl(request));
      },
    });
  }

  routes.delete(
    "/wp-json/wc/v3/orders/:id",
    {
      preHandler: requireCapability(context, "edit_orders", "delete"),
      schema: {
        params: idParams,
        querystring: z.object({ force: z.enum(["true", "false", "1", "0"]).optional() }),
      },
    },
    async (request) => {
      const force = request.query.force === "true" || request.query.force === "1";
      const found = await findOrderRow(context, request.params.id);
      if (found === undefined || (found.status === "trash" && !force)) throw orderNotFound();
      const wired = await sendOrder(context, found, requestBaseUrl(request));
      await writeTransaction(db, async (trx) => {
        const row = await lockOrder(trx, context, request.params.id, force);
        const order = parseStoredOrder(row.details);
        const nowGmt = toGmtDateString(context.now());
        if (order.stock_reduced && !["completed", "refunded"].includes(order.status)) {
          // Only the units still taken from stock go back: a restocking refund returned the rest.
          order.line_items = await restoreReducedStock(trx, order.line_items, nowGmt);
        }
        if (force) {
          await trx.deleteFrom("refunds").where("order_id", "=", row.id).execute();
          await trx.deleteFrom("orders").where("id", "=", row.id).execute();
        } else {
          const next = {
            ...order,
            status: "trash",
            stock_reduced: false,
            date_modified_gmt: nowGmt,
          };
          await trx
            .updateTable("orders")
            .set({ status: "trash", details: JSON.stringify(next) })
            .where("id", "=", row.id)
            .execute();
        }
      });
      request.log.info({ orderId: request.params.id, force }, "order deleted");
      return force ? wired : { ...wired, status: "trash" };
    },
  );
  registerOrderNoteRoutes(app, context);
  registerOrderRefundRoutes(app, context);
}

/** Returns a live order (not trashed), or raises WooCommerce's 404. */
async function findLiveOrder(context: AppContext, id: number) {
  const row = await findOrderRow(context, id);
  if (row === undefined || row.status === "trash") throw orderNotFound();
  return row;
}

function registerOrderNoteRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const existingOrder = (id: number) => findLiveOrder(context, id);

  routes.get(
    "/wp-json/wc/v3/orders/:order_id/notes",
    {
      preHandler: requireCapability(context, "read_orders", "list"),
      schema: { params: orderParams },
    },
    async (request) => {
      const order = parseStoredOrder((await existingOrder(request.params.order_id)).details);
      const { timeZone } = await readStoreSettings(db);
      return [...order.notes]
        .reverse()
        .map((note) => noteWire(note, request.params.order_id, requestBaseUrl(request), timeZone));
    },
  );

  routes.post(
    "/wp-json/wc/v3/orders/:order_id/notes",
    {
      preHandler: requireCapability(context, "create_orders", "create"),
      schema: { params: orderParams, body: noteBody },
    },
    async (request, reply) => {
      const note = await writeTransaction(db, async (trx) => {
        const row = await lockOrder(trx, context, request.params.order_id);
        const order = parseStoredOrder(row.details);
        const added = {
          id: order.notes.reduce((max, known) => Math.max(max, known.id), 0) + 1,
          author: request.user?.display_name ?? "system",
          date_created_gmt: toGmtDateString(context.now()),
          note: request.body.note,
          customer_note: request.body.customer_note,
        };
        await trx
          .updateTable("orders")
          .set({ details: JSON.stringify({ ...order, notes: [...order.notes, added] }) })
          .where("id", "=", row.id)
          .execute();
        return added;
      });
      const { timeZone } = await readStoreSettings(db);
      reply.status(201);
      return noteWire(note, request.params.order_id, requestBaseUrl(request), timeZone);
    },
  );
}

function registerOrderRefundRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const existingOrder = (id: number) => findLiveOrder(context, id);

  routes.get(
    "/wp-json/wc/v3/orders/:order_id/refunds",
    {
      preHandler: requireCapability(context, "read_orders", "list"),
      schema: { params: orderParams },
    },
    async (request) => {
      const order = parseStoredOrder((await existingOrder(request.params.order_id)).details);
      const refunds = await db
        .selectFrom("refunds")
        .selectAll()
        .where("order_id", "=", request.params.order_id)
        .orderBy("id", "desc")
        .execute();
      const wire = {
        baseUrl: requestBaseUrl(request),
        timeZone: (await readStoreSettings(db)).timeZone,
      };
      return refunds.map((refund) => refundWire(refund, order, wire));
    },
  );

  routes.get(
    "/wp-json/wc/v3/orders/:order_id/refunds/:id",
    {
      preHandler: requireCapability(context, "read_orders", "view"),
      schema: { params: refundParams },
    },
    async (request) => {
      const order = parseStoredOrder((await existingOrder(request.params.order_id)).details);
      const refund = await db
        .selectFrom("refunds")
        .selectAll()
        .where("order_id", "=", request.params.order_id)
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (refund === undefined)
        throw new WooError(404, "woocommerce_rest_invalid_id", "Invalid ID.");
      return refundWire(refund, order, {
        baseUrl: requestBaseUrl(request),
        timeZone: (await readStoreSettings(db)).timeZone,
      });
    },
  );

  routes.post(
    "/wp-json/wc/v3/orders/:order_id/refunds",
    {
      preHandler: requireCapability(context, "refund_orders", "create"),
      schema: { params: orderParams, body: refundCreateBody },
    },
    async (request, reply) => {
      const orderId = request.params.order_id;
      const key = refundKeyOf(request.headers["idempotency-key"], request.body.meta_data);
      const { refundId, created } = await createRefund(
        context,
        orderId,
        request.body,
        request.user?.id ?? 0,
        key,
      );
      request.log.info(
        { orderId, refundId, created },
        created ? "refund created" : "refund repeat returned",
      );
      const order = parseStoredOrder((await existingOrder(orderId)).details);
      const refund = await db
        .selectFrom("refunds")
        .selectAll()
        .where("id", "=", refundId)
        .executeTakeFirstOrThrow();
      reply.status(created ? 201 : 200);
      return refundWire(refund, order, {
        baseUrl: requestBaseUrl(request),
        timeZone: (await readStoreSettings(db)).timeZone,
      });
    },
  );
}

function noteWire(
  note: {
    id: number;
    author: string;
    date_created_gmt: string;
    note: string;
    customer_note: boolean;
  },
  orderId: number,
  baseUrl: string,
  timeZone: string,
) {
  const base = `${baseUrl}/wp-json/wc/v3/orders/${orderId}/notes`;
  return {
    id: note.id,
    author: note.author,
    date_created: gmtToLocalDateString(note.date_created_gmt, timeZone),
    date_created_gmt: note.date_created_gmt,
    note: note.note,
    customer_note: note.customer_note,
    _links: {
      self: [{ href: `${base}/${note.id}` }],
      collection: [{ href: base }],
      up: [{ href: `${baseUrl}/wp-json/wc/v3/orders/${orderId}` }],
    },
  };
}
