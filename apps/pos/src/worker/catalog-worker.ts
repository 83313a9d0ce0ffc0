import type { CatalogCollection } from "@pos/core";
import {
  CatalogDb,
  createCatalogPull,
  readProgress,
  recordLastSync,
  runWhenLeader,
  SyncEngine,
  type StoreKind,
  type SyncErrorKind,
} from "@pos/sync";
import { WooClient } from "@pos/woo";
import { SalesDb } from "../db/sales-db.js";
import { CustomerIndex } from "../customers/customer-index.js";
import { findByCode } from "../scanner/find-by-code.js";
import { loadBarcodeSource } from "../scanner/scan-settings-store.js";
import { CatalogIndex } from "../search/catalog-index.js";
import {
  applyStoredChange,
  feedIndexFromWrites,
  loadIndex,
  type SearchIndexes,
  type StoredChange,
} from "../search/index-feed.js";
import { loadSession } from "../session/session.js";
import { SessionTokens } from "../session/session-tokens.js";
import { searchServer } from "./server-search.js";
import { TabChannel } from "./tab-channel.js";
import type { ResetOutcome, TabMessage, WorkerEvent, WorkerRequest } from "./worker-protocol.js";

/**
 * The catalogue worker: keeps the search index and, in one tab only, runs the sync engine
 * into the catalogue database, so neither a large page of records nor a rebuild of the index
 * blocks the page. Every tab's worker queues for one Web Lock per catalogue, and the holder
 * (the leader) syncs. When the leader's tab closes, the browser releases the lock and the next
 * worker in the queue starts syncing. Workers tell each other through a `TabChannel` which
 * keys they wrote, and the others re-read those keys to update their own index.
 */
// The project compiles against the DOM library, whose `self` is a Window. A worker's scope has
// the same two members that this file uses.
const scope = self as unknown as {
  postMessage(message: WorkerEvent, transfer?: Transferable[]): void;
  onmessage: ((message: MessageEvent<WorkerRequest>) => void) | null;
};

const index = new CatalogIndex();
const customerIndex = new CustomerIndex();
const indexes: SearchIndexes = { catalog: index, customers: customerIndex };
let started = false;
/** The sync engine, set only while this worker is the leader. */
let engine: SyncEngine | null = null;
let storeAccess: { client: WooClient; db: CatalogDb } | null = null;
let tabs: TabChannel | null = null;
let changeQueued = false;

function post(event: WorkerEvent): void {
  scope.postMessage(event);
}

