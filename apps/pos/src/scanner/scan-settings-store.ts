import { z } from "zod";
import { parseBarcodeSource, type BarcodeSource } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { defaultDetectorSettings } from "./scan-detector.js";

const scanSettingsKey = "scanSettings";

const scaleRuleSchema = z
  .object({
    prefix: z.string().regex(/^\d{1,3}$/, "a prefix is 1 to 3 digits"),
    itemCodeLength: z.number().int().min(1).max(10),
    valueLength: z.number().int().min(1).max(10),
    valueKind: z.enum(["weight-grams", "weight-kilograms", "price"]),
    valueDecimals: z.number().int().min(0).max(3).optional(),
  })
  .refine(
    (rule) => rule.prefix.length + rule.itemCodeLength + rule.valueLength + 1 <= 14,
    "prefix, item code, value and check digit must fit in 14 digits",
  );

/**
 * Scale barcodes of GS1's restricted-circulation range, where prefixes 20 to 29 are the store's
 * own: 21 carries a weight in grams and 22 a price in minor units, each after a 5-digit item code.
 * These are examples to edit, since each store programs its scales its own way.
 */
const defaultScaleRules = [
  { prefix: "21", itemCodeLength: 5, valueLength: 5, valueKind: "weight-grams" },
  { prefix: "22", itemCodeLength: 5, valueLength: 5, valueKind: "price" },
] as const;

export const scanSettingsSchema = z.object({
  maxKeyGapMs: z.number().int().min(5).max(500),
  minLength: z.number().int().min(1).max(64),
  terminator: z.enum(["Enter", "Tab"]).default(defaultDetectorSettings.terminator),
  /** Characters the scanner is programmed to send before and after each code. */
  prefix: z.string().max(8).default(""),
  suffix: z.string().max(8).default(""),
  /**
   * Which catalogue field a scanned code is compared with: the SKU, the barcode (WooCommerce's
   * global unique id), or both with the SKU first.
   */
  barcodeField: z.enum(["any", "sku", "globalUniqueId"]).default("any"),
  /**
   * The barcode source of a plain WooCommerce store, applied when the till maps wc/v3
   * products: `global_unique_id`, `sku` or `meta:<key>` (see `parseBarcodeSource`). Our store
   * server applies its own `pos_barcode_source` setting to pos/v1 records instead.
   */
  barcodeSource: z
    .string()
    .default("global_unique_id")
    .refine((text) => isBarcodeSource(text), {
      error: "the barcode source must be global_unique_id, sku or meta:<key>, such as meta:_ean",
    }),
  scaleRules: z
    .array(scaleRuleSchema)
    .max(10)
    .default(() => defaultScaleRules.map((r) => ({ ...r }))),
});

export type ScanSettings = z.infer<typeof scanSettingsSchema>;
export type ScanSettingsInput = z.input<typeof scanSettingsSchema>;
export type BarcodeField = ScanSettings["barcodeField"];

export const defaultScanSettings: ScanSettings = scanSettingsSchema.parse({
  maxKeyGapMs: defaultDetectorSettings.maxKeyGapMs,
  minLength: defaultDetectorSettings.minLength,
});

function isBarcodeSource(text: string): boolean {
  try {
    parseBarcodeSource(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads the till's scanner settings, or the defaults when none are saved or they are invalid. */
export async function loadScanSettings(db: SalesDb): Promise<ScanSettings> {
  const row = await db.settings.get(scanSettingsKey);
  const parsed = scanSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultScanSettings;
}

/** Reads where this device takes product barcodes from when it syncs a plain WooCommerce store. */
export async function loadBarcodeSource(db: SalesDb): Promise<BarcodeSource> {
  return parseBarcodeSource((await loadScanSettings(db)).barcodeSource);
}

/** Checks and saves scanner settings; raises with the invalid field named and changes nothing. */
export async function saveScanSettings(
  db: SalesDb,
  settings: ScanSettingsInput,
): Promise<ScanSettings> {
  const parsed = scanSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new RangeError(
      `scanner settings are invalid (${z.prettifyError(parsed.error)}): the key gap must be ` +
        `5 to 500 ms, the minimum length 1 to 64 characters, each scale rule fit in 14 digits, ` +
        `and the barcode source be global_unique_id, sku or meta:<key>`,
    );
  }
  await db.settings.put({ key: scanSettingsKey, value: parsed.data });
  return parsed.data;
}
