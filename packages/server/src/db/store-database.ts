import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DatabaseSchema } from "./database-schema.js";
import { createMigrationProvider } from "./migrations.js";

export type SqlDialectName = "sqlite" | "postgres";

export interface StoreDatabase {
  db: Kysely<DatabaseSchema>;
  dialect: SqlDialectName;
  close(): Promise<void>;
}

export interface OpenStoreDatabaseOptions {
  /** Folder of the SQLite file `store.sqlite`; used when `databaseUrl` is not set. */
  dataDir?: string;
  /** A `postgres://` URL; selects PostgreSQL. */
  databaseUrl?: string;
  /** PostgreSQL schema to create (if missing) and use as the search path; tests use one each. */
  postgresSchema?: string;
}

/** Opens the store database and brings its tables up to the newest migration. */
export async function openStoreDatabase(options: OpenStoreDatabaseOptions): Promise<StoreDatabase> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.postgresSchema)
    : openSqlite(options.dataDir ?? "./data");
  await migrateToLatest(
    store,
    options.databaseUrl === undefined ? undefined : options.postgresSchema,
  );
  return store;
}

function openSqlite(dataDir: string): StoreDatabase {
  mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(path.join(dataDir, "store.sqlite"));
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

/**
 * Keeps better-sqlite3's prepared statements by SQL text, so a query Kysely sends again is not
 * compiled again. Kysely runs one query at a time on its single connection, so a statement is
 * never used twice at once. The cache is emptied when it holds `limit` statements.
 */
function withStatementCache(database: SqliteDatabase.Database, limit = 1000) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        statement = database.prepare(text);
        if (statements.size >= limit) statements.clear();
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

async function openPostgres(
  databaseUrl: string,
  schema: string | undefined,
): Promise<StoreDatabase> {
  if (schema !== undefined) await createSchemaIfMissing(databaseUrl, schema);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

async function createSchemaIfMissing(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(
      `invalid PostgreSQL schema name "${schema}": use lower-case letters, digits, _`,
    );
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}

async function migrateToLatest(store: StoreDatabase, schema: string | undefined): Promise<void> {
  // Kysely looks for its migration tables by name across every schema unless the migrator is
  // given the schema, so a store in its own schema could mistake another schema's lock table
  // for its own.
  const migrator = new Migrator({
    db: store.db,
    provider: createMigrationProvider(store.dialect),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new Error(
      `database migration ${failed ?? "(unknown)"} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
}
