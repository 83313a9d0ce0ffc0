import { computeZReport } from "@pos/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";
import { loadReportOrders } from "../../reports/load-report-orders.js";
import { tillSessionBody, toTillSession } from "../../till-sessions/till-session-input.js";
import {
  findTillSession,
  listTillSessions,
  saveTillSession,
} from "../../till-sessions/till-session-store.js";

const idParams = z.object({ id: z.string().min(1).max(100) });
const listQuery = z.object({
  register: z.string().min(1).max(100).optional(),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  page: z.coerce.number().int().min(1).default(1),
});

const sessionNotFound = (id: string) =>
  new WooError(404, "pos_till_session_not_found", `No till session with id "${id}" is stored.`);

/**
 * Till sessions uploaded by the registers' outboxes. `PUT` is idempotent by session id, so a
 * resend after a lost reply stores nothing twice.
 */
export function registerTillCashSessionRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.put(
    "/wp-json/pos/v1/till-sessions/:id",
    {
      preHandler: requireCapability(context, "create_orders", "create"),
      schema: { params: idParams, body: tillSessionBody },
    },
    async (request, reply) => {
      if (request.body.id !== request.params.id) {
        throw new WooError(
          400,
          "pos_till_session_id_mismatch",
          `The body's id "${request.body.id}" differs from the URL's "${request.params.id}"; ` +
            `send the session to its own URL.`,
        );
      }
      const session = toTillSession(request.body);
      const outcome = await saveTillSession(context.store, session, context.now());
      request.log.info({ tillSessionId: session.id, outcome }, "till session stored");
      reply.status(outcome === "created" ? 201 : 200);
      return session;
    },
  );

  routes.get(
    "/wp-json/pos/v1/till-sessions",
    {
      preHandler: requireCapability(context, "read_orders", "list"),
      schema: { querystring: listQuery },
    },
    async (request, reply) => {
      const { register, per_page: perPage, page } = request.query;
      const { sessions, total } = await listTillSessions(context.store.db, {
        registerId: register,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      reply.header("X-WP-Total", String(total));
      reply.header("X-WP-TotalPages", String(Math.ceil(total / perPage)));
      return sessions;
    },
  );

  routes.get(
    "/wp-json/pos/v1/till-sessions/:id",
    {
      preHandler: requireCapability(context, "read_orders", "view"),
      schema: { params: idParams },
    },
    async (request) => {
      const session = await findTillSession(context.store.db, request.params.id);
      if (session === undefined) throw sessionNotFound(request.params.id);
      return session;
    },
  );

  routes.get(
    "/wp-json/pos/v1/till-sessions/:id/z-report",
    {
      preHandler: requireCapability(context, "read_orders", "view"),
      schema: { params: idParams },
    },
    async (request) => {
      const session = await findTillSession(context.store.db, request.params.id);
      if (session === undefined) throw sessionNotFound(request.params.id);
      if (session.closedAtGmt === null) {
        throw new WooError(
          409,
          "pos_till_session_open",
          `Till session ${session.id} is still open; close it on its register first.`,
        );
      }
      const orders = await loadReportOrders(
        context,
        {
          startUtc: new Date(session.openedAtGmt),
          endUtc: new Date(Date.parse(session.closedAtGmt) + 1000),
        },
        request.log,
      );
      return computeZReport(session, orders);
    },
  );
}
