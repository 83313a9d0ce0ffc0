import { normalizeGtin } from "@pos/core";

/**
 * Exact-code lookup for the search index: SKUs compared without case, barcodes compared as
 * GTIN-14 when they are GTINs (so UPC-A and EAN-13 spellings meet) and as text otherwise.
 */
export class CodeKeys {
  private readonly keysByCode = new Map<string, Set<string>>();

  add(documentKey: string, sku: string, barcode: string): void {
    for (const code of codesOf(sku, barcode)) {
      const keys = this.keysByCode.get(code) ?? new Set<string>();
      keys.add(documentKey);
      this.keysByCode.set(code, keys);
    }
  }

  remove(documentKey: string, sku: string, barcode: string): void {
    for (const code of codesOf(sku, barcode)) {
      const keys = this.keysByCode.get(code);
      keys?.delete(documentKey);
      if (keys?.size === 0) this.keysByCode.delete(code);
    }
  }

  /** Returns the documents whose SKU or barcode is exactly `text`. */
  find(text: string): string[] {
    const found = new Set<string>();
    for (const code of codesOf(text, text)) {
      for (const key of this.keysByCode.get(code) ?? []) found.add(key);
    }
    return [...found];
  }
}

function codesOf(sku: string, barcode: string): string[] {
  const codes: string[] = [];
  const cleanSku = sku.trim().toLowerCase();
  if (cleanSku) codes.push(`sku:${cleanSku}`);

  const cleanBarcode = barcode.trim().toLowerCase();
  if (!cleanBarcode) return codes;
  const gtin = normalizeGtin(cleanBarcode);
  codes.push(gtin.ok ? `gtin:${gtin.gtin14}` : `barcode:${cleanBarcode}`);
  return codes;
}
