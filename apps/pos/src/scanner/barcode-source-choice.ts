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
 * Prefix of the setting's text form for a meta key. Typed into the key field, it would become
 * part of the key, so the form rejects it. NOTE: a meta key that really starts with `meta:`
 * cannot be chosen in the form, only through the store's route.
 */
const metaPrefix = "meta:";

/**
 * Joins the form's choice into the text form `parseBarcodeSource` reads. Raises a RangeError
 * naming what to type when the meta key is empty, starts with `meta:` or has characters a key
 * cannot contain.
 */
export function sourceTextOfChoice(choice: BarcodeSourceChoice): string {
  if (choice.field !== "meta") return choice.field;

  const key = choice.metaKey.trim();
  if (key === "") {
    throw new RangeError(
      "the meta key is empty: type the product meta key that contains the barcodes, such as _ean",
    );
  }
  if (key.startsWith(metaPrefix)) {
    throw new RangeError(
      `meta key "${key}" starts with "${metaPrefix}": type the key alone, such as ` +
        `${key.slice(metaPrefix.length) || "_ean"}`,
    );
  }
  try {
    return formatBarcodeSource(parseBarcodeSource(`${metaPrefix}${key}`));
  } catch {
    throw new RangeError(
      `meta key "${key}" is invalid: use 1 to 255 letters, digits, "_", "-", "." or ":", ` +
        `such as _ean`,
    );
  }
}

/** A new barcode source about to be saved, and whether the till can reach the store. */
export interface BarcodeSourceSave {
  owner: "store" | "device";
  current: string | null;
  next: string;
  offline: boolean;
}

/**
 * Raises when a device would change its own barcode source while offline. The change clears
 * products and variations and downloads them again, so offline it would leave the till with
 * nothing to scan or sell until the store is reachable. The store's own setting needs no such
 * check, because changing it is a request that fails offline and changes nothing.
 */
export function assertBarcodeSourceSaveAllowed(save: BarcodeSourceSave): void {
  if (save.owner !== "device" || !save.offline || save.next === save.current) return;

  throw new Error(
    `the till is offline, so the barcode field stays ${save.current ?? "unchanged"}: saving ` +
      `${save.next} clears products and variations and downloads them again, so save it when ` +
      `the store is reachable`,
  );
}
