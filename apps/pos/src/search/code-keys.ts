import { normalizeGtin } from "@pos/core";

/** One or more hit codes: a product id, or a variation id negated. */
type HitCodes = number | number[];

/**
 * Exact-code lookup: SKUs compared without case, barcodes compared as GTIN-14 when they are
 * GTINs (so UPC-A and EAN-13 spellings meet) and as text otherwise. A code that one item has
 * maps to a bare number, so 200,000 unique codes cost no array each.
 */
export class CodeKeys {
  private readonly bySku = new Map<string, HitCodes>();
  private readonly byGtin = new Map<string, HitCodes>();
  /** Barcodes that are not valid GTINs, compared as lower-case text. */
  private readonly byOtherBarcode = new Map<string, HitCodes>();

  add(hitCode: number, sku: string, barcode: string): void {
    for (const [codes, code] of this.keysOf(sku, barcode)) addHit(codes, code, hitCode);
  }

  remove(hitCode: number, sku: string, barcode: string): void {
    for (const [codes, code] of this.keysOf(sku, barcode)) removeHit(codes, code, hitCode);
  }

  /** Returns the hit codes whose SKU or barcode is exactly `text`, in either meaning. */
  find(text: string): number[] {
    const found = new Set<number>();
    for (const [codes, code] of this.keysOf(text, text)) {
      for (const hit of hitsOf(codes, code)) found.add(hit);
    }
    return [...found];
  }

  /** Returns the hit codes whose SKU is `sku`, compared without case. */
  findSku(sku: string): number[] {
    const clean = sku.trim().toLowerCase();
    return clean ? hitsOf(this.bySku, clean) : [];
  }

  /** Returns the hit codes whose barcode is the GTIN `gtin14`, in any of its spellings. */
  findGtin(gtin14: string): number[] {
    return hitsOf(this.byGtin, gtin14);
  }

  /** Returns the hit codes whose barcode is not a GTIN and equals `barcode` without case. */
  findOtherBarcode(barcode: string): number[] {
    const clean = barcode.trim().toLowerCase();
    return clean ? hitsOf(this.byOtherBarcode, clean) : [];
  }

  private keysOf(sku: string, barcode: string): [Map<string, HitCodes>, string][] {
    const keys: [Map<string, HitCodes>, string][] = [];
    const cleanSku = sku.trim().toLowerCase();
    if (cleanSku) keys.push([this.bySku, cleanSku]);

    const cleanBarcode = barcode.trim().toLowerCase();
    if (!cleanBarcode) return keys;
    const gtin = /^\d+$/.test(cleanBarcode) ? normalizeGtin(cleanBarcode) : null;
    keys.push(gtin?.ok ? [this.byGtin, gtin.gtin14] : [this.byOtherBarcode, cleanBarcode]);
    return keys;
  }
}

function addHit(codes: Map<string, HitCodes>, code: string, hitCode: number): void {
  const hits = codes.get(code);
  if (hits === undefined) codes.set(code, hitCode);
  else if (typeof hits === "number") {
    if (hits !== hitCode) codes.set(code, [hits, hitCode]);
  } else if (!hits.includes(hitCode)) hits.push(hitCode);
}

function removeHit(codes: Map<string, HitCodes>, code: string, hitCode: number): void {
  const hits = codes.get(code);
  if (hits === hitCode) codes.delete(code);
  if (typeof hits !== "object") return;

  const kept = hits.filter((hit) => hit !== hitCode);
  codes.set(code, kept.length === 1 ? (kept[0] ?? 0) : kept);
}

function hitsOf(codes: Map<string, HitCodes>, code: string): number[] {
  const hits = codes.get(code);
  if (hits === undefined) return [];
  return typeof hits === "number" ? [hits] : [...hits];
}
