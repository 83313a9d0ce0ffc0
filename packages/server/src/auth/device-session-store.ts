import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { toGmtDateString } from "../time/wp-date.js";
import { refreshTokenLifetimeMs, type TokenPair } from "./token-store.js";
import { withDeviceSessionTables, type DeviceSessionsTable } from "./device-session-schema.js";

type Db = Kysely<DatabaseSchema>;

export interface NewDeviceSession {
  userId: number;
  register: string | null;
  /** The readable name the till sent with `register`; absent or null when it sent none. */
  registerName?: string | null;
  device: string;
}

/** A signed-in device as the sessions route lists it. */
export interface DeviceSessionView {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  register: string | null;
  registerName: string | null;
  device: string;
  createdGmt: string;
  lastUsedGmt: string;
  expiresAt: string;
  revokedGmt: string | null;
}

/** Opens a session for a login and links its first token pair to it. */
export async function openDeviceSession(
  db: Db,
  session: NewDeviceSession,
  pair: TokenPair,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const nowGmt = toGmtDateString(now);
  await withDeviceSessionTables(db)
    .insertInto("device_sessions")
    .values({
      id,
      user_id: session.userId,
      register: session.register,
      register_name: session.register === null ? null : (session.registerName ?? null),
      device: session.device.slice(0, 200),
      created_gmt: nowGmt,
      last_used_gmt: nowGmt,
      expires_at: refreshExpiry(now),
      revoked_gmt: null,
    })
    .execute();
  await linkTokens(db, id, pair);
  return id;
}

/** Returns the open session a refresh token belongs to, or undefined when it is revoked. */
export async function findSessionOfToken(
  db: Db,
  token: string,
): Promise<DeviceSessionsTable | undefined> {
  return withDeviceSessionTables(db)
    .selectFrom("device_session_tokens")
    .innerJoin("device_sessions", "device_sessions.id", "device_session_tokens.session_id")
    .selectAll("device_sessions")
    .where("device_session_tokens.token_hash", "=", hashToken(token))
    .executeTakeFirst();
}

/** Links a refreshed token pair to its session and moves the session's expiry forward. */
export async function continueDeviceSession(
  db: Db,
  sessionId: string,
  pair: TokenPair,
  now: Date,
): Promise<void> {
  await linkTokens(db, sessionId, pair);
  await withDeviceSessionTables(db)
    .updateTable("device_sessions")
    .set({ last_used_gmt: toGmtDateString(now), expires_at: refreshExpiry(now) })
    .where("id", "=", sessionId)
    .execute();
}

/** Lists sessions, newest first; only open ones unless `includeClosed`. */
export async function listDeviceSessions(
  db: Db,
  options: { now: Date; userId?: number; includeClosed?: boolean },
): Promise<DeviceSessionView[]> {
  let query = withDeviceSessionTables(db)
    .selectFrom("device_sessions")
    .innerJoin("users", "users.id", "device_sessions.user_id")
    .selectAll("device_sessions")
    .select(["users.username", "users.display_name"])
    .orderBy("device_sessions.created_gmt", "desc")
    .orderBy("device_sessions.id");
  if (options.userId !== undefined)
    query = query.where("device_sessions.user_id", "=", options.userId);
  if (options.includeClosed !== true) {
    query = query
      .where("device_sessions.revoked_gmt", "is", null)
      .where("device_sessions.expires_at", ">", options.now.toISOString());
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    register: row.register,
    registerName: row.register_name,
    device: row.device,
    createdGmt: row.created_gmt,
    lastUsedGmt: row.last_used_gmt,
    expiresAt: row.expires_at,
    revokedGmt: row.revoked_gmt,
  }));
}

/**
 * Revokes a session and every token issued to it, so its access token stops working at once
 * and its refresh token cannot renew it. Returns false when no open session has that id.
 */
export async function revokeDeviceSession(db: Db, sessionId: string, now: Date): Promise<boolean> {
  return db
    .transaction()
    .execute(async (trx) => (await revokeSessions(trx, [sessionId], now)) === 1);
}

/**
 * Revokes every open session of `register` and their tokens, inside the caller's transaction,
 * and returns the ids of the sessions it revoked. The till of that register is logged out on
 * its next request and keeps its unsent sales until someone logs in there again.
 */
export async function revokeRegisterSessions(
  db: Db,
  register: string,
  now: Date,
): Promise<string[]> {
  const open = await withDeviceSessionTables(db)
    .selectFrom("device_sessions")
    .select("id")
    .where("register", "=", register)
    .where("revoked_gmt", "is", null)
    .execute();
  const ids = open.map((row) => row.id);
  await revokeSessions(db, ids, now);
  return ids;
}

/** Marks the open sessions among `sessionIds` revoked with their tokens; returns how many. */
async function revokeSessions(db: Db, sessionIds: readonly string[], now: Date): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const tables = withDeviceSessionTables(db);
  const result = await tables
    .updateTable("device_sessions")
    .set({ revoked_gmt: toGmtDateString(now) })
    .where("id", "in", sessionIds)
    .where("revoked_gmt", "is", null)
    .executeTakeFirst();
  const tokens = tables
    .selectFrom("device_session_tokens")
    .select("token_hash")
    .where("session_id", "in", sessionIds);
  await tables
    .updateTable("auth_tokens")
    .set({ revoked: 1 })
    .where("token_hash", "in", tokens)
    .execute();
  return Number(result.numUpdatedRows);
}

/** Returns the registers with an open session: revoked and expired sessions free their seat. */
export async function registersSignedIn(db: Db, now: Date): Promise<string[]> {
  const rows = await withDeviceSessionTables(db)
    .selectFrom("device_sessions")
    .select("register")
    .distinct()
    .where("register", "is not", null)
    .where("revoked_gmt", "is", null)
    .where("expires_at", ">", now.toISOString())
    .execute();
  return rows.flatMap((row) => (row.register === null ? [] : [row.register]));
}

async function linkTokens(db: Db, sessionId: string, pair: TokenPair): Promise<void> {
  await withDeviceSessionTables(db)
    .insertInto("device_session_tokens")
    .values([
      { token_hash: hashToken(pair.accessToken), session_id: sessionId },
      { token_hash: hashToken(pair.refreshToken), session_id: sessionId },
    ])
    .execute();
}

function refreshExpiry(now: Date): string {
  return new Date(now.getTime() + refreshTokenLifetimeMs).toISOString();
}

/** SHA-256 in hex, the same digest `token-store` keeps in `auth_tokens`. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
