import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { slugify } from "../../catalog/slugify.js";
import { countProductsPerTerm, insertTerm } from "../../catalog/term-store.js";
import type { TermRow } from "../../catalog/term-store.js";
import { appendChange, writeTransaction } from "../../db/change-journal.js";
import { queryBoolean } from "../../http/list-query.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";
import { termWire } from "./catalog-misc-routes.js";
import { rejectTakenTermName, requireForce } from "./attribute-routes.js";
import { exclusiveLockKeys, lockForTransaction } from "../../db/exclusive-lock.js";

type Db = AppContext["store"]["db"];

const termBody = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().max(200).optional(),
  parent: z.number().int().min(0).optional(),
  description: z.string().max(10_000).optional(),
  menu_order: z.number().int().optional(),
});
const idParams = z.object({ id: z.coerce.number().int().min(1) });

/** Creates, updates and deletes categories and tags (`products/categories`, `products/tags`). */
export function registerTermWriteRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  for (const [path, taxonomy, collection] of [
    ["categories", "product_cat", "categories"],
    ["tags", "product_tag", "tags"],
  ] as const) {
    const base = `/wp-json/wc/v3/products/${path}`;
    const find = async (id: number): Promise<TermRow> => {
      const row = await db
        .selectFrom("terms")
        .selectAll()
        .where("taxonomy", "=", taxonomy)
        .where("id", "=", id)
        .executeTakeFirst();
      if (row === undefined) {
        throw new WooError(404, "woocommerce_rest_term_invalid", `Resource ${id} does not exist.`);
      }
      return row;
    };
    const wire = async (row: TermRow, baseUrl: string) =>
      termWire(row, await countProductsPerTerm(db, [row.id]), baseUrl, path);
    const checkParent = async (parent: number | undefined) => {
      if (taxonomy === "product_cat" && parent !== undefined && parent > 0) await find(parent);
    };

    routes.post(
      base,
      {
        preHandler: requireCapability(context, "edit_catalog", "create"),
        schema: { body: termBody },
      },
      async (request, reply) => {
        const body = request.body;
        const parentId = taxonomy === "product_cat" ? (body.parent ?? 0) : 0;
        await checkParent(parentId);
        const id = await writeTransaction(db, async (trx) => {
          // Two requests for one name must not both pass the check before either writes.
          await lockForTransaction(trx, context.store.dialect, exclusiveLockKeys.termWrite);
          await rejectTakenTermName(context, taxonomy, body.name, 0, parentId, trx);
          return insertTerm(trx, {
            taxonomy,
            name: body.name,
            slug: body.slug ?? "",
            parentId,
            description: body.description ?? "",
            menuOrder: body.menu_order ?? 0,
          });
        });
        reply.status(201);
        return wire(await find(id), requestBaseUrl(request));
      },
    );
    for (const method of ["PUT", "PATCH", "POST"] as const) {
      routes.route({
        method,
        url: `${base}/:id`,
        preHandler: requireCapability(context, "edit_catalog", "edit"),
        schema: { params: idParams, body: termBody.partial() },
        handler: async (request) => {
          const row = await find(request.params.id);
          const body = request.body;
          const parentId = taxonomy === "product_cat" ? (body.parent ?? row.parent_id) : 0;
          if (parentId === row.id) {
            throw new WooError(
              400,
              "woocommerce_rest_term_invalid",
              "A term cannot be its own parent.",
            );
          }
          await checkParent(parentId);
          await writeTransaction(db, async (trx) => {
            // Two parent changes checked side by side could each pass and form a loop together.
            await lockForTransaction(trx, context.store.dialect, exclusiveLockKeys.termWrite);
            if (parentId !== row.parent_id) await rejectCategoryLoop(trx, row.id, parentId);
            const name = body.name ?? row.name;
            await rejectTakenTermName(context, taxonomy, name, row.id, parentId, trx);
            await trx
              .updateTable("terms")
              .set({
                name: body.name ?? row.name,
                slug: body.slug === undefined ? row.slug : slugify(body.slug),
                parent_id: parentId,
                description: body.description ?? row.description,
                menu_order: body.menu_order ?? row.menu_order,
              })
              .where("id", "=", row.id)
              .execute();
            appendChange(trx, collection, row.id);
          });
          return wire(await find(row.id), requestBaseUrl(request));
        },
      });
    }
    routes.delete(
      `${base}/:id`,
      {
        preHandler: requireCapability(context, "edit_catalog", "delete"),
        schema: { params: idParams, querystring: z.object({ force: queryBoolean.optional() }) },
      },
      async (request) => {
        requireForce(request.query.force);
        const row = await find(request.params.id);
        const shown = await wire(row, requestBaseUrl(request));
        await writeTransaction(db, async (trx) => {
          const products = await trx
            .selectFrom("product_terms")
            .select("product_id")
            .where("term_id", "=", row.id)
            .execute();
          await trx.deleteFrom("product_terms").where("term_id", "=", row.id).execute();
          await trx
            .updateTable("terms")
            .set({ parent_id: row.parent_id })
            .where("taxonomy", "=", taxonomy)
            .where("parent_id", "=", row.id)
            .execute();
          await trx.deleteFrom("terms").where("id", "=", row.id).execute();
          appendChange(trx, collection, row.id, true);
          for (const { product_id: productId } of products)
            appendChange(trx, "products", productId);
        });
        return shown;
      },
    );
  }
}

/**
 * Rejects a parent that lies below the category itself, which would make a loop. WordPress
 * instead accepts it and breaks the loop by moving the other category to the top level.
 */
async function rejectCategoryLoop(db: Db, categoryId: number, parentId: number): Promise<void> {
  const seen = new Set<number>();
  for (let ancestor = parentId; ancestor > 0 && !seen.has(ancestor);) {
    if (ancestor === categoryId) {
      throw new WooError(
        400,
        "woocommerce_rest_term_invalid",
        `Category ${parentId} cannot be the parent of category ${categoryId}, because it is ` +
          `below category ${categoryId}. Choose a parent outside that branch.`,
        { params: { parent: parentId } },
      );
    }
    seen.add(ancestor);
    const row = await db
      .selectFrom("terms")
      .select("parent_id")
      .where("id", "=", ancestor)
      .executeTakeFirst();
    ancestor = row?.parent_id ?? 0;
  }
}
