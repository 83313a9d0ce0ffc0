import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.js";
import { requireCapability } from "../../http/require-capability.js";
import { describeCurrency } from "../../store/currencies.js";
import { readStoreSettings } from "../../store/store-settings.js";
import { toGmtDateString } from "../../time/wp-date.js";

export function registerStoreRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    "/wp-json/pos/v1/store",
    { preHandler: requireCapability(context, "read_catalog", "view") },
    async () => {
      const settings = await readStoreSettings(context.store.db);
      return {
        name: settings.name,
        address: { ...settings.address, country: settings.country, state: settings.state },
        currency: settings.currency,
        currency_symbol: describeCurrency(settings.currency).symbol,
        decimals: settings.decimals,
        decimal_separator: settings.decimalSeparator,
        thousand_separator: settings.thousandSeparator,
        prices_include_tax: settings.pricesIncludeTax,
        tax_round_at_subtotal: settings.taxRoundAtSubtotal,
        calc_taxes: settings.calcTaxes,
        tax_based_on: settings.taxBasedOn,
        coupons_enabled: settings.couponsEnabled,
        coupons_sequential: settings.couponsSequential,
        offline_sales: {
          cash: settings.offlineSales.cash,
          external_card: settings.offlineSales.externalCard,
        },
        timezone: settings.timeZone,
        server_time_gmt: toGmtDateString(context.now()),
      };
    },
  );

  app.get("/wp-json/pos/v1/ping", { exposeHeadRoute: false }, () => ({
    ok: true,
    time_gmt: toGmtDateString(context.now()),
  }));
  app.head("/wp-json/pos/v1/ping", (_request, reply) => reply.status(200).send());
}
