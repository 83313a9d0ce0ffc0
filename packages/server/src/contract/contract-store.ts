import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../build-app.js";
import { createApiKey } from "../auth/api-key-store.js";
import { createUser } from "../auth/user-store.js";
import { emptyProductDetails } from "../catalog/product-details.js";
import { insertProduct } from "../catalog/product-store.js";
import { ensureCategoryPath, ensureTerm } from "../catalog/term-store.js";
import { writeTransaction } from "../db/change-journal.js";
import type { SqlDialectName, StoreDatabase } from "../db/store-database.js";
import { demoDataDir } from "../demo/seed-demo-store.js";
import { importProductCsv } from "../importer/import-product-csv.js";
import { writeSettingValues } from "../store/store-settings.js";
import { openTestStore } from "../test-support/test-server.js";

export interface ContractStore {
  app: FastifyInstance;
  store: StoreDatabase;
  readWrite: { consumerKey: string; consumerSecret: string };
  readOnly: { consumerKey: string; consumerSecret: string };
  close(): Promise<void>;
}

const bulkCategories = ["Apparel Basics", "Gifts", "Home Goods", "Kitchen", "Stationery"];
const bulkTags = ["clearance", "new-arrival", "pos-favourite"];

/**
 * Builds the store the fixtures were recorded in, before their first request: US:CA, USD with 2
 * decimals, prices without tax, WooCommerce's sample catalogue and 2,000 invented simple products
 * `LB-00001`…`LB-02000` in 5 categories and 3 tags. Tax rates, customers, coupons and orders
 * come from the replayed requests themselves.
 */
export async function openContractStore(dialect: SqlDialectName): Promise<ContractStore> {
  const { store, cleanup } = await openTestStore(dialect);
  await writeSettingValues(store.db, {
    woocommerce_default_country: "US:CA",
    woocommerce_currency: "USD",
    woocommerce_price_num_decimals: "2",
    woocommerce_prices_include_tax: "no",
  });
  const now = () => new Date();
  await importProductCsv(store, await readFile(`${demoDataDir}sample_products.csv`, "utf8"), now);
  await insertBulkProducts(store);
  const admin = await createUser(
    store.db,
    { username: "admin", displayName: "admin", role: "administrator", password: "long password" },
    "2026-12-04T00:00:00",
  );
  const readWrite = await createApiKey(store.db, admin.id, "read_write", "rw", "2026-12-04T00:00");
  const readOnly = await createApiKey(store.db, admin.id, "read", "ro", "2026-12-04T00:00:00");
  const app = await buildApp({ store, trustProxy: true });
  return {
    app,
    store,
    readWrite,
    readOnly,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

async function insertBulkProducts(store: StoreDatabase): Promise<void> {
  await writeTransaction(store.db, async (trx) => {
    const categoryIds = [];
    for (const name of bulkCategories) categoryIds.push(await ensureCategoryPath(trx, name));
    const tagIds = [];
    for (const name of bulkTags) tagIds.push(await ensureTerm(trx, "product_tag", name));
    for (let index = 1; index <= 2000; index++) {
      const sku = `LB-${String(index).padStart(5, "0")}`;
      await insertProduct(
        trx,
        {
          parentId: 0,
          type: "simple",
          status: "publish",
          name: `Bulk product ${sku}`,
          slug: "",
          sku,
          globalUniqueId: "",
          regularPrice: `${(index % 97) + 1}.${String(index % 100).padStart(2, "0")}`,
          salePrice: "",
          featured: false,
          catalogVisibility: "visible",
          taxStatus: "taxable",
          taxClass: "",
          manageStock: true,
          stockQuantity: 10 + (index % 40),
          stockStatus: "instock",
          backorders: "no",
          menuOrder: 0,
          categoryIds: [categoryIds[index % categoryIds.length] ?? 0],
          tagIds: index % 2 === 0 ? [tagIds[index % tagIds.length] ?? 0] : [],
          details: emptyProductDetails(),
        },
        "2026-12-04T15:28:00",
      );
    }
  });
}
