import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { UserRow } from "./user-store.js";

export type ApiKeyPermissions = "read" | "write" | "read_write";
type Db = Kysely<DatabaseSchema>;

/** Creates a WooCommerce-style key pair (`ck_…`, `cs_…`) for a staff user. */
export async function createApiKey(
  db: Db,
  userId: number,
  permissions: ApiKeyPermissions,
  description: string,
  nowGmt: string,
): Promise<{ consumerKey: string; consumerSecret: string }> {
  const consumerKey = `ck_${randomBytes(20).toString("hex")}`;
  const consumerSecret = `cs_${randomBytes(20).toString("hex")}`;
  await db
    .insertInto("api_keys")
    .values({
      user_id: userId,
      description,
      permissions,
      consumer_key_hash: hashConsumerKey(consumerKey),
      consumer_secret: consumerSecret,
      truncated_key: consumerKey.slice(-7),
      date_created_gmt: nowGmt,
    })
    .execute();
  return { consumerKey, consumerSecret };
}

export type ApiKeyCheck =
  | { ok: true; user: UserRow; permissions: ApiKeyPermissions }
  | { ok: false; reason: "unknown_key" | "bad_secret" };

export interface StoredApiKey {
  id: number;
  user: UserRow;
  permissions: ApiKeyPermissions;
  consumerSecret: string;
}

/** Finds a key and its user by the consumer key. */
export async function findApiKey(db: Db, consumerKey: string): Promise<StoredApiKey | undefined> {
  const row = await db
    .selectFrom("api_keys")
    .innerJoin("users", "users.id", "api_keys.user_id")
    .selectAll("users")
    .select([
      "api_keys.id as keyId",
      "api_keys.consumer_secret as consumerSecret",
      "api_keys.permissions as permissions",
    ])
    .where("api_keys.consumer_key_hash", "=", hashConsumerKey(consumerKey))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { keyId, consumerSecret, permissions, ...user } = row;
  return { id: keyId, user, permissions: permissions as ApiKeyPermissions, consumerSecret };
}

/** Finds the key and its user, and compares the secret in constant time. */
export async function checkApiKey(
  db: Db,
  consumerKey: string,
  consumerSecret: string,
): Promise<ApiKeyCheck> {
  const key = await findApiKey(db, consumerKey);
  if (key === undefined) return { ok: false, reason: "unknown_key" };
  const { consumerSecret: stored, permissions, user } = key;
  const expected = Buffer.from(stored);
  const actual = Buffer.from(consumerSecret);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: "bad_secret" };
  }
  return { ok: true, user, permissions };
}

function hashConsumerKey(consumerKey: string): string {
  return createHash("sha256").update(consumerKey).digest("hex");
}
