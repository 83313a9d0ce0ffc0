import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";

/**
 * Store settings kept under WooCommerce's option names, so settings/general and settings/tax
 * can read and write them as WooCommerce does. Values are strings ("yes"/"no" for flags).
 */
export const defaultSettingValues: Readonly<Record<string, string>> = Object.freeze({
  blogname: "Demo store",
  timezone_string: "UTC",
  woocommerce_store_address: "",
  woocommerce_store_address_2: "",
  woocommerce_store_city: "",
  woocommerce_store_postcode: "",
  woocommerce_default_country: "US:CA",
  woocommerce_currency: "USD",
  woocommerce_price_num_decimals: "2",
  woocommerce_price_decimal_sep: ".",
  woocommerce_price_thousand_sep: ",",
  woocommerce_currency_pos: "left",
  woocommerce_calc_taxes: "yes",
  woocommerce_prices_include_tax: "no",
  woocommerce_tax_based_on: "base",
  woocommerce_tax_round_at_subtotal: "no",
  woocommerce_enable_coupons: "yes",
  woocommerce_calc_discounts_sequentially: "no",
  woocommerce_manage_stock: "yes",
  woocommerce_notify_no_stock_amount: "0",
  pos_offline_sales_cash: "yes",
  pos_offline_sales_external_card: "yes",
});

export interface StoreSettings {
  name: string;
  timeZone: string;
  address: { address1: string; address2: string; city: string; postcode: string };
  country: string;
  state: string;
  currency: string;
  decimals: number;
  decimalSeparator: string;
  thousandSeparator: string;
  calcTaxes: boolean;
  pricesIncludeTax: boolean;
  taxBasedOn: string;
  taxRoundAtSubtotal: boolean;
  couponsEnabled: boolean;
  couponsSequential: boolean;
  offlineSales: { cash: boolean; externalCard: boolean };
}

export async function readSettingValues(
  db: Kysely<DatabaseSchema>,
): Promise<Record<string, string>> {
  const rows = await db.selectFrom("settings").selectAll().execute();
  const values: Record<string, string> = { ...defaultSettingValues };
  for (const row of rows) values[row.key] = row.value;
  return values;
}

export async function writeSettingValues(
  db: Kysely<DatabaseSchema>,
  values: Readonly<Record<string, string>>,
): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insertInto("settings")
      .values({ key, value })
      .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
      .execute();
  }
}

export async function readStoreSettings(db: Kysely<DatabaseSchema>): Promise<StoreSettings> {
  return toStoreSettings(await readSettingValues(db));
}

export function toStoreSettings(values: Readonly<Record<string, string>>): StoreSettings {
  const value = (key: string) => values[key] ?? defaultSettingValues[key] ?? "";
  const flag = (key: string) => value(key) === "yes";
  const [country = "", state = ""] = value("woocommerce_default_country").split(":");
  return {
    name: value("blogname"),
    timeZone: value("timezone_string") || "UTC",
    address: {
      address1: value("woocommerce_store_address"),
      address2: value("woocommerce_store_address_2"),
      city: value("woocommerce_store_city"),
      postcode: value("woocommerce_store_postcode"),
    },
    country,
    state,
    currency: value("woocommerce_currency"),
    decimals: Number.parseInt(value("woocommerce_price_num_decimals"), 10) || 0,
    decimalSeparator: value("woocommerce_price_decimal_sep"),
    thousandSeparator: value("woocommerce_price_thousand_sep"),
    calcTaxes: flag("woocommerce_calc_taxes"),
    pricesIncludeTax: flag("woocommerce_prices_include_tax"),
    taxBasedOn: value("woocommerce_tax_based_on"),
    taxRoundAtSubtotal: flag("woocommerce_tax_round_at_subtotal"),
    couponsEnabled: flag("woocommerce_enable_coupons"),
    couponsSequential: flag("woocommerce_calc_discounts_sequentially"),
    offlineSales: {
      cash: flag("pos_offline_sales_cash"),
      externalCard: flag("pos_offline_sales_external_card"),
    },
  };
}
