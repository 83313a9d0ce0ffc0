import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type Generated } from "kysely";

/** A licence key as the service stores it: only a hash of the key text, never the text. */
export interface LicenceKeyTable {
  licence_id: string;
  /** SHA-256 of the normalised key text, in hex. */
  key_hash: string;
  /** Origin the key is bound to; null until an unpinned key is first activated. */
  store_origin: string | null;
  /** 1 when the origin was set at issue and stays bound after every deactivation. */
  origin_pinned: number;
  registers: number;
  grace_days: number;
  edition: string;
  created_at: string;
  expires_at: string;
}

/** One store server installation that activated a licence key. */
export interface ActivationTable {
  licence_id: string;
  instance_id: string;
  store_origin: string;
  first_activated_at: string;
  last_activated_at: string;
  activation_count: Generated<number>;
  deactivated_at: string | null;
}

export interface LicenceDatabase {
  licence_keys: LicenceKeyTable;
  activations: ActivationTable;
}

const SCHEMA_VERSION = 1;

/** Opens (and creates or migrates) the service's SQLite database at `file`. */
export async function openLicenceDatabase(file: string): Promise<Kysely<LicenceDatabase>> {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<LicenceDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, sqlite.pragma("user_version", { simple: true }) as number);
  return db;
}

async function migrate(db: Kysely<LicenceDatabase>, version: number): Promise<void> {
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `licence database schema version ${version} is newer than this service supports ` +
        `(${SCHEMA_VERSION}); run a newer licence service`,
    );
  }
  if (version === SCHEMA_VERSION) return;

  await db.schema
    .createTable("licence_keys")
    .addColumn("licence_id", "text", (c) => c.primaryKey())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("store_origin", "text")
    .addColumn("origin_pinned", "integer", (c) => c.notNull())
    .addColumn("registers", "integer", (c) => c.notNull())
    .addColumn("grace_days", "integer", (c) => c.notNull())
    .addColumn("edition", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("activations")
    .addColumn("licence_id", "text", (c) => c.notNull().references("licence_keys.licence_id"))
    .addColumn("instance_id", "text", (c) => c.notNull())
    .addColumn("store_origin", "text", (c) => c.notNull())
    .addColumn("first_activated_at", "text", (c) => c.notNull())
    .addColumn("last_activated_at", "text", (c) => c.notNull())
    .addColumn("activation_count", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("deactivated_at", "text")
    .addPrimaryKeyConstraint("activations_pk", ["licence_id", "instance_id"])
    .execute();
  await sql`PRAGMA user_version = ${sql.lit(SCHEMA_VERSION)}`.execute(db);
}
