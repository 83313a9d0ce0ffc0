import { listAll, listAllIds, type ProductMapOptions, type WooClient } from "@pos/woo";
import { tableOf } from "./catalog-tables.js";
import type { PullContext } from "./sync-engine.js";
import type { WooCollectionSpec } from "./woo-collections.js";
import { replaceCollection } from "./woo-store.js";
import {
  fetchVariations,
  storeVariationsOf,
  variableProducts,
  variationTotalOf,
} from "./woo-variations.js";

/** Ids fetched per `include=` request when the audit finds records missing locally. */
const includeChunk = 100;

/**
 * Brings one collection in line with the server. Collections polled by `modified_after` list
 * only their ids (`_fields=id`): local records the server no longer lists are deleted and
 * listed ids missing locally are fetched. The others are small and fetched whole.
 */
export async function auditCollection(
  client: WooClient,
  spec: WooCollectionSpec,
  context: PullContext,
): Promise<void> {
  context.collection = spec.collection;
  if (!spec.modifiedAfter) {
    const wires = await listAll(client, spec.route, spec.schema, spec.query, context.signal);
    const actions = wires.map((wire) => spec.toAction(wire as never));
    const ids = new Set(actions.flatMap((action) => ("store" in action ? [action.store.id] : [])));
    report(
      context,
      await replaceCollection(context.db, spec.collection, actions, ids, context.now()),
    );
    return;
  }
  const serverIds = await listAllIds(client, spec.route, spec.query, context.signal);
  const localIds = new Set(await tableOf(context.db, spec.collection).primaryKeys());
  const missing = [...serverIds].filter((id) => !localIds.has(id));
  const actions = [];
  for (let start = 0; start < missing.length; start += includeChunk) {
    const include = missing.slice(start, start + includeChunk).join(",");
    const wires = await listAll(
      client,
      spec.route,
      spec.schema,
      { ...spec.query, include },
      context.signal,
    );
    actions.push(...wires.map((wire) => spec.toAction(wire as never)));
  }
  report(
    context,
    await replaceCollection(context.db, spec.collection, actions, serverIds, context.now()),
  );
}

/**
 * Refetches the variations of every stored variable product, because changing a variation does
 * not reliably change its parent's `date_modified_gmt`.
 */
export async function auditVariations(
  client: WooClient,
  context: PullContext,
  options: ProductMapOptions = {},
): Promise<void> {
  context.collection = "variations";
  const parents = await variableProducts(context.db);
  const parentIds = new Set(parents.map((parent) => parent.id));
  const variationTotal = variationTotalOf(parents);
  for (const parent of parents) {
    const variations = await fetchVariations(client, parent, context.signal, options);
    report(
      context,
      await storeVariationsOf(context.db, {
        parentId: parent.id,
        variations,
        variationTotal,
        nowMs: context.now(),
      }),
    );
  }
  const orphans = await context.db.variations
    .filter((variation) => !parentIds.has(variation.parentId))
    .primaryKeys();
  await context.db.variations.bulkDelete(orphans);
}

function report(context: PullContext, counts: { stored: number; deleted: number }) {
  if (counts.stored === 0 && counts.deleted === 0) return;
  context.events.emit("changesApplied", {
    stored: counts.stored,
    deleted: counts.deleted,
    cursor: "audit",
  });
}
