import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  buildApp,
  createUser,
  importProductCsv,
  importTaxRateCsv,
  type StoreDatabase,
} from "@pos/server";
import type { GeneratedCatalogue } from "./generate-catalogue.js";

export const benchUser = { username: "bench-admin", password: "bench-password-1" };

const taxRatesCsv = fileURLToPath(
  new URL("../../packages/server/demo-data/sample_tax_rates.csv", import.meta.url),
);

export interface LoadReport {
  products: number;
  customers: number;
  failures: string[];
}

/**
 * Loads a generated catalogue into an empty store through the server's own exported functions:
 * the WooCommerce product CSV importer and tax-rate importer, then the customers one by one
 * through `POST wc/v3/customers` (the server has no bulk customer loader).
 */
export async function loadCatalogue(
  store: StoreDatabase,
  catalogue: GeneratedCatalogue,
): Promise<LoadReport> {
  const now = () => new Date();
  await createUser(
    store.db,
    { ...benchUser, role: "administrator", displayName: "Benchmark administrator" },
    now().toISOString().slice(0, 19),
  );
  await importTaxRateCsv(store, await readFile(taxRatesCsv, "utf8"));
  const products = await importProductCsv(store, catalogue.productCsv, now);
  const failures = products.failed.map((failure) => `line ${failure.line}: ${failure.message}`);

  const app = await buildApp({ store });
  try {
    const token = await logIn(app);
    for (const customer of catalogue.customers) {
      const response = await app.inject({
        method: "POST",
        url: "/wp-json/wc/v3/customers",
        headers: { authorization: `Bearer ${token}` },
        payload: customer,
      });
      if (response.statusCode !== 201) {
        failures.push(`customer ${customer.email}: ${response.statusCode} ${response.body}`);
      }
    }
  } finally {
    await app.close();
  }
  return { products: products.created, customers: catalogue.customers.length, failures };
}

/** Logs the benchmark administrator in and returns the access token. */
export async function logIn(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/wp-json/pos/v1/auth/login",
    payload: benchUser,
  });
  if (response.statusCode !== 200) {
    throw new Error(`benchmark login failed with ${response.statusCode}: ${response.body}`);
  }
  return (JSON.parse(response.body) as { access_token: string }).access_token;
}
