import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../build-app.js";
import { createUser } from "../auth/user-store.js";
import type { Role } from "../auth/capabilities.js";
import { demoDataDir } from "../demo/seed-demo-store.js";
import { openStoreDatabase } from "../db/store-database.js";
import type { SqlDialectName, StoreDatabase } from "../db/store-database.js";
import { importProductCsv } from "../importer/import-product-csv.js";
import { importTaxRateCsv } from "../importer/import-tax-rate-csv.js";
import { writeSettingValues } from "../store/store-settings.js";

export const testPostgresUrl = "postgres://postgres@127.0.0.1:5432/test";

/**
 * Dialects the suite runs on: both by default, or the one named by POS_TEST_DATABASE
 * (`sqlite` or `postgres`).
 */
export const testDialects: SqlDialectName[] =
  process.env["POS_TEST_DATABASE"] === "postgres"
    ? ["postgres"]
    : process.env["POS_TEST_DATABASE"] === "sqlite"
      ? ["sqlite"]
      : ["sqlite", "postgres"];

export const testPassword = "correct horse battery";

export interface TestServer {
  app: FastifyInstance;
  store: StoreDatabase;
  /** Bearer headers of a logged-in administrator, manager and cashier. */
  auth: Record<Role, { authorization: string }>;
  close(): Promise<void>;
}

/** Opens a fresh database: a temp DATA_DIR for SQLite, a new schema for PostgreSQL. */
export async function openTestStore(dialect: SqlDialectName) {
  if (dialect === "sqlite") {
    const dataDir = await mkdtemp(path.join(tmpdir(), "pos-server-test-"));
    const store = await openStoreDatabase({ dataDir });
    const cleanup = async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    };
    return { store, cleanup };
  }
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const store = await openStoreDatabase({ databaseUrl: testPostgresUrl, postgresSchema: schema });
  const cleanup = async () => {
    await store.close();
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  };
  return { store, cleanup };
}

export interface TestServerOptions {
  /** Import WooCommerce's sample catalogue and tax rates (default true). */
  sampleData?: boolean;
  settings?: Record<string, string>;
  now?: () => Date;
}

/** Starts an in-process server on a fresh database with a user of each role logged in. */
export async function startTestServer(
  dialect: SqlDialectName,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { store, cleanup } = await openTestStore(dialect);
  const now = options.now ?? (() => new Date());
  await writeSettingValues(store.db, {
    woocommerce_default_country: "US:CA",
    woocommerce_currency: "USD",
    woocommerce_price_num_decimals: "2",
    ...options.settings,
  });
  if (options.sampleData ?? true) {
    await importTaxRateCsv(store, await readFile(`${demoDataDir}sample_tax_rates.csv`, "utf8"));
    await importProductCsv(store, await readFile(`${demoDataDir}sample_products.csv`, "utf8"), now);
  }
  const app = await buildApp({ store, now });
  const auth = {} as TestServer["auth"];
  for (const role of ["administrator", "manager", "cashier"] as const) {
    await createUser(
      store.db,
      { username: role, displayName: role, role, password: testPassword },
      "2026-12-04T00:00:00",
    );
    auth[role] = { authorization: `Bearer ${await login(app, role)}` };
  }
  return {
    app,
    store,
    auth,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

export async function login(app: FastifyInstance, username: string): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/wp-json/pos/v1/auth/login",
    payload: { username, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
  return response.json<{ access_token: string }>().access_token;
}
