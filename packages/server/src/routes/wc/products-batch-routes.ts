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
import { batchBody, runBatch } from "../../http/batch-items.js";
import type { BatchHandlers } from "../../http/batch-items.js";
import { requireCapability } from "../../http/require-capability.js";
import { toGmtDateString } from "../../time/wp-date.js";
import { wireContext } from "./products-read-routes.js";

const parentParams = z.object({ product_id: z.coerce.number().int().min(0) });

/**
 * `products/batch` and `products/{id}/variations/batch`: at most 100 items in all, each item
 * succeeding or failing alone. Deletions in a batch are for good, as WooCommerce's are.
 */
export function registerProductBatchRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireCapability(context, "edit_catalog", "batch");

  routes.post(
    "/wp-json/wc/v3/products/batch",
    { preHandler, schema: { body: batchBody } },
    (request) =>
      runBatch(request.body, productBatchHandlers(context, request, 0), (error, item) =>
        request.log.error({ err: error, item }, "product batch item failed"),
      ),
  );

  routes.post(
    "/wp-json/wc/v3/products/:product_id/variations/batch",
    { preHandler, schema: { params: parentParams, body: batchBody } },
    async (request) => {
      const parentId = request.params.product_id;
      const parent = await findProductRow(context.store.db, parentId);
      if (parent === undefined || parent.type !== "variable") throw invalidProductId();
      return runBatch(
        request.body,
        productBatchHandlers(context, request, parentId),
        (error, item) =>
          request.log.error({ err: error, item, parentId }, "variation batch item failed"),
      );
    },
  );
}

/** Creates, updates and deletes products (`parentId` 0) or the variations of `parentId`. */
function productBatchHandlers(
  context: AppContext,
  request: FastifyRequest,
  parentId: number,
): BatchHandlers {
  const db = context.store.db;
  const nowGmt = () => toGmtDateString(context.now());
  const inputSchema = parentId === 0 ? productInputSchema : variationInputSchema;
  const send = async (row: ProductRow) => {
    const wire = await wireContext(context, request);
    if (row.type === "variation") return variationWire(row, wire);
    return productWire(row, await loadProductContext(db, [row]), wire);
  };
  const reload = async (id: number) => send((await findProductRow(db, id)) as ProductRow);

  return {
    create: async (item) => {
      const input = inputSchema.parse(item);
      return reload(await createProductFromInput(db, input, parentId, nowGmt()));
    },
    update: async (item) => {
      const { id, ...input } = inputSchema.extend({ id: z.number().int() }).parse(item);
      await updateProductFromInput(db, id, input, parentId, nowGmt());
      return reload(id);
    },
    delete: async (item) => {
      const id = z.number().int().parse(item);
      const row = await findProductRow(db, id);
      const belongs = row !== undefined && (parentId === 0 || row.parent_id === parentId);
      if (!belongs && parentId !== 0) throw invalidProductId();
      const wired = row === undefined ? undefined : await send(row);
      await deleteProductById(db, id, true, nowGmt());
      return wired;
    },
  };
}
