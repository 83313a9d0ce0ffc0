import { CatalogDb, createCatalogPull, SyncEngine } from "@pos/sync";
import { WooClient } from "@pos/woo";
import { SalesDb } from "../db/sales-db.js";
import { CustomerIndex } from "../customers/customer-index.js";
import { CatalogIndex } from "../search/catalog-index.js";
import { feedIndexFromWrites, loadIndex } from "../search/index-feed.js";
import { loadSession } from "../session/session.js";
import { SessionTokens } from "../session/session-tokens.js";
import { searchServer } from "./server-search.js";
import type { WorkerEvent, WorkerRequest } from "./worker-protocol.js";

/**
 * The catalogue worker: runs the sync engine into the catalogue database and keeps the search
 * index, so neither a large page of records nor a rebuild of the index blocks the page.
 */
// The project compiles against the DOM library, whose `self` is a Window. A worker's scope has
// the same two members that this file uses.
const scope = self as unknown as {
  postMessage(message: WorkerEvent, transfer?: Transferable[]): void;
  onmessage: ((message: MessageEvent<WorkerRequest>) => void) | null;
};

const index = new CatalogIndex();
const customerIndex = new CustomerIndex();
let engine: SyncEngine | null = null;
let storeAccess: { client: WooClient; db: CatalogDb } | null = null;
let indexChangedQueued = false;

function post(event: WorkerEvent): void {
  scope.postMessage(event);
}

scope.onmessage = (message) => {
  const request = message.data;
  switch (request.type) {
    case "start":
      start(request.catalogDbName).catch((error: unknown) =>
        post({ type: "syncError", kind: "start", message: describe(error) }),
      );
      return;
    case "search": {
      const codes = index.queryCodes(request.query);
      const event: WorkerEvent = {
        type: "searchResult",
        requestId: request.requestId,
        codes,
        indexed: index.size,
      };
      scope.postMessage(event, [codes.buffer]);
      return;
    }
    case "searchCustomers":
      post({
        type: "customerResult",
        requestId: request.requestId,
        ids: customerIndex.query(request.text, request.limit),
      });
      return;
    case "searchServer":
      void answerServerSearch(request.requestId, request.text);
      return;
    case "storeCustomers":
      void storeAccess?.db.customers
        .bulkPut(request.customers)
        .catch((error: unknown) =>
          post({ type: "syncError", kind: "customers", message: describe(error) }),
        );
      return;
    case "syncNow":
      engine?.pokeNow();
      return;
  }
};

async function answerServerSearch(requestId: number, text: string): Promise<void> {
  if (!storeAccess) {
    post({
      type: "serverSearchResult",
      requestId,
      outcome: { ok: false, message: "the catalogue worker has not started yet" },
    });
    return;
  }
  try {
    const stored = await searchServer(storeAccess.client, storeAccess.db, text);
    post({ type: "serverSearchResult", requestId, outcome: { ok: true, stored } });
  } catch (error) {
    post({
      type: "serverSearchResult",
      requestId,
      outcome: { ok: false, message: describe(error) },
    });
  }
}

async function start(catalogDbName: string): Promise<void> {
  if (engine) return;
  const salesDb = new SalesDb();
  const session = await loadSession(salesDb);
  if (!session) throw new Error("no saved session: log in again to sync the catalogue");

  const db = new CatalogDb(catalogDbName);
  const indexes = { catalog: index, customers: customerIndex };
  feedIndexFromWrites(db, indexes, announceIndexChange);
  await loadIndex(db, indexes);
  announceIndexChange();

  const tokens = new SessionTokens(salesDb, session);
  const client = new WooClient({ baseUrl: session.storeUrl, auth: tokens.auth });
  client.onRequest((outcome) =>
    post({ type: "requestOutcome", ok: outcome.ok, durationMs: outcome.latencyMs }),
  );
  storeAccess = { client, db };

  // A real WooCommerce has no pos/v1 routes: its catalogue comes through wc/v3 paging.
  const pull = createCatalogPull(client, session.storeKind, {
    snapshotPageSize: 500,
    feedPageSize: 1000,
  });
  engine = new SyncEngine({ db, pull });
  engine.on("progress", () => void postProgress(engine));
  engine.on("collectionComplete", () => void postProgress(engine));
  engine.on("idle", () => {
    post({ type: "syncIdle" });
    void postProgress(engine);
  });
  engine.on("error", (event) =>
    post({ type: "syncError", kind: event.kind, message: event.error.message }),
  );
  engine.start();
  await postProgress(engine);
}

let progressRead: Promise<void> | null = null;
let progressStale = false;

/**
 * Posts "x of y" for every collection. Reads run one at a time and a request during a read
 * queues one more, because two overlapping reads can finish out of order and leave the page
 * showing the older counts.
 */
function postProgress(current: SyncEngine | null): Promise<void> {
  if (!current) return Promise.resolve();
  if (progressRead) {
    progressStale = true;
    return progressRead;
  }

  progressRead = readAndPostProgress(current).finally(() => {
    progressRead = null;
    if (progressStale) {
      progressStale = false;
      void postProgress(current);
    }
  });
  return progressRead;
}

async function readAndPostProgress(current: SyncEngine): Promise<void> {
  const progress = await current.progress();
  post({
    type: "progress",
    collections: progress.map(({ collection, stored, total, complete }) => ({
      collection,
      stored,
      total,
      complete,
    })),
  });
}

/** Coalesces index changes into one message per task, as a page of records is many writes. */
function announceIndexChange(): void {
  if (indexChangedQueued) return;
  indexChangedQueued = true;
  setTimeout(() => {
    indexChangedQueued = false;
    post({ type: "indexChanged", indexed: index.size });
  }, 50);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
