import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { UserRow } from "./user-store.js";

export const accessTokenLifetimeMs = 15 * 60 * 1000;
export const refreshTokenLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

type Db = Kysely<DatabaseSchema>;

/** Issues a new access and refresh token for a user; only their SHA-256 hashes are stored. */
export async function issueTokenPair(db: Db, userId: number, nowMs: number): Promise<TokenPair> {
  const accessToken = randomBytes(32).toString("base64url");
  const refreshToken = randomBytes(32).toString("base64url");
  await db
    .insertInto("auth_tokens")
    .values([
      tokenRow(accessToken, userId, "access", nowMs + accessTokenLifetimeMs),
      tokenRow(refreshToken, userId, "refresh", nowMs + refreshTokenLifetimeMs),
    ])
    .execute();
  return { accessToken, refreshToken, expiresInSeconds: accessTokenLifetimeMs / 1000 };
}

/** Returns the user an unexpired, unrevoked token of `kind` belongs to. */
export async function findTokenUser(
  db: Db,
  token: string,
  kind: "access" | "refresh",
  nowMs: number,
): Promise<UserRow | undefined> {
  return db
    .selectFrom("auth_tokens")
    .innerJoin("users", "users.id", "auth_tokens.user_id")
    .selectAll("users")
    .where("auth_tokens.token_hash", "=", hashToken(token))
    .where("auth_tokens.kind", "=", kind)
    .where("auth_tokens.revoked", "=", 0)
    .where("auth_tokens.expires_at", ">", new Date(nowMs).toISOString())
    .executeTakeFirst();
}

/**
 * Revokes a refresh token; returns false when it was already revoked, so two concurrent
 * refreshes with one token cannot both succeed.
 */
export async function revokeRefreshToken(db: Db, token: string): Promise<boolean> {
  const result = await db
    .updateTable("auth_tokens")
    .set({ revoked: 1 })
    .where("token_hash", "=", hashToken(token))
    .where("kind", "=", "refresh")
    .where("revoked", "=", 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function tokenRow(token: string, userId: number, kind: string, expiresAtMs: number) {
  return {
    token_hash: hashToken(token),
    user_id: userId,
    kind,
    expires_at: new Date(expiresAtMs).toISOString(),
    revoked: 0,
  };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
