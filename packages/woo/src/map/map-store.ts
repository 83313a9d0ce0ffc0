import type { WcCurrency, WcSetting } from "../wc/wc-settings.js";
import type { PosStore } from "../pos/pos-schemas.js";

export interface WooStoreSources {
  /** `settings/general` entries. */
  general: WcSetting[];
  /** `settings/tax` entries; WooCommerce's defaults apply to missing ones. */
  tax: WcSetting[];
  currency: WcCurrency;
  siteName: string;
  /** IANA zone from the REST index's `timezone_string`; "UTC" when the site sets an offset only. */
  timezone: string;
  serverTimeGmt: string;
  /** WooCommerce has no such setting, so the till's configuration decides. */
  offlineSales: PosStore["offline_sales"];
}

function settingValue(settings: WcSetting[], id: string, fallback: string): string {
  const value = settings.find((setting) => setting.id === id)?.value;
  return typeof value === "string" ? value : fallback;
}

/** Decodes the numeric HTML entities WooCommerce puts in currency symbols (`&#36;` is "$"). */
export function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, "&");
}

/**
 * Builds the pos/v1 store record from a WooCommerce store's settings, so the till reads one
 * shape on both paths. Defaults are WooCommerce 11's for options a store never saved.
 */
export function mapWcSettingsToStore(sources: WooStoreSources): PosStore {
  const general = (id: string, fallback: string) => settingValue(sources.general, id, fallback);
  const tax = (id: string, fallback: string) => settingValue(sources.tax, id, fallback);
  const [country = "", state = ""] = general("woocommerce_default_country", "").split(":");
  const decimals = Number(general("woocommerce_price_num_decimals", "2"));
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 8) {
    throw new RangeError(
      `store setting woocommerce_price_num_decimals is "${decimals}"; set it to 0, 2 or 3 in WooCommerce`,
    );
  }
  const taxBasedOn = tax("woocommerce_tax_based_on", "shipping");
  return {
    name: sources.siteName,
    address: {
      address1: general("woocommerce_store_address", ""),
      address2: general("woocommerce_store_address_2", ""),
      city: general("woocommerce_store_city", ""),
      postcode: general("woocommerce_store_postcode", ""),
      country,
      state,
    },
    currency: sources.currency.code,
    currency_symbol: decodeHtmlEntities(sources.currency.symbol),
    decimals,
    decimal_separator: general("woocommerce_price_decimal_sep", "."),
    thousand_separator: general("woocommerce_price_thousand_sep", ","),
    prices_include_tax: tax("woocommerce_prices_include_tax", "no") === "yes",
    tax_round_at_subtotal: tax("woocommerce_tax_round_at_subtotal", "no") === "yes",
    calc_taxes: general("woocommerce_calc_taxes", "no") === "yes",
    tax_based_on: taxBasedOn === "base" || taxBasedOn === "billing" ? taxBasedOn : "shipping",
    coupons_enabled: general("woocommerce_enable_coupons", "yes") === "yes",
    coupons_sequential: general("woocommerce_calc_discounts_sequentially", "no") === "yes",
    offline_sales: sources.offlineSales,
    timezone: sources.timezone,
    server_time_gmt: sources.serverTimeGmt,
  };
}
