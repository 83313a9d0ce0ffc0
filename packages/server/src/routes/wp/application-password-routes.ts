import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import {
  ApplicationPasswordError,
  chunkApplicationPassword,
  createApplicationPassword,
  deleteAllApplicationPasswords,
  deleteApplicationPassword,
  listApplicationPasswords,
  type ApplicationPasswordRow,
} from "../../auth/application-password-store.js";
import type { UserRow } from "../../auth/user-store.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";
import { toGmtDateString } from "../../time/wp-date.js";

const userParams = z.object({ id: z.coerce.number().int().min(1) });
const itemParams = userParams.extend({ uuid: z.uuid() });
const createBody = z.object({
  name: z.string().max(1000),
  app_id: z.uuid().optional(),
});

const base = "/wp-json/wp/v2/users/:id/application-passwords";

/**
 * Serves WordPress's application password routes under `wp/v2/users/{id}`: list, create,
 * read and delete one, and delete all. Only administrators may use them (`manage_store`),
 * where WordPress also lets each user manage their own.
 */
export function registerApplicationPasswordRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  routes.get(
    base,
    {
      schema: { params: userParams },
      preHandler: requireCapability(context, "manage_store", "list"),
    },
    async (request) => {
      const user = await findUser(context, request.params.id);
      return (await listApplicationPasswords(db, user.id)).map(itemWire);
    },
  );

  routes.post(
    base,
    {
      schema: { params: userParams, body: createBody },
      preHandler: requireCapability(context, "manage_store", "create"),
    },
    async (request, reply) => {
      const user = await findUser(context, request.params.id);
      const { name, app_id: appId } = request.body;
      try {
        const nowGmt = toGmtDateString(context.now());
        const input = { userId: user.id, name, ...(appId === undefined ? {} : { appId }) };
        const created = await createApplicationPassword(db, input, nowGmt);
        request.log.info(
          { userId: user.id, uuid: created.row.uuid, by: request.user?.id },
          "application password created",
        );
        reply.status(201);
        return { ...itemWire(created.row), password: chunkApplicationPassword(created.password) };
      } catch (error) {
        if (error instanceof ApplicationPasswordError) {
          throw new WooError(error.status, error.code, error.message);
        }
        throw error;
      }
    },
  );

  routes.delete(
    base,
    {
      schema: { params: userParams },
      preHandler: requireCapability(context, "manage_store", "delete"),
    },
    async (request) => {
      const user = await findUser(context, request.params.id);
      const count = await deleteAllApplicationPasswords(db, user.id);
      request.log.info({ userId: user.id, count }, "application passwords revoked");
      return { deleted: true, count };
    },
  );

  routes.get(
    `${base}/:uuid`,
    {
      schema: { params: itemParams },
      preHandler: requireCapability(context, "manage_store", "view"),
    },
    async (request) => {
      const user = await findUser(context, request.params.id);
      return itemWire(await findItem(context, user, request.params.uuid));
    },
  );

  routes.delete(
    `${base}/:uuid`,
    {
      schema: { params: itemParams },
      preHandler: requireCapability(context, "manage_store", "delete"),
    },
    async (request) => {
      const user = await findUser(context, request.params.id);
      const item = await findItem(context, user, request.params.uuid);
      await deleteApplicationPassword(db, user.id, item.uuid);
      request.log.info({ userId: user.id, uuid: item.uuid }, "application password revoked");
      return { deleted: true, previous: itemWire(item) };
    },
  );
}

async function findUser(context: AppContext, id: number): Promise<UserRow> {
  const user = await context.store.db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (user === undefined) throw new WooError(404, "rest_user_invalid_id", "Invalid user ID.");
  return user;
}

async function findItem(
  context: AppContext,
  user: UserRow,
  uuid: string,
): Promise<ApplicationPasswordRow> {
  const items = await listApplicationPasswords(context.store.db, user.id);
  const item = items.find((candidate) => candidate.uuid === uuid);
  if (item === undefined) {
    throw new WooError(
      404,
      "application_password_not_found",
      `Application password ${uuid} of user ${user.id} not found.`,
    );
  }
  return item;
}

/** Builds the REST form of an application password, without its hash. */
function itemWire(row: ApplicationPasswordRow) {
  return {
    uuid: row.uuid,
    app_id: row.app_id,
    name: row.name,
    created: row.created_gmt,
    last_used: row.last_used_gmt,
    last_ip: row.last_ip,
  };
}
