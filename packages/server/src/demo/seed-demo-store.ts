import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { StoreDatabase } from "../db/store-database.js";
import { createUser, findUserByUsername } from "../auth/user-store.js";
import { hashPassword } from "../auth/passwords.js";
import type { Role } from "../auth/capabilities.js";
import { importProductCsv } from "../importer/import-product-csv.js";
import { importTaxRateCsv } from "../importer/import-tax-rate-csv.js";
import { writeSettingValues } from "../store/store-settings.js";
import { toGmtDateString } from "../time/wp-date.js";
import { stockDemoCatalogue } from "./stock-demo-catalogue.js";

/** The folder of WooCommerce's sample CSV files, beside `src/` and `dist/`. */
export const demoDataDir = fileURLToPath(new URL("../../demo-data/", import.meta.url));

export interface DemoLogins {
  password: string;
  users: { username: string; role: Role }[];
}

const demoUsers: { username: string; displayName: string; role: Role }[] = [
  { username: "manager", displayName: "Morgan Manager", role: "manager" },
  { username: "cashier", displayName: "Casey Cashier", role: "cashier" },
];

/**
 * Seeds an empty store with WooCommerce's sample catalogue and tax rates through the CSV
 * importers, and demo settings: USD with 2 decimals, prices without tax, base US:CA, so the
 * sample's US 10% rate applies, and tracked stock of `demoStockQuantity` units of each item.
 * The demo users' password is set to `password` on every start.
 */
export function seedDemoStore(
  store: StoreDatabase,
  password: string,
  now: () => Date,
): Promise<DemoLogins> {
  return withSeedLock(store, () => seedUnlocked(store, password, now));
}

/**
 * Runs `seed` while holding a PostgreSQL session advisory lock keyed by the schema, so two
 * processes started together on an empty database seed it once. The second waits, then finds
 * the products and the users there. The lock lives on one pooled connection and ends with it
 * when a process dies. The seed spans several transactions (each importer commits its own),
 * which is why a transaction-level lock would not cover it. SQLite needs no lock here.
 * NOTE: two processes seeding one SQLite file at once are not serialized.
 */
async function withSeedLock<T>(store: StoreDatabase, seed: () => Promise<T>): Promise<T> {
  if (store.dialect !== "postgres") return seed();
  return store.db.connection().execute(async (connection) => {
    const key = sql`hashtext(current_schema() || ':demo-seed')`;
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      return await seed();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}

async function seedUnlocked(
  store: StoreDatabase,
  password: string,
  now: () => Date,
): Promise<DemoLogins> {
  const existing = await store.db.selectFrom("products").select("id").limit(1).execute();
  if (existing.length === 0) {
    await writeSettingValues(store.db, {
      blogname: "Demo store",
      timezone_string: "America/Los_Angeles",
      woocommerce_store_address: "1 Invented Street",
      woocommerce_store_city: "Sampleton",
      woocommerce_store_postcode: "90001",
      woocommerce_default_country: "US:CA",
      woocommerce_currency: "USD",
      woocommerce_price_num_decimals: "2",
      woocommerce_prices_include_tax: "no",
      woocommerce_calc_taxes: "yes",
    });
    await importTaxRateCsv(store, await readFile(`${demoDataDir}sample_tax_rates.csv`, "utf8"));
    await importProductCsv(store, await readFile(`${demoDataDir}sample_products.csv`, "utf8"), now);
    await stockDemoCatalogue(store, toGmtDateString(now()));
  }
  for (const user of demoUsers) {
    const row = await findUserByUsername(store.db, user.username);
    if (row === undefined) {
      await createUser(store.db, { ...user, password }, toGmtDateString(now()));
    } else {
      await store.db
        .updateTable("users")
        .set({ password_hash: await hashPassword(password) })
        .where("id", "=", row.id)
        .execute();
    }
  }
  return { password, users: demoUsers.map(({ username, role }) => ({ username, role })) };
}
