import { randomUUID } from "node:crypto";
import os from "node:os";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { AppContext } from "../../app-context.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { describeCurrency } from "../../store/currencies.js";
import {
  readSettingValues,
  readStoreSettings,
  writeSettingValues,
} from "../../store/store-settings.js";

/** WooCommerce's `product_visibility` terms, which this server models as product fields. */
const visibilityTerms = [
  "exclude-from-catalog",
  "exclude-from-search",
  "featured",
  "outofstock",
  "rated-1",
  "rated-2",
  "rated-3",
  "rated-4",
  "rated-5",
];

/** The version this server reports where WooCommerce reports its own. */
export const serverVersion = "0.1.0";

/**
 * `GET system_status` with the sections the recorded fixture keeps (environment, database,
 * active plugins, settings, security, post type counts), filled with this server's facts:
 * Node.js where WordPress reports PHP, the SQL engine where it reports MySQL.
 */
export function registerSystemStatusRoutes(app: FastifyInstance, context: AppContext): void {
  const db = context.store.db;
  app.get(
    "/wp-json/wc/v3/system_status",
    { preHandler: requireCapability(context, "manage_store", "view") },
    async (request) => {
      const baseUrl = requestBaseUrl(request);
      const settings = await readStoreSettings(db);
      const currency = describeCurrency(settings.currency);
      const engine = await engineVersion(context);
      return {
        environment: {
          home_url: baseUrl,
          site_url: baseUrl,
          store_id: await storeId(context),
          version: serverVersion,
          wp_version: serverVersion,
          wp_multisite: false,
          wp_memory_limit: os.totalmem(),
          wp_debug_mode: false,
          wp_cron: false,
          language: "en_US",
          external_object_cache: null,
          php_version: process.versions.node,
          php_max_execution_time: 0,
          php_max_input_vars: 0,
          max_upload_size: 10 * 1024 * 1024,
          mysql_version: engine.version,
          mysql_version_string: engine.description,
          default_timezone: settings.timeZone,
          fsockopen_or_curl_enabled: true,
          server_architecture: `${os.type()} ${os.arch()}`,
        },
        database: { wc_database_version: serverVersion, database_prefix: "" },
        active_plugins: [],
        settings: {
          api_enabled: true,
          force_ssl: false,
          currency: currency.code,
          currency_symbol: currency.entity,
          currency_position: (await readSettingValues(db))["woocommerce_currency_pos"] ?? "left",
          thousand_separator: settings.thousandSeparator,
          decimal_separator: settings.decimalSeparator,
          number_of_decimals: settings.decimals,
          geolocation_enabled: false,
          taxonomies: {
            external: "external",
            grouped: "grouped",
            simple: "simple",
            variable: "variable",
          },
          product_visibility_terms: Object.fromEntries(visibilityTerms.map((term) => [term, term])),
          woocommerce_com_connected: "no",
          enforce_approved_download_dirs: false,
          order_datastore: `${context.store.dialect} orders table`,
          HPOS_enabled: true,
          HPOS_sync_enabled: false,
          enabled_features: ["point_of_sale"],
        },
        security: { secure_connection: request.protocol === "https", hide_errors: true },
        post_type_counts: await postTypeCounts(context),
      };
    },
  );
}

async function storeId(context: AppContext): Promise<string> {
  const values = await readSettingValues(context.store.db);
  const known = values["pos_store_id"];
  if (known !== undefined && known !== "") return known;
  const id = randomUUID();
  await writeSettingValues(context.store.db, { pos_store_id: id });
  return id;
}

async function engineVersion(
  context: AppContext,
): Promise<{ version: string; description: string }> {
  if (context.store.dialect === "postgres") {
    const { rows } = await sql<{ version: string }>`select version() as version`.execute(
      context.store.db,
    );
    const description = rows[0]?.version ?? "PostgreSQL";
    return { version: /PostgreSQL ([\d.]+)/.exec(description)?.[1] ?? "", description };
  }
  const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(
    context.store.db,
  );
  const version = rows[0]?.version ?? "";
  return { version, description: `SQLite ${version}` };
}

async function postTypeCounts(context: AppContext) {
  const db = context.store.db;
  const products = await db
    .selectFrom("products")
    .select(["type", (eb) => eb.fn.countAll().as("count")])
    .groupBy("type")
    .execute();
  const variations = products.find((row) => row.type === "variation");
  const others = products.filter((row) => row.type !== "variation");
  const productCount = others.reduce((sum, row) => sum + Number(row.count), 0);
  const coupons = await db
    .selectFrom("coupons")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirst();
  const orders = await db
    .selectFrom("orders")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirst();
  return [
    { type: "product", count: String(productCount) },
    { type: "product_variation", count: String(Number(variations?.count ?? 0)) },
    { type: "shop_coupon", count: String(Number(coupons?.count ?? 0)) },
    { type: "shop_order_placehold", count: String(Number(orders?.count ?? 0)) },
  ];
}
