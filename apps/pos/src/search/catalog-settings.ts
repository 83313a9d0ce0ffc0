import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";
import { useTill } from "../till/till-context.js";

const catalogSettingsKey = "catalogSettings";

export const catalogSettingsSchema = z.object({
  /** Whether out-of-stock products appear when no stock filter is chosen. */
  showOutOfStock: z.boolean().default(true),
  view: z.enum(["grid", "list"]).default("grid"),
});

export type CatalogSettings = z.infer<typeof catalogSettingsSchema>;

export const defaultCatalogSettings: CatalogSettings = catalogSettingsSchema.parse({});

/** Reads how this till lists the catalogue, or the defaults when none are saved or valid. */
export async function loadCatalogSettings(db: SalesDb): Promise<CatalogSettings> {
  const row = await db.settings.get(catalogSettingsKey);
  const parsed = catalogSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultCatalogSettings;
}

/** Checks and saves the catalogue settings; raises naming the invalid field and changes nothing. */
export async function saveCatalogSettings(db: SalesDb, settings: CatalogSettings) {
  const parsed = catalogSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new TypeError(`catalogue settings are invalid: ${z.prettifyError(parsed.error)}`);
  }
  await db.settings.put({ key: catalogSettingsKey, value: parsed.data });
  return parsed.data;
}

/** Returns the saved catalogue settings and a function that changes and saves them. */
export function useCatalogSettings(): [
  CatalogSettings,
  (change: Partial<CatalogSettings>) => void,
] {
  const { salesDb } = useTill();
  const [settings, setSettings] = useState(defaultCatalogSettings);

  useEffect(() => {
    let live = true;
    void loadCatalogSettings(salesDb).then((loaded) => {
      if (live) setSettings(loaded);
    });
    return () => {
      live = false;
    };
  }, [salesDb]);

  const change = useCallback(
    (next: Partial<CatalogSettings>) => {
      setSettings((current) => {
        const merged = { ...current, ...next };
        void saveCatalogSettings(salesDb, merged);
        return merged;
      });
    },
    [salesDb],
  );
  return [settings, change];
}
