import type { Outbox } from "@pos/sync";
import { appendLog } from "../db/sales-db.js";
import { catalogKey } from "../session/session.js";
import type { TillServices } from "../till/till-services.js";
import { TillSessionDb, tillSessionDbName } from "./till-session-db.js";
import { createTillSessionOutbox } from "./till-session-outbox.js";
import { TillSessionStore } from "./till-session-store.js";

/** The till-session database, store and outbox of one logged-in store and user. */
export interface TillSessionServices {
  db: TillSessionDb;
  store: TillSessionStore;
  outbox: Outbox;
}

const servicesByTill = new WeakMap<TillServices, TillSessionServices>();

/** Returns the till-session services of a logged-in till, built on first use. */
export function tillSessionServicesOf(till: TillServices): TillSessionServices {
  const known = servicesByTill.get(till);
  if (known) return known;

  const db = new TillSessionDb(tillSessionDbName(catalogKey(till.session)));
  const outbox = createTillSessionOutbox(db, till.client, (level, message) => {
    void appendLog(till.salesDb, { atMs: Date.now(), level, message: `till sessions: ${message}` });
  });
  const store = new TillSessionStore(db, { onChanged: () => outbox.notifyChanged() });
  const services = { db, store, outbox };
  servicesByTill.set(till, services);
  return services;
}
