import { priceForWeight, toMoney } from "@pos/core";
import type { NewCartLine } from "../cart/line-from-catalog.js";
import type { ScaledValue } from "./find-by-code.js";

/** The line attribute that carries a weighed item's weight to the cart and the receipt. */
export const weightAttributeName = "Weight";

/**
 * Turns a catalogue line into the line of a scale barcode. The cart counts whole units, so a
 * weighed item is one unit whose price is the weight times the catalogue's price per kilogram,
 * with the weight kept as a line attribute; a price-embedded item is one unit at that price.
 */
export function scaledLine(line: NewCartLine, scaled: ScaledValue): NewCartLine {
  if (scaled.kind === "price") return { ...line, priceOverrideMinor: scaled.price };

  const total = priceForWeight(toMoney(line.catalogPriceMinor), scaled.weightGrams);
  const weight = { name: weightAttributeName, option: formatKilograms(scaled.weightGrams) };
  return { ...line, priceOverrideMinor: total, attributes: [...line.attributes, weight] };
}

/** Formats grams as kilograms with three decimals, as scales print them: "2.750 kg". */
export function formatKilograms(weightGrams: number): string {
  return `${(weightGrams / 1000).toFixed(3)} kg`;
}
