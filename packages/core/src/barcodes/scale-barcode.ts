import { toMoney } from "../money.js";
import type { Money } from "../money.js";
import { gtinCheckDigit } from "./gtin.js";

/**
 * How a store's scale prints price- or weight-embedded barcodes: a prefix ("21"), the item code,
 * the value and a check digit. Weights are in grams, or in kilograms with `valueDecimals` implied
 * decimals (3 when omitted); prices are in minor units.
 */
export interface ScaleBarcodeRule {
  prefix: string;
  itemCodeLength: number;
  valueLength: number;
  valueKind: "weight-grams" | "weight-kilograms" | "price";
  valueDecimals?: number;
}

export type ScaleBarcode =
  | ({
      ok: true;
      rule: ScaleBarcodeRule;
      /** The product's own barcode: the value part zeroed and the check digit recomputed. */
      lookupCode: string;
      itemCode: string;
    } & ({ kind: "weight"; weightGrams: number } | { kind: "price"; price: Money }))
  | { ok: false; reason: "bad-check-digit"; message: string };

/**
 * Reads a scale barcode with the first rule whose prefix and length fit. Returns undefined when
 * no rule fits, so the caller looks the code up as an ordinary barcode.
 */
export function parseScaleBarcode(
  code: string,
  rules: readonly ScaleBarcodeRule[],
): ScaleBarcode | undefined {
  const digits = code.trim();
  const rule = rules.find(
    (candidate) =>
      /^\d+$/.test(digits) &&
      digits.startsWith(candidate.prefix) &&
      digits.length ===
        candidate.prefix.length + candidate.itemCodeLength + candidate.valueLength + 1,
  );
  if (rule === undefined) return undefined;

  const expected = gtinCheckDigit(digits.slice(0, -1));
  if (expected !== Number(digits.slice(-1))) {
    return {
      ok: false,
      reason: "bad-check-digit",
      message: `scale barcode "${code}" should end in ${expected}: it was probably misread, so scan it again`,
    };
  }

  const itemStart = rule.prefix.length;
  const valueStart = itemStart + rule.itemCodeLength;
  const itemCode = digits.slice(itemStart, valueStart);
  const value = Number(digits.slice(valueStart, valueStart + rule.valueLength));
  const body = `${rule.prefix}${itemCode}${"0".repeat(rule.valueLength)}`;
  const lookupCode = `${body}${gtinCheckDigit(body)}`;

  if (rule.valueKind === "price") {
    return { ok: true, rule, lookupCode, itemCode, kind: "price", price: toMoney(value) };
  }
  const decimals = rule.valueKind === "weight-grams" ? 3 : (rule.valueDecimals ?? 3);
  const weightGrams = value * 10 ** (3 - decimals);
  return { ok: true, rule, lookupCode, itemCode, kind: "weight", weightGrams };
}

/** Prices a weighed item: price per kilogram × weight, rounded half up to minor units. */
export function priceForWeight(pricePerKilogram: Money, weightGrams: number): Money {
  if (!Number.isFinite(weightGrams) || weightGrams < 0) {
    throw new RangeError(
      `invalid weight ${weightGrams} g: expected a number of grams of at least 0`,
    );
  }
  const milligramsTimesPrice = BigInt(pricePerKilogram) * BigInt(Math.round(weightGrams * 1000));
  const divisor = 1_000_000n;
  const negative = milligramsTimesPrice < 0n;
  const magnitude = negative ? -milligramsTimesPrice : milligramsTimesPrice;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return toMoney(Number(negative ? -rounded : rounded));
}
