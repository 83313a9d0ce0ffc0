import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { findTokenUser } from "../../auth/token-store.js";
import {
  findSessionOfToken,
  listDeviceSessions,
  revokeDeviceSession,
  type DeviceSessionView,
} from "../../auth/device-session-store.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";

const listQuery = z.object({
  user: z.coerce.number().int().positive().optional(),
  include_closed: z.enum(["true", "false"]).optional(),
});
const sessionParams = z.object({ id: z.string().min(1).max(100) });
const logoutBody = z.object({ refresh_token: z.string().min(1).max(200) });

/** Routes of signed-in devices: a manager lists and revokes them; a till logs itself out. */
export function registerDeviceSessionRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/wp-json/pos/v1/sessions",
    {
      schema: { querystring: listQuery },
      preHandler: requireCapability(context, "manage_staff", "list"),
    },
    async (request) => {
      const sessions = await listDeviceSessions(context.store.db, {
        now: context.now(),
        ...(request.query.user === undefined ? {} : { userId: request.query.user }),
        includeClosed: request.query.include_closed === "true",
      });
      return { sessions: sessions.map(sessionWire) };
    },
  );

  routes.delete(
    "/wp-json/pos/v1/sessions/:id",
    {
      schema: { params: sessionParams },
      preHandler: requireCapability(context, "manage_staff", "delete"),
    },
    async (request) => {
      const { id } = request.params;
      const revoked = await revokeDeviceSession(context.store.db, id, context.now());
      if (!revoked) {
        throw new WooError(
          404,
          "pos_session_not_found",
          `No open session has id "${id}"; list the open sessions and pick one of them.`,
        );
      }
      request.log.info({ sessionId: id, by: request.user?.id }, "session revoked");
      return { id, revoked: true };
    },
  );

  routes.post("/wp-json/pos/v1/auth/logout", { schema: { body: logoutBody } }, async (request) => {
    const token = request.body.refresh_token;
    const nowMs = context.now().getTime();
    const user = await findTokenUser(context.store.db, token, "refresh", nowMs);
    const session =
      user === undefined ? undefined : await findSessionOfToken(context.store.db, token);
    if (session === undefined) {
      throw new WooError(
        401,
        "pos_invalid_refresh_token",
        "The refresh token is invalid, expired or already used; the session is already closed.",
      );
    }
    await revokeDeviceSession(context.store.db, session.id, context.now());
    request.log.info({ sessionId: session.id, userId: session.user_id }, "logged out");
    return { id: session.id, revoked: true };
  });
}

function sessionWire(session: DeviceSessionView) {
  return {
    id: session.id,
    user: { id: session.userId, username: session.username, display_name: session.displayName },
    register: session.register,
    register_name: session.registerName,
    device: session.device,
    created_gmt: session.createdGmt,
    last_used_gmt: session.lastUsedGmt,
    expires_at: session.expiresAt,
    revoked_gmt: session.revokedGmt,
  };
}
