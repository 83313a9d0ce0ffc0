import type { TaxRate } from "@pos/core";
import type { PosStore } from "@pos/woo";

/** Test data: a US store taxed at its base address in California. */
export const testStore: PosStore = {
  name: "Test store",
  address: {
    address1: "1 Main St",
    address2: "",
    city: "San Francisco",
    postcode: "94103",
    country: "US",
    state: "CA",
  },
  currency: "USD",
  currency_symbol: "$",
  decimals: 2,
  decimal_separator: ".",
  thousand_separator: ",",
  prices_include_tax: false,
  tax_round_at_subtotal: false,
  calc_taxes: true,
  tax_based_on: "base",
  coupons_enabled: true,
  coupons_sequential: false,
  offline_sales: { cash: true, external_card: true },
  timezone: "America/Los_Angeles",
  server_time_gmt: "2026-12-04T16:00:00",
};

export function taxRate(rate: string, overrides: Partial<TaxRate> = {}): TaxRate {
  return {
    id: 1,
    country: "US",
    state: "CA",
    postcodes: [],
    cities: [],
    rate,
    name: "CA tax",
    priority: 1,
    compound: false,
    shipping: true,
    order: 0,
    taxClass: "standard",
    ...overrides,
  };
}
