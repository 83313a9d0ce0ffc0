import type { Kysely, Migration, MigrationProvider } from "kysely";
import type { SqlDialectName } from "./store-database.js";
import { createUniqueLowerIndexes } from "./case-insensitive-unique-migration.js";
import { createCatalogLookupIndexes } from "../catalog/catalog-indexes-migration.js";
import { createSkuUniqueIndex } from "../catalog/sku-unique-migration.js";
import { createDeviceSessionTables } from "../auth/device-session-migration.js";
import { createApplicationPasswordsTable } from "../auth/application-password-migration.js";
import { addPinLockoutColumns } from "../auth/pin-lockout-migration.js";
import { addPinLockoutReporterColumns } from "../auth/pin-lockout-reporter-migration.js";
import { addRegisterNameColumn } from "../auth/register-name-migration.js";
import { createRefundKeysTable } from "../orders/refund-keys.js";
import { createTillCashSessionsTable } from "../till-sessions/till-session-tables.js";

type AnyDatabase = Kysely<unknown>;

/** Migrations written in code; `dialect` picks the few column types that differ. */
export function createMigrationProvider(dialect: SqlDialectName): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "0001_initial": { up: (db) => createInitialTables(db, dialect) },
    "0002_api_keys": { up: (db) => createApiKeysTable(db, dialect) },
    "0010_login_failures": { up: (db) => createLoginFailuresTable(db, dialect) },
    "0011_device_sessions": { up: (db) => createDeviceSessionTables(db, dialect) },
    "0011_refund_keys": { up: (db) => createRefundKeysTable(db, dialect) },
    "0012_till_cash_sessions": { up: (db) => createTillCashSessionsTable(db, dialect) },
    "0013_catalog_lookup_indexes": { up: (db) => createCatalogLookupIndexes(db) },
    "0015_unique_skus": { up: (db) => createSkuUniqueIndex(db, dialect) },
    "0016_unique_emails_and_codes": { up: (db) => createUniqueLowerIndexes(db) },
    "0017_application_passwords": { up: (db) => createApplicationPasswordsTable(db) },
    "0018_pin_lockouts": { up: (db) => addPinLockoutColumns(db) },
    "0019_register_names": { up: (db) => addRegisterNameColumn(db) },
    "0020_pin_lockout_reporters": { up: (db) => addPinLockoutReporterColumns(db) },
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}

async function createInitialTables(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  await createCatalogTables(db, dialect);
  await createPeopleTables(db, dialect);
  await createSalesTables(db, dialect);
  await createJournalTables(db, dialect);
}

function columnTypes(dialect: SqlDialectName) {
  return {
    idType: dialect === "postgres" ? ("serial" as const) : ("integer" as const),
    bigType: dialect === "postgres" ? ("bigint" as const) : ("integer" as const),
  };
}

