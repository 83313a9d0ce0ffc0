import type { TaxRate } from "../catalog.js";
import { assertDecimals } from "../money.js";
import type { TaxLocation } from "../tax-location.js";
import { matchTaxRates, normalizeTaxClass } from "../tax-rates.js";
import type { RoundingMode } from "./fraction.js";
import { toRateSpecs } from "./tax-calculation.js";
import type { RateSpec } from "./tax-calculation.js";
import type { TotalsSettings } from "./totals-settings.js";

/** Settings and rate look-ups shared by the cart and the REST order computations. */
export interface TotalsContext {
  settings: TotalsSettings;
  taxRates: readonly TaxRate[];
  /**
   * Decimal places of the minor unit that unrounded taxes keep. WooCommerce rounds every computed
   * tax to 6 decimals of the unit it works in: minor units in the cart, major units in an order.
   */
  taxPlaces: number;
  /** Half down when prices include tax, else half up (`wc_get_tax_rounding_mode`). */
  taxRoundingMode: RoundingMode;
  ratesFor(taxClass: string): RateSpec[];
  shippingRatesFor(taxClass: string): RateSpec[];
}

export function createTotalsContext(
  settings: TotalsSettings,
  taxRates: readonly TaxRate[],
  location: TaxLocation,
  unit: "minor" | "major",
): TotalsContext {
  assertDecimals(settings.decimals);
  const cache = new Map<string, RateSpec[]>();
  const ratesFor = (taxClass: string): RateSpec[] => {
    const slug = normalizeTaxClass(taxClass);
    let specs = cache.get(slug);
    if (specs === undefined) {
      specs = settings.calcTaxes ? toRateSpecs(matchTaxRates(taxRates, slug, location)) : [];
      cache.set(slug, specs);
    }
    return specs;
  };

  return {
    settings,
    taxRates,
    taxPlaces: unit === "minor" ? 6 : 6 - settings.decimals,
    taxRoundingMode: settings.pricesIncludeTax ? "half-down" : "half-up",
    ratesFor,
    shippingRatesFor: (taxClass) => ratesFor(taxClass).filter((spec) => spec.rate.shipping),
  };
}
