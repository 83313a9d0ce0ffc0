import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { catalogCollections } from "@pos/core";
import type { CatalogCollection } from "@pos/core";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { listCatalogRecords, loadCatalogRecords } from "../../catalog/catalog-records.js";
import { catalogTotal } from "../../catalog/catalog-totals.js";
import type { CatalogRecord } from "../../catalog/catalog-records.js";
import { readJournal, readJournalHead } from "../../db/change-journal.js";
import type { JournalEntry } from "../../db/change-journal.js";
import { requireCapability } from "../../http/require-capability.js";

const limitSchema = z.coerce
  .number()
  .int()
  .min(1, "limit must be between 1 (inclusive) and 5000 (inclusive)")
  .max(5000, "limit must be between 1 (inclusive) and 5000 (inclusive)")
  .default(1000);
const cursorSchema = z.coerce.number().int().min(0, "must be 0 or more").default(0);

const changesQuery = z.object({ since: cursorSchema, limit: limitSchema });
const snapshotQuery = z.object({ after: cursorSchema, limit: limitSchema });
const snapshotParams = z.object({
  collection: z.enum(catalogCollections, {
    error: `collection must be one of ${catalogCollections.join(", ")}`,
  }),
});

export function registerSyncRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireCapability(context, "read_catalog", "list");

  routes.get("/wp-json/pos/v1/changes/head", { preHandler }, async () => ({
    head: await readJournalHead(context.store.db),
  }));

  routes.get(
    "/wp-json/pos/v1/changes",
    { preHandler, schema: { querystring: changesQuery } },
    async (request, reply) => {
      const { since, limit } = request.query;
      const head = await readJournalHead(context.store.db);
      const etag = `W/"changes-${since}-${limit}-${head}"`;
      reply.header("ETag", etag);
      reply.header("Cache-Control", "no-cache");
      if (matchesEtag(request.headers["if-none-match"], etag)) return reply.status(304).send();

      const { entries, more } = await readJournal(context.store.db, since, limit);
      const changes = await withRecords(context, entries);
      const totals = await totalsOf(context, entries);
      // A cursor past the head (the store's journal was restored from an older backup, say)
      // comes back as the head, so the till never skips the changes written after it.
      return { changes, next: entries.at(-1)?.seq ?? Math.min(since, head), more, totals };
    },
  );

  routes.get(
    "/wp-json/pos/v1/snapshot/:collection",
    { preHandler, schema: { params: snapshotParams, querystring: snapshotQuery } },
    async (request) => {
      const { collection } = request.params;
      const { after, limit } = request.query;
      const db = context.store.db;
      const records = await listCatalogRecords(db, collection, after, limit + 1);
      const page = records.slice(0, limit);
      return {
        records: page,
        next_after: records.length > limit ? (page.at(-1)?.id ?? null) : null,
        total: await catalogTotal(db, collection),
      };
    },
  );
}

/**
 * Counts each collection the entries change, so the till's "x of y" follows the store's
 * deletions and additions after the seed.
 */
async function totalsOf(context: AppContext, entries: readonly JournalEntry[]) {
  const totals: Partial<Record<CatalogCollection, number>> = {};
  for (const collection of new Set(entries.map((entry) => entry.collection))) {
    totals[collection] = await catalogTotal(context.store.db, collection);
  }
  return totals;
}

/** Attaches each change's current record; records that are gone or not kept become tombstones. */
async function withRecords(context: AppContext, entries: readonly JournalEntry[]) {
  const byCollection = new Map<CatalogCollection, Map<number, CatalogRecord>>();
  for (const collection of new Set(entries.map((entry) => entry.collection))) {
    const ids = entries
      .filter((e) => e.collection === collection && !e.deleted)
      .map((e) => e.recordId);
    byCollection.set(collection, await loadCatalogRecords(context.store.db, collection, ids));
  }
  return entries.map((entry) => {
    const record = byCollection.get(entry.collection)?.get(entry.recordId);
    const base = { seq: entry.seq, collection: entry.collection, id: entry.recordId };
    return record === undefined ? { ...base, deleted: true } : { ...base, deleted: false, record };
  });
}

/** Tells whether an `If-None-Match` header names `etag`, in a list or as `*` (RFC 9110). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag;
  });
}
