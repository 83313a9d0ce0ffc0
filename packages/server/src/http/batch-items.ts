import { z } from "zod";
import { WooError } from "./woo-error.js";

/** WooCommerce's `woocommerce_rest_batch_items_limit` default. */
export const maxBatchItems = 100;

/** The body of a WooCommerce `batch` route: lists of items to create, update and delete. */
export const batchBody = z.object({
  create: z.array(z.unknown()).default([]),
  update: z.array(z.unknown()).default([]),
  delete: z.array(z.unknown()).default([]),
});
export type BatchBody = z.infer<typeof batchBody>;

/** Rejects a batch of more than `maxBatchItems` items in all with WooCommerce's 413. */
export function checkBatchSize(body: BatchBody): void {
  const count = body.create.length + body.update.length + body.delete.length;
  if (count > maxBatchItems) {
    throw new WooError(
      413,
      "woocommerce_rest_request_entity_too_large",
      `Unable to accept more than ${maxBatchItems} items for this request.`,
    );
  }
}

export interface BatchHandlers {
  create: (item: unknown) => Promise<unknown>;
  update: (item: unknown) => Promise<unknown>;
  delete: (item: unknown) => Promise<unknown>;
}

/** Logs an item failure that is not an expected WooError. The item still gets its own 500. */
export type BatchFailureLogger = (error: unknown, item: unknown) => void;

/**
 * Runs a batch as WooCommerce does: creations, then updates, then deletions, each item on its
 * own, and returns only the lists the body sent. A failed item becomes `{id, error}`.
 */
export async function runBatch(
  body: BatchBody,
  handlers: BatchHandlers,
  logFailure: BatchFailureLogger,
): Promise<Record<string, unknown[]>> {
  checkBatchSize(body);
  const result: Record<string, unknown[]> = {};
  if (body.create.length > 0) {
    result["create"] = await runItems(body.create, handlers.create, () => 0, logFailure);
  }
  if (body.update.length > 0) {
    const idOf = (item: unknown) => (item as { id?: unknown } | null)?.id;
    result["update"] = await runItems(body.update, handlers.update, idOf, logFailure);
  }
  if (body.delete.length > 0) {
    result["delete"] = await runItems(body.delete, handlers.delete, (item) => item, logFailure);
  }
  return result;
}

async function runItems(
  items: unknown[],
  run: (item: unknown) => Promise<unknown>,
  idOf: (item: unknown) => unknown,
  logFailure: BatchFailureLogger,
): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const item of items) {
    try {
      results.push(await run(item));
    } catch (error) {
      results.push({ id: Number(idOf(item)) || 0, error: itemError(error, item, logFailure) });
    }
  }
  return results;
}

function itemError(error: unknown, item: unknown, logFailure: BatchFailureLogger) {
  if (error instanceof WooError) return error.toBody();
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const path = issue?.path.join(".") ?? "";
    const message = `Invalid item: ${path} ${issue?.message ?? ""}`.trim();
    return new WooError(400, "rest_invalid_param", message).toBody();
  }
  logFailure(error, item);
  return new WooError(500, "internal_server_error", "Internal server error.").toBody();
}
