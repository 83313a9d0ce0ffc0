import {
  normalizeGtin,
  parseScaleBarcode,
  type Money,
  type Product,
  type ScaleBarcodeRule,
  type Variation,
} from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import type { BarcodeField } from "./scan-settings-store.js";

/** The weight or price a scale barcode carries for the line it adds. */
export type ScaledValue = { kind: "weight"; weightGrams: number } | { kind: "price"; price: Money };

export type CodeMatch =
  | { kind: "product"; product: Product; scaled?: ScaledValue }
  | { kind: "variation"; variation: Variation; parent: Product; scaled?: ScaledValue }
  | { kind: "notFound"; message: string };

type ItemMatch = Exclude<CodeMatch, { kind: "notFound" }>;

export interface FindByCodeOptions {
  barcodeField?: BarcodeField;
  scaleRules?: readonly ScaleBarcodeRule[];
}

/**
 * Finds what a scanned or typed code sells: an exact SKU first, then a scale barcode by its
 * item code, then a barcode compared as GTIN-14, so UPC-A `075678164125` and EAN-13
 * `0075678164125` find the same item. A variation's code adds that variation, never its parent.
 * `barcodeField` limits the lookup to the SKU or to the barcode.
 */
export async function findByCode(
  db: CatalogDb,
  code: string,
  options: FindByCodeOptions = {},
): Promise<CodeMatch> {
  const field = options.barcodeField ?? "any";
  const notFound = `No product has the ${fieldWords[field]} "${code}".`;

  if (field !== "globalUniqueId") {
    const bySku = await findBySku(db, code);
    if (bySku) return bySku;
    if (field === "sku") return { kind: "notFound", message: notFound };
  }

  const scale = parseScaleBarcode(code, options.scaleRules ?? []);
  if (scale && !scale.ok) return { kind: "notFound", message: `${capitalize(scale.message)}.` };
  if (scale) return findScaled(db, code, scale);

  const gtin = normalizeGtin(code);
  if (!gtin.ok) {
    const reason = gtin.reason === "bad-check-digit" ? ` (${gtin.message})` : "";
    return { kind: "notFound", message: `${notFound.slice(0, -1)}${reason}.` };
  }
  return (await findByGtin(db, gtin.gtin14)) ?? { kind: "notFound", message: notFound };
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
  db: CatalogDb,
  code: string,
  scale: Extract<ReturnType<typeof parseScaleBarcode>, { ok: true }>,
): Promise<CodeMatch> {
  const lookup = normalizeGtin(scale.lookupCode);
  const byBarcode = lookup.ok ? await findByGtin(db, lookup.gtin14) : null;
  const match = byBarcode ?? (await findBySku(db, scale.itemCode));
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

async function findBySku(db: CatalogDb, sku: string): Promise<ItemMatch | null> {
  const variation = await db.variations.where("sku").equals(sku).first();
  const asVariation = variation && (await variationMatch(db, variation));
  if (asVariation) return asVariation;

  const product = await db.products.where("sku").equals(sku).first();
  return product ? { kind: "product", product } : null;
}

async function findByGtin(db: CatalogDb, gtin14: string): Promise<ItemMatch | null> {
  const spellings = gtinSpellings(gtin14);
  const sameGtin = (barcode: string) => {
    const stored = normalizeGtin(barcode);
    return stored.ok && stored.gtin14 === gtin14;
  };

  const variations = await db.variations.where("barcode").anyOf(spellings).toArray();
  for (const variation of variations.filter((v) => sameGtin(v.barcode))) {
    const match = await variationMatch(db, variation);
    if (match) return match;
  }

  const products = await db.products.where("barcode").anyOf(spellings).toArray();
  const product = products.find((candidate) => sameGtin(candidate.barcode));
  return product ? { kind: "product", product } : null;
}

async function variationMatch(db: CatalogDb, variation: Variation): Promise<ItemMatch | null> {
  const parent = await db.products.get(variation.parentId);
  return parent ? { kind: "variation", variation, parent } : null;
}

/** Lists the ways a store may have typed one GTIN-14: as 14, 13, 12 or 8 digits. */
export function gtinSpellings(gtin14: string): string[] {
  const spellings = new Set([gtin14]);
  for (const length of [13, 12, 8]) {
    const dropped = gtin14.slice(0, gtin14.length - length);
    if (/^0*$/.test(dropped)) spellings.add(gtin14.slice(-length));
  }
  return [...spellings];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
