import { z } from "zod";
import { posStoreSchema, posUserSchema } from "@pos/woo";
import { appendLog, type SalesDb } from "../db/sales-db.js";

export const sessionVersion = 1;

/**
 * Credentials of a real WooCommerce store, kept on the device so the till works after a restart
 * offline. Absent for our store server, which uses the bearer tokens.
 */
export const wooCredentialsSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("consumerKey"),
    consumerKey: z.string().min(1),
    consumerSecret: z.string().min(1),
  }),
  z.object({
    kind: z.literal("applicationPassword"),
    username: z.string().min(1),
    password: z.string().min(1),
  }),
]);

export type WooCredentials = z.infer<typeof wooCredentialsSchema>;

export const sessionSchema = z.object({
  formatVersion: z.literal(sessionVersion),
  /** The store's origin, such as "https://shop.example". REST paths go under `/wp-json`. */
  storeUrl: z.url(),
  /** "pos" for our store server, "woocommerce" for a real WooCommerce store. */
  storeKind: z.enum(["pos", "woocommerce"]).default("pos"),
  /** Empty for a WooCommerce store, which uses `wooCredentials` instead. */
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresAtMs: z.number().int(),
  wooCredentials: wooCredentialsSchema.optional(),
  user: posUserSchema,
  store: posStoreSchema,
});

export type Session = z.infer<typeof sessionSchema>;

const sessionKey = "current";

/** Reads the saved session, or null when no cashier has logged in on this till or the row is invalid. */
export async function loadSession(db: SalesDb): Promise<Session | null> {
  const row = await db.session.get(sessionKey);
  if (!row) return null;

  const result = sessionSchema.safeParse(row.value);
  if (result.success) return result.data;

  // An unreadable session only costs a new login, so it is logged and dropped.
  await appendLog(db, {
    atMs: Date.now(),
    level: "warn",
    message: `saved session is invalid and was cleared: ${z.prettifyError(result.error)}`,
  });
  await db.session.delete(sessionKey);
  return null;
}

export async function saveSession(db: SalesDb, session: Session): Promise<void> {
  await db.session.put({ key: sessionKey, value: sessionSchema.parse(session) });
}

export async function clearSession(db: SalesDb): Promise<void> {
  await db.session.delete(sessionKey);
}

/** Builds a short key naming the store and user, so each pair gets its own catalogue database. */
export function catalogKey(session: Pick<Session, "storeUrl" | "user">): string {
  const host = new URL(session.storeUrl).host.replace(/[^a-zA-Z0-9.-]/g, "_");
  return `${host}-${session.user.id}`;
}