scope.onmessage = (message) => {
  const request = message.data;
  switch (request.type) {
    case "start":
      start(request.catalogDbName).catch((error: unknown) =>
        post({ type: "syncError", kind: "start", message: describe(error), relayed: false }),
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
      void storeAccess?.db.customers.bulkPut(request.customers).catch((error: unknown) =>
        post({
          type: "syncError",
          kind: "storage",
          message: `storing customers failed: ${describe(error)}`,
          relayed: false,
        }),
      );
      return;
    case "syncNow":
      if (engine) engine.pokeNow();
      else tabs?.post({ type: "syncNow" });
      return;
    case "resetCollection":
      void resetFromPage(request.requestId, request.collection);
      return;
    case "findCode":
      // A scan right after a reload waits for the stored catalogue to be in the index, so it
      // never reports an item missing that is only still loading.
      void indexLoaded
        .then(() => findByCode(index, request.code, request.options))
        .catch((error: unknown) => ({
          kind: "notFound" as const,
          message: `Looking up "${request.code}" failed: ${describe(error)}.`,
        }))
        .then((match) => post({ type: "codeResult", requestId: request.requestId, match }));
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

let markIndexLoaded: () => void = () => {};
/** Settles once the stored catalogue is in the index, or once loading it failed. */
const indexLoaded = new Promise<void>((resolve) => {
  markIndexLoaded = resolve;
});

async function start(catalogDbName: string): Promise<void> {
  if (started) return;
  started = true;
  const salesDb = new SalesDb();
  const session = await loadSession(salesDb);
  if (!session) {
    markIndexLoaded();
    throw new Error("no saved session: log in again to sync the catalogue");
  }

  const db = new CatalogDb(catalogDbName);
  const channel = new TabChannel(catalogDbName, (message) => receiveFromTab(message, db));
  tabs = channel;
  feedIndexFromWrites(db, indexes, (change) => announceOwnWrite(channel, change));
  try {
    await loadIndex(db, indexes);
  } finally {
    markIndexLoaded();
  }
  announceChange(db);

  const tokens = new SessionTokens(salesDb, session);
  const client = new WooClient({ baseUrl: session.storeUrl, auth: tokens.auth });
  client.onRequest((outcome) =>
    post({ type: "requestOutcome", ok: outcome.ok, durationMs: outcome.latencyMs }),
  );
  storeAccess = { client, db };
  post({ type: "leadership", leader: false });

  // The lock is never resigned: closing the tab ends the worker, which releases it.
  runWhenLeader(`pos-catalog-sync:${catalogDbName}`, (signal) =>
    lead(client, db, salesDb, session.storeKind, channel, signal).catch((error: unknown) =>
      reportSyncError("internal", `starting the sync failed: ${describe(error)}`),
    ),
  );
  postProgress(db);
}

/** Runs the sync engine while this worker holds the sync lock. */
async function lead(
  client: WooClient,
  db: CatalogDb,
  salesDb: SalesDb,
  storeKind: StoreKind,
  channel: TabChannel,
  signal: AbortSignal,
): Promise<void> {
  // A real WooCommerce has no pos/v1 routes: its catalogue comes through wc/v3 paging.
  // The page sizes are createCatalogPull's defaults, the ones bench/sync measures.
  const pull = createCatalogPull(client, storeKind, {
    readBarcodeSource: () => loadBarcodeSource(salesDb),
  });
  const current = new SyncEngine({ db, pull });
  const progressChanged = () => {
    postProgress(db);
    channel.post({ type: "progressChanged" });
  };
  current.on("progress", progressChanged);
  current.on("collectionComplete", progressChanged);
  current.on("idle", (event) => void finishRun(db, channel, event.atMs));
  current.on("error", (event) => reportSyncError(event.kind, event.error.message));

  engine = current;
  post({ type: "leadership", leader: true });
  current.start();
  await new Promise<void>((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
  engine = null;
  await current.stop();
}

async function finishRun(db: CatalogDb, channel: TabChannel, atMs: number): Promise<void> {
  try {
    await recordLastSync(db, atMs);
  } catch (error) {
    reportSyncError("storage", `storing the last sync time failed: ${describe(error)}`);
  }
  post({ type: "syncIdle", atMs });
  channel.post({ type: "syncIdle", atMs });
  postProgress(db);
  channel.post({ type: "progressChanged" });
}

/** Shows a sync failure in this tab and, through the channel, in every other tab. */
function reportSyncError(kind: SyncErrorKind, message: string): void {
  post({ type: "syncError", kind, message, relayed: false });
  tabs?.post({ type: "syncError", kind, message });
}

function announceOwnWrite(channel: TabChannel, change: StoredChange): void {
  channel.post({ type: "stored", change });
  if (storeAccess) announceChange(storeAccess.db);
}

function receiveFromTab(message: TabMessage, db: CatalogDb): void {
  switch (message.type) {
    case "stored":
      applyStoredChange(db, indexes, message.change).then(
        () => announceChange(db),
        (error: unknown) =>
          post({
            type: "syncError",
            kind: "storage",
            message: `reading ${message.change.table} written by another tab failed: ${describe(error)}`,
            relayed: false,
          }),
      );
      return;
    case "progressChanged":
      postProgress(db);
      return;
    case "syncIdle":
      post({ type: "syncIdle", atMs: message.atMs });
      return;
    case "syncError":
      post({ type: "syncError", kind: message.kind, message: message.message, relayed: true });
      return;
    case "syncNow":
      engine?.pokeNow();
      return;
    case "resetCollection":
      if (!engine) return;
      void resetHere(engine, message.collection).then((outcome) =>
        tabs?.post({ type: "resetResult", requestId: message.requestId, outcome }),
      );
      return;
    case "resetResult":
      return;
  }
}

async function resetFromPage(requestId: number, collection: CatalogCollection): Promise<void> {
  let outcome: ResetOutcome;
  if (engine) outcome = await resetHere(engine, collection);
  else if (tabs) outcome = await tabs.requestReset(collection);
  else outcome = { ok: false, message: "the catalogue worker has not started yet" };
  post({ type: "resetResult", requestId, outcome });
}

async function resetHere(
  current: SyncEngine,
  collection: CatalogCollection,
): Promise<ResetOutcome> {
  try {
    await current.resetCollection(collection);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `clearing ${collection} failed: ${describe(error)}` };
  }
}

/** The shortest time between two progress reads: each one counts every table. */
const progressIntervalMs = 1_000;
let progressRead: Promise<void> | null = null;
let progressTimer: ReturnType<typeof setTimeout> | null = null;
let progressStale = false;
let lastProgressReadMs = Number.NEGATIVE_INFINITY;

/**
 * Posts "x of y" for every collection, at most once a second, because each read counts every
 * table while a seed stores several pages a second. Reads run one at a time, and a request
 * during a read or a wait queues one more, so two reads never finish out of order.
 */
function postProgress(db: CatalogDb): void {
  if (progressRead !== null || progressTimer !== null) {
    progressStale = true;
    return;
  }

  const waitMs = lastProgressReadMs + progressIntervalMs - Date.now();
  if (waitMs > 0) {
    progressTimer = setTimeout(() => {
      progressTimer = null;
      progressStale = false;
      postProgress(db);
    }, waitMs);
    return;
  }

  lastProgressReadMs = Date.now();
  progressRead = readAndPostProgress(db).finally(() => {
    progressRead = null;
    if (progressStale) {
      progressStale = false;
      postProgress(db);
    }
  });
}

async function readAndPostProgress(db: CatalogDb): Promise<void> {
  let progress;
  try {
    progress = await readProgress(db);
  } catch (error) {
    post({
      type: "syncError",
      kind: "storage",
      message: `reading the sync progress failed: ${describe(error)}`,
      relayed: false,
    });
    return;
  }
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

/**
 * Tells the page that the index and the counts changed, at most once per 50 ms, because a page
 * of records is many writes.
 */
function announceChange(db: CatalogDb): void {
  if (changeQueued) return;
  changeQueued = true;
  setTimeout(() => {
    changeQueued = false;
    post({ type: "indexChanged", indexed: index.size });
    postProgress(db);
  }, 50);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