async function createCatalogTables(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  const { idType } = columnTypes(dialect);
  const schema = db.schema;

  await schema
    .createTable("products")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("parent_id", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("global_unique_id", "text", (c) => c.notNull())
    .addColumn("price", "text", (c) => c.notNull())
    .addColumn("regular_price", "text", (c) => c.notNull())
    .addColumn("sale_price", "text", (c) => c.notNull())
    .addColumn("featured", "integer", (c) => c.notNull())
    .addColumn("catalog_visibility", "text", (c) => c.notNull())
    .addColumn("tax_status", "text", (c) => c.notNull())
    .addColumn("tax_class", "text", (c) => c.notNull())
    .addColumn("manage_stock", "integer", (c) => c.notNull())
    .addColumn("stock_quantity", "integer")
    .addColumn("stock_status", "text", (c) => c.notNull())
    .addColumn("backorders", "text", (c) => c.notNull())
    .addColumn("total_sales", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("menu_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .addColumn("date_modified_gmt", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await schema.createIndex("products_parent").on("products").column("parent_id").execute();
  await schema.createIndex("products_sku").on("products").column("sku").execute();
  await schema
    .createIndex("products_modified")
    .on("products")
    .columns(["date_modified_gmt", "id"])
    .execute();

  await schema
    .createTable("terms")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("taxonomy", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("menu_order", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("terms_taxonomy_slug", ["taxonomy", "slug"])
    .execute();

  await schema
    .createTable("product_terms")
    .addColumn("product_id", "integer", (c) => c.notNull())
    .addColumn("term_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("product_terms_pk", ["product_id", "term_id"])
    .execute();
  await schema.createIndex("product_terms_term").on("product_terms").column("term_id").execute();

  await schema
    .createTable("tax_rates")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("postcodes", "text", (c) => c.notNull())
    .addColumn("cities", "text", (c) => c.notNull())
    .addColumn("rate", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("compound", "integer", (c) => c.notNull())
    .addColumn("shipping", "integer", (c) => c.notNull())
    .addColumn("rate_order", "integer", (c) => c.notNull())
    .addColumn("tax_class", "text", (c) => c.notNull())
    .execute();
}

async function createPeopleTables(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  const { idType } = columnTypes(dialect);
  const schema = db.schema;

  await schema
    .createTable("customers")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("billing", "text", (c) => c.notNull())
    .addColumn("shipping", "text", (c) => c.notNull())
    .addColumn("meta_data", "text", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_paying_customer", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .addColumn("date_modified_gmt", "text", (c) => c.notNull())
    .execute();

  await schema
    .createTable("users")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .execute();

  await schema
    .createTable("auth_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

async function createSalesTables(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  const { idType } = columnTypes(dialect);
  const schema = db.schema;

  await schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await schema
    .createTable("orders")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("customer_id", "integer", (c) => c.notNull())
    .addColumn("client_uuid", "text", (c) => c.unique())
    .addColumn("total", "text", (c) => c.notNull())
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .addColumn("date_modified_gmt", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await schema.createIndex("orders_created").on("orders").column("date_created_gmt").execute();

  await schema
    .createTable("refunds")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("order_id", "integer", (c) => c.notNull())
    .addColumn("amount", "text", (c) => c.notNull())
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await schema.createIndex("refunds_order").on("refunds").column("order_id").execute();

  await schema
    .createTable("coupons")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("usage_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .addColumn("date_modified_gmt", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
}

async function createJournalTables(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  const { bigType } = columnTypes(dialect);
  const schema = db.schema;

  await schema
    .createTable("counters")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", bigType, (c) => c.notNull())
    .execute();
  await db
    .insertInto("counters" as never)
    .values([
      { name: "journal", value: 0 },
      { name: "order_item", value: 0 },
      { name: "media", value: 0 },
    ] as never)
    .execute();

  await schema
    .createTable("changes")
    .addColumn("seq", bigType, (c) => c.primaryKey())
    .addColumn("collection", "text", (c) => c.notNull())
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("deleted", "integer", (c) => c.notNull())
    .addUniqueConstraint("changes_record", ["collection", "record_id"])
    .execute();
}

async function createApiKeysTable(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  const { idType } = columnTypes(dialect);
  await db.schema
    .createTable("api_keys")
    .addColumn("id", idType, (c) => withAutoIncrement(c.primaryKey(), dialect))
    .addColumn("user_id", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("permissions", "text", (c) => c.notNull())
    .addColumn("consumer_key_hash", "text", (c) => c.notNull().unique())
    .addColumn("consumer_secret", "text", (c) => c.notNull())
    .addColumn("truncated_key", "text", (c) => c.notNull())
    .addColumn("date_created_gmt", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("oauth_nonces")
    .addColumn("api_key_id", "integer", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("timestamp_seconds", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("oauth_nonces_pk", ["api_key_id", "nonce"])
    .execute();
}

/** Failed logins, shared by every server process on the database (login rate limiting). */
async function createLoginFailuresTable(db: AnyDatabase, dialect: SqlDialectName): Promise<void> {
  const { bigType } = columnTypes(dialect);
  await db.schema
    .createTable("login_failures")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("failed_at_ms", bigType, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_failures_key")
    .on("login_failures")
    .columns(["key", "failed_at_ms"])
    .execute();
}

function withAutoIncrement<T extends { autoIncrement(): T }>(
  column: T,
  dialect: SqlDialectName,
): T {
  return dialect === "sqlite" ? column.autoIncrement() : column;
}
