import type { Kysely, Selectable } from "kysely";

import type { LicenceDatabase, LicenceKeyTable } from "./licence-database.js";
import {
  generateLicenceId,
  generateLicenceKey,
  hashLicenceKey,
  normaliseLicenceKey,
  type RandomBytes,
} from "./licence-key-text.js";

const DAY_MS = 86_400_000;

export type LicenceKeyRecord = Selectable<LicenceKeyTable>;

export interface IssueLicenceKeyInput {
  /** Normalised origin to pin the key to; omitted, the first activation binds it. */
  readonly storeOrigin?: string;
  readonly registers: number;
  readonly days: number;
  readonly graceDays: number;
  readonly edition: string;
  readonly now: Date;
  readonly randomBytes: RandomBytes;
}

/** Stores a new licence key and returns its text, which exists nowhere else afterwards. */
export async function issueLicenceKey(
  db: Kysely<LicenceDatabase>,
  input: IssueLicenceKeyInput,
): Promise<{ licenceKey: string; record: LicenceKeyRecord }> {
  const licenceKey = generateLicenceKey(input.randomBytes);
  const record: LicenceKeyRecord = {
    licence_id: generateLicenceId(input.randomBytes),
    key_hash: hashLicenceKey(normaliseLicenceKey(licenceKey)!),
    store_origin: input.storeOrigin ?? null,
    origin_pinned: input.storeOrigin === undefined ? 0 : 1,
    registers: input.registers,
    grace_days: input.graceDays,
    edition: input.edition,
    created_at: toSeconds(input.now),
    expires_at: toSeconds(new Date(input.now.getTime() + input.days * DAY_MS)),
  };
  await db.insertInto("licence_keys").values(record).execute();
  return { licenceKey, record };
}

/** Finds the key record for typed key text; undefined when no key matches. */
export async function findLicenceKey(
  db: Kysely<LicenceDatabase>,
  normalisedKey: string,
): Promise<LicenceKeyRecord | undefined> {
  return db
    .selectFrom("licence_keys")
    .selectAll()
    .where("key_hash", "=", hashLicenceKey(normalisedKey))
    .executeTakeFirst();
}

/** Lists every licence key, oldest first. */
export async function listLicenceKeys(db: Kysely<LicenceDatabase>): Promise<LicenceKeyRecord[]> {
  return db.selectFrom("licence_keys").selectAll().orderBy("created_at").execute();
}

/**
 * Extends a licence by `days` from its expiry, or from now when it has already expired. Returns
 * the new record, or undefined when no licence has that id.
 */
export async function renewLicenceKey(
  db: Kysely<LicenceDatabase>,
  input: { licenceId: string; days: number; now: Date },
): Promise<LicenceKeyRecord | undefined> {
  const record = await db
    .selectFrom("licence_keys")
    .selectAll()
    .where("licence_id", "=", input.licenceId)
    .executeTakeFirst();
  if (record === undefined) return undefined;

  const fromMs = Math.max(Date.parse(record.expires_at), input.now.getTime());
  const expiresAt = toSeconds(new Date(fromMs + input.days * DAY_MS));
  await db
    .updateTable("licence_keys")
    .set({ expires_at: expiresAt })
    .where("licence_id", "=", input.licenceId)
    .execute();
  return { ...record, expires_at: expiresAt };
}

/** Formats a time as an ISO 8601 UTC instant to the second, the form licence documents use. */
export function toSeconds(time: Date): string {
  return `${time.toISOString().slice(0, 19)}Z`;
}
