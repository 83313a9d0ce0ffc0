import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { requireCapability } from "../../http/require-capability.js";

const activateBody = z.object({ licence_key: z.string().min(1).max(200) });

/** Registers the licence routes: the till reads the licence, and a manager activates a key. */
export function registerLicenceRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/wp-json/pos/v1/licence",
    { preHandler: requireCapability(context, "read_catalog", "view") },
    () => context.licence.summary(),
  );

  routes.post(
    "/wp-json/pos/v1/licence/activate",
    {
      schema: { body: activateBody },
      preHandler: requireCapability(context, "manage_staff", "edit"),
    },
    async (request) => {
      const check = await context.licence.activate(request.body.licence_key);
      request.log.info({ status: check.status, by: request.user?.id }, "licence activated");
      return context.licence.summary();
    },
  );
}
