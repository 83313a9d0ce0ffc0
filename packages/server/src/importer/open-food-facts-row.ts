import { createHash } from "node:crypto";
import { hasValidCheckDigit } from "@pos/core";

/** A product read from the Open Food Facts file: its GTIN-13 and its name. */
export interface OpenFoodFactsProduct {
  code: string;
  name: string;
}

/** The reason a row of the Open Food Facts file was skipped, counted per reason in the report. */
export type OpenFoodFactsSkipReason =
  "invalid_code" | "bad_check_digit" | "empty_name" | "duplicate_code" | "already_in_store";

export type OpenFoodFactsRowResult =
  { ok: true; product: OpenFoodFactsProduct } | { ok: false; reason: OpenFoodFactsSkipReason };

/**
 * Checks one record of the file: `code` must be 13 digits with a valid GS1 check digit and
 * `product_name` must hold a non-blank name. Whitespace runs in the name become one space.
 */
export function parseOpenFoodFactsRow(record: Record<string, string>): OpenFoodFactsRowResult {
  const code = (record["code"] ?? "").trim();
  if (!/^\d{13}$/.test(code)) return { ok: false, reason: "invalid_code" };
  if (!hasValidCheckDigit(code)) return { ok: false, reason: "bad_check_digit" };

  const name = (record["product_name"] ?? "").replace(/\s+/g, " ").trim();
  if (name === "") return { ok: false, reason: "empty_name" };
  return { ok: true, product: { code, name } };
}

/**
 * Generates a shelf price for a barcode, because the file has no prices. The price depends on
 * the code alone, so every import of the file gives each product the same price: from 0.99 to
 * 19.99 in steps of 0.10, always ending in 9, as a decimal string with 2 decimals.
 */
export function generatedPrice(code: string): string {
  const hash = createHash("sha256").update(code).digest().readUInt32BE(0);
  const dimes = 10 + (hash % 191);
  const cents = dimes * 10 - 1;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
