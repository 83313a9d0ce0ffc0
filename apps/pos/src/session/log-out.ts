import { WooClient } from "@pos/woo";
import { z } from "zod";
import { appendLog, type SalesDb } from "../db/sales-db.js";
import { clearSession, loadSession } from "./session.js";

/**
 * Ends the session on this device and, when the store can be reached, on the server too, so
 * the register's licence seat is free for another register. Sales waiting in the outbox stay.
 */
export async function logOut(db: SalesDb): Promise<void> {
  const session = await loadSession(db);
  await clearSession(db);
  if (session === null || session.storeKind !== "pos" || session.refreshToken === "") return;
  try {
    const client = new WooClient({ baseUrl: session.storeUrl, maxAttempts: 1, timeoutMs: 5000 });
    await client.request({
      method: "POST",
      route: "pos/v1/auth/logout",
      body: { refresh_token: session.refreshToken },
      schema: z.unknown(),
    });
  } catch (error) {
    // Offline or already closed: the seat stays taken until the token expires or a manager
    // revokes the session, but this device is logged out either way.
    const reason = error instanceof Error ? error.message : String(error);
    await appendLog(db, {
      atMs: Date.now(),
      level: "warn",
      message: `log-out not sent: ${reason}`,
    });
  }
}
