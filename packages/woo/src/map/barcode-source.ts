/**
 * The field or meta key that contains a store's barcodes: WooCommerce's `global_unique_id` field (the product CSV's
 * "GTIN, UPC, EAN, or ISBN" column), the SKU, or a product meta key that a barcode
 * plugin writes (such as `_ean` or `_wpm_gtin_code`).
 */
export type BarcodeSource =
  { kind: "globalUniqueId" } | { kind: "sku" } | { kind: "meta"; key: string };

export const defaultBarcodeSource: BarcodeSource = Object.freeze({ kind: "globalUniqueId" });

/** The fields of a wire product or variation, or a stored row, that a barcode may come from. */
export interface BarcodeFields {
  sku: string;
  global_unique_id?: string | undefined;
  meta_data?: readonly { key: string; value: unknown }[] | undefined;
}

const metaPrefix = "meta:";
const metaKeyPattern = /^[A-Za-z0-9_\-.:]{1,255}$/;

/**
 * Parses the setting's text form: `global_unique_id`, `sku`, or `meta:<key>`. Raises a
 * RangeError that names the value and the accepted forms.
 */
export function parseBarcodeSource(text: string): BarcodeSource {
  const value = text.trim();
  if (value === "global_unique_id") return defaultBarcodeSource;
  if (value === "sku") return { kind: "sku" };
  const key = value.startsWith(metaPrefix) ? value.slice(metaPrefix.length) : "";
  if (metaKeyPattern.test(key)) return { kind: "meta", key };
  throw new RangeError(
    `barcode source "${text}" is invalid: use global_unique_id, sku, or meta:<key> with a meta ` +
      `key of letters, digits, "_", "-", "." or ":" (for example meta:_ean)`,
  );
}

/** Formats a barcode source as the text `parseBarcodeSource` reads. */
export function formatBarcodeSource(source: BarcodeSource): string {
  if (source.kind === "meta") return `${metaPrefix}${source.key}`;
  return source.kind === "sku" ? "sku" : "global_unique_id";
}

/**
 * Returns an item's barcode from the chosen source, or "" when it has none. A meta value is
 * used when it is a string or a number, and the first entry wins when the key repeats.
 */
export function barcodeFrom(item: BarcodeFields, source: BarcodeSource): string {
  switch (source.kind) {
    case "globalUniqueId":
      return item.global_unique_id ?? "";
    case "sku":
      return item.sku;
    case "meta": {
      const entry = item.meta_data?.find((meta) => meta.key === source.key);
      const value = entry?.value;
      if (typeof value === "string") return value.trim();
      return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
    }
  }
}
