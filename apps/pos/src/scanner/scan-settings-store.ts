import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";
import { defaultScanSettings, type ScanSettings } from "./scan-detector.js";

const scanSettingsKey = "scanSettings";

export const scanSettingsSchema = z.object({
  maxKeyGapMs: z.number().int().min(5).max(500),
  minLength: z.number().int().min(1).max(64),
});

/** Reads the till's scanner settings, or the defaults when none are saved or they are invalid. */
export async function loadScanSettings(db: SalesDb): Promise<ScanSettings> {
  const row = await db.settings.get(scanSettingsKey);
  const parsed = scanSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultScanSettings;
}

/** Checks and saves scanner settings; raises with the invalid field named and changes nothing. */
export async function saveScanSettings(db: SalesDb, settings: ScanSettings): Promise<ScanSettings> {
  const parsed = scanSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new RangeError(
      `scanner settings are invalid (${z.prettifyError(parsed.error)}): the key gap must be ` +
        `5 to 500 ms and the minimum length 1 to 64 characters`,
    );
  }
  await db.settings.put({ key: scanSettingsKey, value: parsed.data });
  return parsed.data;
}
