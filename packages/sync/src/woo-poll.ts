import { z } from "zod";
import { wooMaxPageSize, type WooClient } from "@pos/woo";
import { readCheckpoints } from "./checkpoint-store.js";
import type { PullContext } from "./sync-engine.js";
import type { WooCollectionSpec } from "./woo-collections.js";
import { secondBefore } from "./woo-listing.js";
import { cursorOf, isAfter, storeModifiedPage, type ModifiedCursor } from "./woo-store.js";
import { fetchVariations, storeVariationsOf } from "./woo-variations.js";

type Stamped = { id: number; date_modified_gmt?: string | null };

function stampOf(record: Stamped): ModifiedCursor {
  return { modifiedGmt: record.date_modified_gmt ?? "", id: record.id };
}

/**
 * Fetches what changed after the collection's cursor and stores it page by page, moving the
 * cursor with each page. The query starts one second before the cursor, because
 * `modified_after` is exclusive at one-second resolution; the (modified, id) cursor then skips
 * the records already stored.
 */
export async function pollModified(
  client: WooClient,
  spec: WooCollectionSpec,
  context: PullContext,
): Promise<void> {
  context.collection = spec.collection;
  let cursor = cursorOf((await readCheckpoints(context.db)).get(spec.collection));
  if (!cursor) return;
  // The page stays 1 while the cursor moves. It grows only when a full page brings nothing
  // newer, which happens when more than a page of records share one second.
  let page = 1;
  for (;;) {
    const records = await fetchModifiedPage(client, spec, cursor, page, context.signal);
    const fresh = records.filter((record) => isAfter(stampOf(record), cursor!));
    if (fresh.length > 0) {
      cursor = await storeFresh(client, spec, fresh, context);
    }
    if (records.length < wooMaxPageSize) return;
    page = fresh.length > 0 ? 1 : page + 1;
  }
}

async function fetchModifiedPage(
  client: WooClient,
  spec: WooCollectionSpec,
  cursor: ModifiedCursor,
  page: number,
  signal: AbortSignal,
): Promise<Stamped[]> {
  // No status filter: a product moved to draft or trash must come back to be removed.
  const query = { ...spec.query, status: undefined };
  const response = await client.request({
    route: spec.route,
    query: {
      ...query,
      modified_after: secondBefore(cursor.modifiedGmt),
      dates_are_gmt: true,
      orderby: "modified",
      order: "asc",
      per_page: wooMaxPageSize,
      page,
    },
    schema: z.array(spec.schema),
    signal,
  });
  return response.data;
}

async function storeFresh(
  client: WooClient,
  spec: WooCollectionSpec,
  fresh: Stamped[],
  context: PullContext,
): Promise<ModifiedCursor> {
  const newest = fresh.map(stampOf).reduce((a, b) => (isAfter(b, a) ? b : a));
  const actions = fresh.map((record) => spec.toAction(record as never));
  const counts = await storeModifiedPage(
    context.db,
    spec.collection,
    actions,
    newest,
    context.now(),
  );
  context.events.emit("changesApplied", {
    ...counts,
    cursor: `${newest.modifiedGmt}#${newest.id}`,
  });

  if (spec.collection === "products") {
    for (const action of actions) {
      if (!("store" in action)) continue;
      const product = await context.db.products.get(action.store.id);
      if (product?.type !== "variable") continue;
      const variations = await fetchVariations(client, product, context.signal, spec.mapOptions);
      await storeVariationsOf(context.db, {
        parentId: product.id,
        variations,
        nowMs: context.now(),
      });
    }
  }
  return newest;
}
