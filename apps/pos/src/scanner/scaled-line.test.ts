import { describe, expect, it } from "vitest";
import { toMoney } from "@pos/core";
import type { NewCartLine } from "../cart/line-from-catalog.js";
import { formatKilograms, scaledLine } from "./scaled-line.js";

const cheddar: NewCartLine = {
  productId: 50,
  variationId: null,
  name: "Cheddar",
  sku: "",
  attributes: [],
  catalogPriceMinor: 320,
  priceOverrideMinor: null,
  discountBasisPoints: 0,
  onSale: false,
  taxStatus: "taxable",
  taxClass: "",
  categoryIds: [],
};

describe("scaledLine", () => {
  it("prices 2.750 kg at 3.20 per kg as 8.80", () => {
    const line = scaledLine(cheddar, { kind: "weight", weightGrams: 2750 });

    expect(line.priceOverrideMinor).toBe(880);
    expect(line.attributes).toEqual([{ name: "Weight", option: "2.750 kg" }]);
  });

  it("rounds a weighed price half up to minor units", () => {
    // 5 g at 1.00 per kg is half a minor unit.
    const line = scaledLine(
      { ...cheddar, catalogPriceMinor: 100 },
      { kind: "weight", weightGrams: 5 },
    );

    expect(line.priceOverrideMinor).toBe(1);
  });

  it("sells a price-embedded item at the embedded price", () => {
    const line = scaledLine(cheddar, { kind: "price", price: toMoney(1234) });

    expect(line.priceOverrideMinor).toBe(1234);
    expect(line.attributes).toEqual([]);
  });
});

describe("formatKilograms", () => {
  it.each([
    [2750, "2.750 kg"],
    [5, "0.005 kg"],
    [12000, "12.000 kg"],
  ])("formats %d g as %s", (grams, text) => {
    expect(formatKilograms(grams)).toBe(text);
  });
});
