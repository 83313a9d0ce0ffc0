import {
  CatalogDb,
  ConnectivityMonitor,
  catalogDbName,
  probeUrlFor,
  type Signal,
} from "@pos/sync";
import { WooClient } from "@pos/woo";
import { OrderStore } from "../cart/order-store.js";
import { appendLog, type SalesDb } from "../db/sales-db.js";
import { catalogKey, type Session } from "../session/session.js";
import { SessionTokens } from "../session/session-tokens.js";
import { CatalogWorkerClient } from "../worker/catalog-worker-client.js";

/** Everything the till's screens use once a cashier is logged in. */
export interface TillServices {
  session: Session;
  salesDb: SalesDb;
  orders: OrderStore;
  catalog: CatalogDb;
  client: WooClient;
  connectivity: ConnectivityMonitor;
  catalogWorker: CatalogWorkerClient;
  /** Starts the sync worker, the connectivity probe and the network listeners. Returns the stop function. */
  start: () => () => void;
}

/** Builds the services of a session. Nothing runs until `start` is called. */
export function createTillServices(
  session: Session,
  salesDb: SalesDb,
  onSessionEnd: () => void,
): TillServices {
  const tokens = new SessionTokens(salesDb, session, (next) => {
    if (next === null) onSessionEnd();
  });
  const client = new WooClient({ baseUrl: session.storeUrl, auth: tokens.auth });
  const connectivity = new ConnectivityMonitor({
    probeUrl: probeUrlFor(client, session.storeKind),
    online: windowSignal(["online", "offline"], () => navigator.onLine),
    visible: documentSignal(),
  });
  client.onRequest(connectivity.recordOutcome);

  const dbName = catalogDbName(catalogKey(session));
  const catalogWorker = new CatalogWorkerClient(
    dbName,
    (ok, durationMs) =>
      connectivity.recordOutcome({
        method: "GET",
        route: "sync",
        ok,
        status: null,
        latencyMs: durationMs,
        failure: ok ? null : "network",
      }),
    (message) =>
      void appendLog(salesDb, { atMs: Date.now(), level: "warn", message: `sync: ${message}` }),
  );
  return {
    session,
    salesDb,
    orders: new OrderStore(salesDb),
    catalog: new CatalogDb(dbName),
    client,
    connectivity,
    catalogWorker,
    start: () => {
      catalogWorker.start();
      connectivity.start();
      const stopRefresh = tokens.keepFresh();
      const stopPokes = pokeOnNetworkEvents(connectivity, catalogWorker);
      return () => {
        stopPokes();
        stopRefresh();
        connectivity.stop();
        catalogWorker.stop();
      };
    },
  };
}

/** Probes and syncs at once when the network comes or goes, or the cashier returns. */
function pokeOnNetworkEvents(monitor: ConnectivityMonitor, worker: CatalogWorkerClient) {
  const poke = () => {
    void monitor.checkNow();
    if (navigator.onLine) worker.syncNow();
  };
  const events = ["online", "offline", "focus"];
  for (const name of events) window.addEventListener(name, poke);
  return () => {
    for (const name of events) window.removeEventListener(name, poke);
  };
}

function windowSignal(events: string[], get: () => boolean): Signal {
  return {
    get,
    subscribe: (listener) => {
      for (const name of events) window.addEventListener(name, listener);
      return () => {
        for (const name of events) window.removeEventListener(name, listener);
      };
    },
  };
}

function documentSignal(): Signal {
  return {
    get: () => document.visibilityState === "visible",
    subscribe: (listener) => {
      document.addEventListener("visibilitychange", listener);
      return () => document.removeEventListener("visibilitychange", listener);
    },
  };
}
