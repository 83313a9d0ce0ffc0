import { formatBarcodeSource, parseBarcodeSource } from "@pos/woo";

/** The form's view of a barcode source: a field to pick, and the meta key typed for "meta". */
export interface BarcodeSourceChoice {
  field: "global_unique_id" | "sku" | "meta";
  metaKey: string;
}

/**
 * Splits a barcode source's text form into the form's choice. Invalid text reads as the
 * default.
 */
export function choiceOfSourceText(text: string): BarcodeSourceChoice {
  let source;
  try {
    source = parseBarcodeSource(text);
  } catch {
    return { field: "global_unique_id", metaKey: "" };
  }
  if (source.kind === "meta") return { field: "meta", metaKey: source.key };
  return { field: source.kind === "sku" ? "sku" : "global_unique_id", metaKey: "" };
}

/**
 * Joins the form's choice into the text form `parseBarcodeSource` reads. Raises a RangeError
 * naming what to type when the meta key is empty or has characters a key cannot contain.
 */
export function sourceTextOfChoice(choice: BarcodeSourceChoice): string {
  if (choice.field !== "meta") return choice.field;

  const key = choice.metaKey.trim();
  if (key === "") {
    throw new RangeError(
      "the meta key is empty: type the product meta key that contains the barcodes, such as _ean",
    );
  }
  try {
    return formatBarcodeSource(parseBarcodeSource(`meta:${key}`));
  } catch {
    throw new RangeError(
      `meta key "${key}" is invalid: use 1 to 255 letters, digits, "_", "-", "." or ":", ` +
        `such as _ean`,
    );
  }
}
