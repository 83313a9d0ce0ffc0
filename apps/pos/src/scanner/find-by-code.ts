import { normalizeGtin, type Product, type Variation } from "@pos/core";
import type { CatalogDb } from "@pos/sync";

export type CodeMatch =
  | { kind: "product"; product: Product }
  | { kind: "variation"; variation: Variation; parent: Product }
  | { kind: "notFound"; message: string };

/**
 * Finds what a scanned or typed code sells: an exact SKU first, then a barcode compared as
 * GTIN-14, so UPC-A `075678164125` and EAN-13 `0075678164125` find the same item. A variation's
 * code adds that variation, never its parent.
 */
export async function findByCode(db: CatalogDb, code: string): Promise<CodeMatch> {
  const bySku = await findBySku(db, code);
  if (bySku) return bySku;

  const gtin = normalizeGtin(code);
  if (!gtin.ok) {
    const reason = gtin.reason === "bad-check-digit" ? ` (${gtin.message}; scan it again)` : "";
    return { kind: "notFound", message: `No product has the SKU or barcode "${code}"${reason}.` };
  }

  const byBarcode = await findByGtin(db, gtin.gtin14);
  return byBarcode ?? { kind: "notFound", message: `No product has the SKU or barcode "${code}".` };
}

async function findBySku(db: CatalogDb, sku: string): Promise<CodeMatch | null> {
  const variation = await db.variations.where("sku").equals(sku).first();
  const asVariation = variation && (await variationMatch(db, variation));
  if (asVariation) return asVariation;

  const product = await db.products.where("sku").equals(sku).first();
  return product ? { kind: "product", product } : null;
}

async function findByGtin(db: CatalogDb, gtin14: string): Promise<CodeMatch | null> {
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

async function variationMatch(db: CatalogDb, variation: Variation): Promise<CodeMatch | null> {
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
