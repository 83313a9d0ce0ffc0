import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { pinProblem } from "../../auth/pin-hash.js";
import {
  attemptUserPin,
  listCashierRecords,
  maxPinFailures,
  setUserPin,
  unlockUserPin,
} from "../../auth/pin-store.js";
import { withDeviceSessionTables } from "../../auth/device-session-schema.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";

const userParams = z.object({ id: z.coerce.number().int().positive() });
const pinBody = z.object({ pin: z.string().max(100) });

/**
 * Staff PINs for switching cashiers on a shared register. The till reads every PIN hash with
 * `GET cashiers` and checks PINs itself, so switching works offline.
 */
export function registerCashierRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/wp-json/pos/v1/cashiers",
    { preHandler: requireCapability(context, "create_orders", "list") },
    async () => ({
      max_failures: maxPinFailures,
      cashiers: await listCashierRecords(context.store.db),
    }),
  );

  routes.put(
    "/wp-json/pos/v1/users/:id/pin",
    {
      schema: { params: userParams, body: pinBody },
      preHandler: requireCapability(context, "manage_staff", "edit"),
    },
    async (request) => {
      const userId = await existingUserId(context, request.params.id);
      const problem = pinProblem(request.body.pin);
      if (problem !== null) throw invalidParamError("pin", problem);
      await setUserPin(context.store.db, userId, request.body.pin, context.now());
      request.log.info({ userId, by: request.user?.id }, "PIN set");
      return { user_id: userId, pin_set: true, locked: false };
    },
  );

  routes.post(
    "/wp-json/pos/v1/users/:id/pin/unlock",
    {
      schema: { params: userParams },
      preHandler: requireCapability(context, "manage_staff", "edit"),
    },
    async (request) => {
      const userId = await existingUserId(context, request.params.id);
      if (!(await unlockUserPin(context.store.db, userId, context.now()))) throw noPinError(userId);
      request.log.info({ userId, by: request.user?.id }, "PIN unlocked");
      return { user_id: userId, locked: false };
    },
  );

  routes.post(
    "/wp-json/pos/v1/users/:id/pin/verify",
    {
      schema: { params: userParams, body: pinBody },
      preHandler: requireCapability(context, "create_orders", "create"),
    },
    async (request) => {
      const userId = await existingUserId(context, request.params.id);
      const attempt = await attemptUserPin(context.store.db, userId, request.body.pin);
      switch (attempt.outcome) {
        case "accepted":
          return { user_id: userId, verified: true };
        case "no-pin":
          throw noPinError(userId);
        case "locked":
          throw new WooError(
            423,
            "pos_pin_locked",
            `User ${userId} is locked after ${maxPinFailures} wrong PINs; a manager must unlock them.`,
          );
        case "rejected":
          throw new WooError(403, "pos_pin_incorrect", "The PIN is incorrect.", {
            attempts_left: attempt.attemptsLeft,
          });
      }
    },
  );
}

async function existingUserId(context: AppContext, id: number): Promise<number> {
  const user = await withDeviceSessionTables(context.store.db)
    .selectFrom("users")
    .select("id")
    .where("id", "=", id)
    .executeTakeFirst();
  if (user === undefined)
    throw new WooError(404, "pos_user_not_found", `No staff user has id ${id}.`);
  return user.id;
}

function noPinError(userId: number): WooError {
  return new WooError(
    404,
    "pos_pin_not_set",
    `User ${userId} has no PIN; a manager must set one first.`,
  );
}
