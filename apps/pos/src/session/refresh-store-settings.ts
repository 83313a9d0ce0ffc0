import { PosApi, type WooClient } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { loadSession, saveSession, type Session } from "./session.js";

/**
 * Reads the store's settings again and saves them when they changed since login, so a new tax
 * or currency setting reaches the till without a new login. Returns the updated session, or
 * null when nothing changed. A failed request raises, and the saved settings stay in use.
 */
export async function refreshStoreSettings(
  client: WooClient,
  db: SalesDb,
  session: Session,
): Promise<Session | null> {
  const store = await new PosApi(client).store();
  if (settingsText(store) === settingsText(session.store)) return null;

  // Tokens may have been refreshed since this session object was read, so start from the row.
  const current = (await loadSession(db)) ?? session;
  const updated = { ...current, store };
  await saveSession(db, updated);
  return updated;
}

/** Serializes the settings for comparison, without the server's clock, which always moves. */
function settingsText(store: Session["store"]): string {
  return JSON.stringify({ ...store, server_time_gmt: "" });
}
