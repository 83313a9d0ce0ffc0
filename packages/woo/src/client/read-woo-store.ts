import { z } from "zod";
import type { PosStore } from "../pos/pos-schemas.js";
import { mapWcSettingsToStore } from "../map/map-store.js";
import { wcCurrencySchema, wcSettingSchema } from "../wc/wc-settings.js";
import { wpSiteIndexSchema } from "../wc/wc-site.js";
import type { WooClient } from "./woo-client.js";

/**
 * Reads a WooCommerce store's settings (general, tax, currency and the REST index) and returns
 * them as the pos/v1 store record. `nowGmt` stands in for the server time that WooCommerce does
 * not send.
 */
export async function readWooStore(
  client: WooClient,
  options: { offlineSales: PosStore["offline_sales"]; nowGmt: string; signal?: AbortSignal },
): Promise<PosStore> {
  const { signal } = options;
  const [general, tax, currency, site] = await Promise.all([
    client.request({ route: "wc/v3/settings/general", schema: z.array(wcSettingSchema), signal }),
    client.request({ route: "wc/v3/settings/tax", schema: z.array(wcSettingSchema), signal }),
    client.request({ route: "wc/v3/data/currencies/current", schema: wcCurrencySchema, signal }),
    client.request({ route: "", schema: wpSiteIndexSchema, signal }),
  ]);
  return mapWcSettingsToStore({
    general: general.data,
    tax: tax.data,
    currency: currency.data,
    siteName: site.data.name,
    timezone: site.data.timezone_string || "UTC",
    serverTimeGmt: options.nowGmt,
    offlineSales: options.offlineSales,
  });
}
