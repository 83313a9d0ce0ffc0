import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";

/**
 * A signed-in device: one row per login, kept across token refreshes, so a manager can list
 * and revoke devices and the licence's register limit can count them.
 */
export interface DeviceSessionsTable {
  id: string;
  user_id: number;
  /** The register id the till sent at login, or null for API clients that sent none. */
  register: string | null;
  /**
   * The readable register name the till sent at login, such as its receipt prefix, or null when
   * it sent none (migration 0019).
   */
  register_name: string | null;
  /** The User-Agent header of the login request, cut to 200 characters. */
  device: string;
  created_gmt: string;
  last_used_gmt: string;
  /** ISO 8601 UTC instant of the newest refresh token's expiry. */
  expires_at: string;
  revoked_gmt: string | null;
}

/** Which session each access or refresh token belongs to. */
export interface DeviceSessionTokensTable {
  token_hash: string;
  session_id: string;
}

/** A staff PIN for switching cashiers: PBKDF2-SHA256, parameters stored with the hash. */
export interface UserPinsTable {
  user_id: number;
  algorithm: string;
  iterations: number;
  /** base64url salt, 16 random bytes. */
  salt: string;
  /** base64url derived key, 32 bytes. */
  hash: string;
  failed_attempts: number;
  locked: number;
  updated_gmt: string;
  /** When the PIN was locked, or null while it is not. */
  locked_gmt: string | null;
  /** When a lockout reported by a till ends, or null for none or one without an end. */
  locked_until_gmt: string | null;
  /** The register whose till reported the lockout in force; null when the server counted it. */
  locked_by_register: string | null;
  locked_by_register_name: string | null;
  /** The user signed in on the till that reported the lockout in force. */
  locked_by_user_id: number | null;
}

/** Key-value state of the licence: the activated document and this installation's id. */
export interface LicenceStateTable {
  key: string;
  value: string;
}

export interface DeviceSessionDatabase extends DatabaseSchema {
  device_sessions: DeviceSessionsTable;
  device_session_tokens: DeviceSessionTokensTable;
  user_pins: UserPinsTable;
  licence_state: LicenceStateTable;
}

/**
 * Views the store database with the tables of migration 0011 added. Kysely's database type
 * parameter only shapes queries, so the wider view needs no conversion at run time.
 */
export function withDeviceSessionTables(db: Kysely<DatabaseSchema>): Kysely<DeviceSessionDatabase> {
  return db;
}
