import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";

/**
 * A WordPress application password of a staff user (migration 0017). Only a SHA-256 hash of the
 * password is stored, because the password is shown once when it is created.
 */
export interface ApplicationPasswordsTable {
  /** A random UUID v4, as WordPress gives each application password. */
  uuid: string;
  user_id: number;
  /** The UUID a client application sent to identify itself, or "" when it sent none. */
  app_id: string;
  name: string;
  /** SHA-256 of the 24 letters and digits of the password, in hex. */
  password_hash: string;
  created_gmt: string;
  last_used_gmt: string | null;
  last_ip: string | null;
}

export interface ApplicationPasswordDatabase extends DatabaseSchema {
  application_passwords: ApplicationPasswordsTable;
}

/**
 * Views the store database with the table of migration 0017 added. Kysely's database type
 * parameter only shapes queries, so the wider view needs no conversion at run time.
 */
export function withApplicationPasswordTable(
  db: Kysely<DatabaseSchema>,
): Kysely<ApplicationPasswordDatabase> {
  return db;
}
