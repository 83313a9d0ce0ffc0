import {
  normalizeGtin,
  parseScaleBarcode,
  type Money,
  type Product,
  type ScaleBarcodeRule,
  type Variation,
} from "@pos/core";
import type { CodeItem } from "../search/catalog-index.js";
import type { BarcodeField } from "./scan-settings-store.js";

/** The weight or price a scale barcode carries for the line it adds. */
export type ScaledValue = { kind: "weight"; weightGrams: number } | { kind: "price"; price: Money };

export type CodeMatch =
  | { kind: "product"; product: Product; scaled?: ScaledValue }
  | { kind: "variation"; variation: Variation; parent: Product; scaled?: ScaledValue }
  | { kind: "notFound"; message: string };

type ItemMatch = Exclude<CodeMatch, { kind: "notFound" }>;
export type { CodeItem };

export interface FindByCodeOptions {
  barcodeField?: BarcodeField;
  scaleRules?: readonly ScaleBarcodeRule[];
}

/**
 * Exact code lookups, variations first. The catalogue worker's `CatalogIndex` returns them from
 * memory, so a scan never waits behind the sync's write transactions.
 */
export interface CodeSource {
  findBySku(sku: string): CodeItem[] | Promise<CodeItem[]>;
  findByGtin(gtin14: string): CodeItem[] | Promise<CodeItem[]>;
  /** Barcodes that are not GTINs (a store's own codes), compared as text without case. */
  findByOtherBarcode(barcode: string): CodeItem[] | Promise<CodeItem[]>;
}

/**
 * Finds what a scanned or typed code sells: an exact SKU first, then a scale barcode by its
 * item code, then a barcode compared as GTIN-14, so UPC-A `075678164125` and EAN-13
 * `0075678164125` find the same item. A code that is not a GTIN is compared with barcodes
 * that are not GTINs either, while a GTIN with a wrong check digit is a misread. A variation's code adds that variation, never its parent.
 * `barcodeField` limits the lookup to the SKU or to the barcode.
 */
export async function findByCode(
  codes: CodeSource,
  code: string,
  options: FindByCodeOptions = {},
): Promise<CodeMatch> {
  const field = options.barcodeField ?? "any";
  const notFound = `No product has the ${fieldWords[field]} "${code}".`;

  if (field !== "globalUniqueId") {
    const bySku = firstOf(await codes.findBySku(code));
    if (bySku) return bySku;
    if (field === "sku") return { kind: "notFound", message: notFound };
  }

  const scale = parseScaleBarcode(code, options.scaleRules ?? []);
  if (scale && !scale.ok) return { kind: "notFound", message: `${capitalize(scale.message)}.` };
  if (scale) return findScaled(codes, code, scale);

  const gtin = normalizeGtin(code);
  if (!gtin.ok && gtin.reason === "bad-check-digit") {
    return { kind: "notFound", message: `${notFound.slice(0, -1)} (${gtin.message}).` };
  }
  if (!gtin.ok) {
    const byText = firstOf(await codes.findByOtherBarcode(code));
    return byText ?? { kind: "notFound", message: notFound };
  }
  return firstOf(await codes.findByGtin(gtin.gtin14)) ?? { kind: "notFound", message: notFound };
}

const fieldWords: Record<BarcodeField, string> = {
  any: "SKU or barcode",
  sku: "SKU",
  globalUniqueId: "barcode",
};

/**
 * Finds the product of a scale barcode by its own barcode (the value part zeroed), or else by
 * an SKU equal to the item code, and carries the weight or price over to the match.
 */
async function findScaled(
  codes: CodeSource,
  code: string,
  scale: Extract<ReturnType<typeof parseScaleBarcode>, { ok: true }>,
): Promise<CodeMatch> {
  const lookup = normalizeGtin(scale.lookupCode);
  const byBarcode = lookup.ok ? firstOf(await codes.findByGtin(lookup.gtin14)) : null;
  const match = byBarcode ?? firstOf(await codes.findBySku(scale.itemCode));
  if (!match) {
    return {
      kind: "notFound",
      message:
        `No product has the barcode ${scale.lookupCode} or the SKU ${scale.itemCode} that ` +
        `the scale barcode "${code}" names: add that barcode to the product.`,
    };
  }
  const scaled: ScaledValue =
    scale.kind === "weight"
      ? { kind: "weight", weightGrams: scale.weightGrams }
      : { kind: "price", price: scale.price };
  return { ...match, scaled };
}

function firstOf(items: readonly CodeItem[]): ItemMatch | null {
  return items[0] ?? null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
