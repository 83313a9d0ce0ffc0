import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { loadProductContext } from "../../catalog/product-context.js";
import { productInputSchema, variationInputSchema } from "../../catalog/product-input.js";
import { findProductRow } from "../../catalog/product-store.js";
import type { ProductRow } from "../../catalog/product-store.js";
import { productWire, variationWire } from "../../catalog/product-wire.js";
import {
  createProductFromInput,
  deleteProductById,
  invalidProductId,
  updateProductFromInput,
} from "../../catalog/product-writes.js";
import { requireCapability } from "../../http/require-capability.js";
import { toGmtDateString } from "../../time/wp-date.js";
import { registerProductBatchRoutes } from "./products-batch-routes.js";
import { wireContext } from "./products-read-routes.js";

const idParams = z.object({ id: z.coerce.number().int().min(0) });
const variationParams = z.object({
  product_id: z.coerce.number().int().min(0),
  id: z.coerce.number().int().min(0),
});
const parentParams = z.object({ product_id: z.coerce.number().int().min(0) });
const forceQuery = z.object({ force: z.enum(["true", "false", "1", "0"]).optional() });

export function registerProductWriteRoutes(app: FastifyInstance, context: AppContext): void {
  registerProductEditRoutes(app, context);
  registerVariationEditRoutes(app, context);
  registerProductBatchRoutes(app, context);
}

/** Product create, update and delete. */
function registerProductEditRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const nowGmt = () => toGmtDateString(context.now());
  const send = async (request: FastifyRequest, row: ProductRow) => {
    const wire = await wireContext(context, request);
    if (row.type === "variation") return variationWire(row, wire);
    return productWire(row, await loadProductContext(db, [row]), wire);
  };
  const reload = async (id: number) => (await findProductRow(db, id)) as ProductRow;
  const sendIfFound = async (request: FastifyRequest, id: number) => {
    const row = await findProductRow(db, id);
    return row === undefined ? undefined : send(request, row);
  };

  routes.post(
    "/wp-json/wc/v3/products",
    {
      preHandler: requireCapability(context, "edit_catalog", "create"),
      schema: { body: productInputSchema },
    },
    async (request, reply) => {
      const id = await createProductFromInput(db, request.body, 0, nowGmt());
      request.log.info({ productId: id }, "product created");
      reply.status(201);
      return send(request, await reload(id));
    },
  );

  for (const method of ["PUT", "PATCH"] as const) {
    routes.route({
      method,
      url: "/wp-json/wc/v3/products/:id",
      preHandler: requireCapability(context, "edit_catalog", "edit"),
      schema: { params: idParams, body: productInputSchema },
      handler: async (request) => {
        await updateProductFromInput(db, request.params.id, request.body, 0, nowGmt());
        return send(request, await reload(request.params.id));
      },
    });
    routes.route({
      method,
      url: "/wp-json/wc/v3/products/:product_id/variations/:id",
      preHandler: requireCapability(context, "edit_catalog", "edit"),
      schema: { params: variationParams, body: variationInputSchema },
      handler: async (request) => {
        const { product_id, id } = request.params;
        await updateProductFromInput(db, id, request.body, product_id, nowGmt());
        return send(request, await reload(id));
      },
    });
  }

  routes.delete(
    "/wp-json/wc/v3/products/:id",
    {
      preHandler: requireCapability(context, "edit_catalog", "delete"),
      schema: { params: idParams, querystring: forceQuery },
    },
    async (request) => {
      const force = request.query.force === "true" || request.query.force === "1";
      const wired = await sendIfFound(request, request.params.id);
      const row = await deleteProductById(db, request.params.id, force, nowGmt());
      request.log.info({ productId: row.id, force }, "product deleted");
      return force ? wired : send(request, row);
    },
  );
}

/** Variation create and delete; variation updates are registered with product updates. */
function registerVariationEditRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const nowGmt = () => toGmtDateString(context.now());
  const send = async (request: FastifyRequest, row: ProductRow) => {
    const wire = await wireContext(context, request);
    if (row.type === "variation") return variationWire(row, wire);
    return productWire(row, await loadProductContext(db, [row]), wire);
  };
  const reload = async (id: number) => (await findProductRow(db, id)) as ProductRow;

  routes.post(
    "/wp-json/wc/v3/products/:product_id/variations",
    {
      preHandler: requireCapability(context, "edit_catalog", "create"),
      schema: { params: parentParams, body: variationInputSchema },
    },
    async (request, reply) => {
      const id = await createProductFromInput(
        db,
        request.body,
        request.params.product_id,
        nowGmt(),
      );
      reply.status(201);
      return send(request, await reload(id));
    },
  );

  routes.delete(
    "/wp-json/wc/v3/products/:product_id/variations/:id",
    {
      preHandler: requireCapability(context, "edit_catalog", "delete"),
      schema: { params: variationParams, querystring: forceQuery },
    },
    async (request) => {
      const row = await findProductRow(db, request.params.id);
      if (row === undefined || row.parent_id !== request.params.product_id)
        throw invalidProductId();
      const wired = await send(request, row);
      await deleteProductById(db, row.id, true, nowGmt());
      return wired;
    },
  );
}
