import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import {
  attributeSettings,
  attributeTermWire,
  attributeWire,
  countAttributeTermUse,
  findAttribute,
} from "../../catalog/attribute-store.js";
import { slugify } from "../../catalog/slugify.js";
import { insertTerm } from "../../catalog/term-store.js";
import type { Taxonomy, TermRow } from "../../catalog/term-store.js";
import { writeTransaction } from "../../db/change-journal.js";
import { listQueryFields, queryBoolean } from "../../http/list-query.js";
import { setPagingHeaders } from "../../http/paging.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";
import { exclusiveLockKeys, lockForTransaction } from "../../db/exclusive-lock.js";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../../db/database-schema.js";

const attributeBody = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().max(28).optional(),
  type: z.enum(["select"]).optional(),
  order_by: z.enum(["menu_order", "name", "name_num", "id"]).optional(),
  has_archives: z.boolean().optional(),
});
const termBody = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  menu_order: z.number().int().optional(),
});
const idParams = z.object({ id: z.coerce.number().int().min(1) });
const termParams = z.object({
  attribute_id: z.coerce.number().int().min(1),
  id: z.coerce.number().int().min(1),
});
const forceQuery = z.object({ force: queryBoolean.optional() });
const termListQuery = z.object({
  ...listQueryFields,
  hide_empty: queryBoolean.default(false),
});

/** Global product attributes (`products/attributes`) and their terms, with WooCommerce's CRUD. */
export function registerAttributeRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const base = "/wp-json/wc/v3/products/attributes";
  const read = (action: "list" | "view") => requireCapability(context, "read_catalog", action);
  const edit = (action: "create" | "edit" | "delete") =>
    requireCapability(context, "edit_catalog", action);

  routes.get(base, { preHandler: read("list") }, async (request) => {
    const rows = await db
      .selectFrom("terms")
      .selectAll()
      .where("taxonomy", "=", "pa")
      .orderBy("id")
      .execute();
    return rows.map((row) => attributeWire(row, requestBaseUrl(request)));
  });
  routes.get(
    `${base}/:id`,
    { preHandler: read("view"), schema: { params: idParams } },
    async (request) =>
      attributeWire(await findAttribute(db, request.params.id), requestBaseUrl(request)),
  );
  routes.post(
    base,
    { preHandler: edit("create"), schema: { body: attributeBody } },
    async (request, reply) => {
      const body = request.body;
      const slug = slugify(body.slug?.replace(/^pa_/, "") || body.name);
      await rejectTakenAttributeSlug(context, slug, 0);
      const id = await writeTransaction(db, (trx) =>
        insertTerm(trx, {
          taxonomy: "pa",
          name: body.name,
          slug,
          parentId: 0,
          description: JSON.stringify(settingsOf(body)),
          menuOrder: 0,
        }),
      );
      reply.status(201);
      return attributeWire(await findAttribute(db, id), requestBaseUrl(request));
    },
  );
  for (const method of ["PUT", "PATCH", "POST"] as const) {
    routes.route({
      method,
      url: `${base}/:id`,
      preHandler: edit("edit"),
      schema: { params: idParams, body: attributeBody.partial() },
      handler: async (request) => {
        const row = await findAttribute(db, request.params.id);
        const body = request.body;
        const slug = body.slug === undefined ? row.slug : slugify(body.slug.replace(/^pa_/, ""));
        await rejectTakenAttributeSlug(context, slug, row.id);
        await writeTransaction(db, (trx) =>
          trx
            .updateTable("terms")
            .set({
              name: body.name ?? row.name,
              slug,
              description: JSON.stringify({ ...attributeSettings(row), ...settingsOf(body) }),
            })
            .where("id", "=", row.id)
            .execute(),
        );
        return attributeWire(await findAttribute(db, row.id), requestBaseUrl(request));
      },
    });
  }
  routes.delete(
    `${base}/:id`,
    { preHandler: edit("delete"), schema: { params: idParams, querystring: forceQuery } },
    async (request) => {
      requireForce(request.query.force);
      const row = await findAttribute(db, request.params.id);
      await writeTransaction(db, (trx) =>
        trx
          .deleteFrom("terms")
          .where((eb) => eb.or([eb("id", "=", row.id), eb("taxonomy", "=", `pa_${row.id}`)]))
          .execute(),
      );
      return attributeWire(row, requestBaseUrl(request));
    },
  );
  registerAttributeTermRoutes(app, context);

  function settingsOf(body: Partial<z.infer<typeof attributeBody>>) {
    return Object.fromEntries(
      Object.entries({
        type: body.type,
        order_by: body.order_by,
        has_archives: body.has_archives,
      }).filter(([, value]) => value !== undefined),
    );
  }
}

function registerAttributeTermRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const base = "/wp-json/wc/v3/products/attributes/:attribute_id/terms";
  const attributeParams = z.object({ attribute_id: z.coerce.number().int().min(1) });
  const taxonomyOf = (attributeId: number): Taxonomy => `pa_${attributeId}`;
  const wire = async (row: TermRow, attributeId: number, baseUrl: string) => {
    const counts = await countAttributeTermUse(db, attributeId, [row]);
    return attributeTermWire(row, attributeId, counts.get(row.id) ?? 0, baseUrl);
  };
  const findTerm = async (attributeId: number, id: number) => {
    await findAttribute(db, attributeId);
    const row = await db
      .selectFrom("terms")
      .selectAll()
      .where("taxonomy", "=", taxonomyOf(attributeId))
      .where("id", "=", id)
      .executeTakeFirst();
    if (row === undefined) {
      throw new WooError(404, "woocommerce_rest_term_invalid", "Resource does not exist.");
    }
    return row;
  };

  routes.get(
    base,
    {
      preHandler: requireCapability(context, "read_catalog", "list"),
      schema: { params: attributeParams, querystring: termListQuery },
    },
    async (request, reply) => {
      const attributeId = request.params.attribute_id;
      await findAttribute(db, attributeId);
      const rows = await db
        .selectFrom("terms")
        .selectAll()
        .where("taxonomy", "=", taxonomyOf(attributeId))
        .orderBy("name")
        .orderBy("id")
        .execute();
      const query = request.query;
      const offset = query.offset ?? (query.page - 1) * query.per_page;
      // Counting every term costs one scan of the attribute's products, so only hide_empty does.
      const allCounts = query.hide_empty
        ? await countAttributeTermUse(db, attributeId, rows)
        : null;
      const listed =
        allCounts === null ? rows : rows.filter((row) => (allCounts.get(row.id) ?? 0) > 0);
      setPagingHeaders(request, reply, {
        total: listed.length,
        page: query.page,
        perPage: query.per_page,
      });
      const page = listed.slice(offset, offset + query.per_page);
      const counts = allCounts ?? (await countAttributeTermUse(db, attributeId, page));
      const baseUrl = requestBaseUrl(request);
      return page.map((row) =>
        attributeTermWire(row, attributeId, counts.get(row.id) ?? 0, baseUrl),
      );
    },
  );
  routes.get(
    `${base}/:id`,
    {
      preHandler: requireCapability(context, "read_catalog", "view"),
      schema: { params: termParams },
    },
    async (request) => {
      const { attribute_id: attributeId, id } = request.params;
      return wire(await findTerm(attributeId, id), attributeId, requestBaseUrl(request));
    },
  );
  routes.post(
    base,
    {
      preHandler: requireCapability(context, "edit_catalog", "create"),
      schema: { params: attributeParams, body: termBody },
    },
    async (request, reply) => {
      const attributeId = request.params.attribute_id;
      await findAttribute(db, attributeId);
      const body = request.body;
      const id = await writeTransaction(db, async (trx) => {
        await lockForTransaction(trx, context.store.dialect, exclusiveLockKeys.termWrite);
        await rejectTakenTermName(context, taxonomyOf(attributeId), body.name, 0, 0, trx);
        return insertTerm(trx, {
          taxonomy: taxonomyOf(attributeId),
          name: body.name,
          slug: body.slug ?? "",
          parentId: 0,
          description: body.description ?? "",
          menuOrder: body.menu_order ?? 0,
        });
      });
      reply.status(201);
      return wire(await findTerm(attributeId, id), attributeId, requestBaseUrl(request));
    },
  );
  for (const method of ["PUT", "PATCH", "POST"] as const) {
    routes.route({
      method,
      url: `${base}/:id`,
      preHandler: requireCapability(context, "edit_catalog", "edit"),
      schema: { params: termParams, body: termBody.partial() },
      handler: async (request) => {
        const { attribute_id: attributeId, id } = request.params;
        const row = await findTerm(attributeId, id);
        const body = request.body;
        if (body.name !== undefined) {
          await rejectTakenTermName(context, taxonomyOf(attributeId), body.name, row.id);
        }
        await writeTransaction(db, (trx) =>
          trx
            .updateTable("terms")
            .set({
              name: body.name ?? row.name,
              slug: body.slug === undefined ? row.slug : slugify(body.slug),
              description: body.description ?? row.description,
              menu_order: body.menu_order ?? row.menu_order,
            })
            .where("id", "=", row.id)
            .execute(),
        );
        return wire(await findTerm(attributeId, id), attributeId, requestBaseUrl(request));
      },
    });
  }
  routes.delete(
    `${base}/:id`,
    {
      preHandler: requireCapability(context, "edit_catalog", "delete"),
      schema: { params: termParams, querystring: forceQuery },
    },
    async (request) => {
      requireForce(request.query.force);
      const { attribute_id: attributeId, id } = request.params;
      const row = await findTerm(attributeId, id);
      const shown = await wire(row, attributeId, requestBaseUrl(request));
      await writeTransaction(db, (trx) =>
        trx.deleteFrom("terms").where("id", "=", row.id).execute(),
      );
      return shown;
    },
  );
}

/** WooCommerce deletes attributes and terms only with `force=true`; they have no trash. */
export function requireForce(force: boolean | undefined): void {
  if (force !== true) {
    throw new WooError(
      501,
      "woocommerce_rest_trash_not_supported",
      "Resource does not support trashing. Send force=true to delete it.",
    );
  }
}

async function rejectTakenAttributeSlug(context: AppContext, slug: string, ownId: number) {
  const taken = await context.store.db
    .selectFrom("terms")
    .select("id")
    .where("taxonomy", "=", "pa")
    .where("slug", "=", slug)
    .where("id", "!=", ownId)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new WooError(
      400,
      "woocommerce_rest_cannot_create",
      `Slug "pa_${slug}" is already in use by attribute ${taken.id}. Change it.`,
    );
  }
}

export async function rejectTakenTermName(
  context: AppContext,
  taxonomy: Taxonomy,
  name: string,
  ownId: number,
  parentId = 0,
  db: Kysely<DatabaseSchema> = context.store.db,
) {
  const taken = await db
    .selectFrom("terms")
    .select("id")
    .where("taxonomy", "=", taxonomy)
    .where("name", "=", name)
    .where("parent_id", "=", parentId)
    .where("id", "!=", ownId)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new WooError(
      400,
      "term_exists",
      `A term with the name "${name}" already exists under this parent (term ${taken.id}).`,
      { status: 400, resource_id: taken.id },
    );
  }
}
