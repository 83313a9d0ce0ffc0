import { describe, expect, it } from "vitest";
import type { TaxRate } from "./catalog.js";
import { matchTaxRates } from "./tax-rates.js";
import type { TaxLocation } from "./tax-location.js";

function rate(id: number, overrides: Partial<TaxRate>): TaxRate {
  return {
    id,
    country: "",
    state: "",
    postcodes: [],
    cities: [],
    rate: "10.0000",
    name: `Rate ${id}`,
    priority: 1,
    compound: false,
    shipping: true,
    order: id,
    taxClass: "standard",
    ...overrides,
  };
}

const london: TaxLocation = { country: "GB", state: "", postcode: "SW1A 1AA", city: "London" };
const beverlyHills: TaxLocation = {
  country: "US",
  state: "CA",
  postcode: "90210",
  city: "Beverly Hills",
};
const ids = (rates: TaxRate[]): number[] => rates.map((entry) => entry.id);

describe("matchTaxRates", () => {
  it("matches country and state, empty meaning any", () => {
    const rates = [
      rate(1, { country: "US", state: "CA" }),
      rate(2, { country: "US", state: "NY", priority: 2 }),
      rate(3, { country: "", priority: 3 }),
      rate(4, { country: "GB", priority: 4 }),
    ];
    expect(ids(matchTaxRates(rates, "", beverlyHills))).toEqual([1, 3]);
  });

  it("keeps one rate per priority, the most specific first", () => {
    const rates = [
      rate(1, { country: "US" }),
      rate(2, { country: "US", state: "CA" }),
      rate(3, { country: "US", state: "CA", priority: 2 }),
    ];
    expect(ids(matchTaxRates(rates, "standard", beverlyHills))).toEqual([2, 3]);
  });

  it("matches postcodes exactly, by wildcard and by range", () => {
    const rates = [
      rate(1, { postcodes: ["90210"] }),
      rate(2, { postcodes: ["902*"], priority: 2 }),
      rate(3, { postcodes: ["90200...90299"], priority: 3 }),
      rate(4, { postcodes: ["90300...90399"], priority: 4 }),
      rate(5, { postcodes: ["SW1A*"], priority: 5 }),
    ];
    expect(ids(matchTaxRates(rates, "", beverlyHills))).toEqual([1, 2, 3]);
    expect(ids(matchTaxRates(rates, "", london))).toEqual([5]);
  });

  it("matches cities without regard to case", () => {
    const rates = [
      rate(1, { cities: ["BEVERLY HILLS"] }),
      rate(2, { cities: ["PARIS"], priority: 2 }),
    ];
    expect(ids(matchTaxRates(rates, "", beverlyHills))).toEqual([1]);
  });

  it("selects the tax class", () => {
    const rates = [rate(1, {}), rate(2, { taxClass: "reduced-rate" })];
    expect(ids(matchTaxRates(rates, "reduced-rate", beverlyHills))).toEqual([2]);
    expect(ids(matchTaxRates(rates, "", beverlyHills))).toEqual([1]);
  });

  it("puts compound rates last", () => {
    const rates = [rate(1, { compound: true }), rate(2, { priority: 2 })];
    expect(ids(matchTaxRates(rates, "", beverlyHills))).toEqual([2, 1]);
  });
});
