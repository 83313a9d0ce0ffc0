export { buildApp } from "./build-app.js";
export type { BuildAppOptions } from "./build-app.js";
export { openStoreDatabase } from "./db/store-database.js";
export type {
  OpenStoreDatabaseOptions,
  SqlDialectName,
  StoreDatabase,
} from "./db/store-database.js";
export { importProductCsv } from "./importer/import-product-csv.js";
export type { ProductImportReport } from "./importer/import-product-csv.js";
export { importTaxRateCsv } from "./importer/import-tax-rate-csv.js";
export type { TaxRateImportReport } from "./importer/import-tax-rate-csv.js";
export { createUser } from "./auth/user-store.js";
export type { NewUser } from "./auth/user-store.js";
export { seedDemoStore } from "./demo/seed-demo-store.js";
export type { DemoLogins } from "./demo/seed-demo-store.js";
export { createApiKey } from "./auth/api-key-store.js";
export type { ApiKeyPermissions } from "./auth/api-key-store.js";
