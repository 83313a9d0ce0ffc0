import { useCallback, useEffect, useState } from "react";
import { useTill } from "../till/till-context.js";
import {
  defaultScanSettings,
  loadScanSettings,
  saveScanSettings,
  type ScanSettings,
  type ScanSettingsInput,
} from "./scan-settings-store.js";

/** Returns the saved scanner settings and a function that saves new ones. */
export function useScanSettings(): [ScanSettings, (next: ScanSettingsInput) => Promise<void>] {
  const { salesDb } = useTill();
  const [settings, setSettings] = useState<ScanSettings>(defaultScanSettings);

  useEffect(() => {
    let live = true;
    void loadScanSettings(salesDb).then((loaded) => {
      if (live) setSettings(loaded);
    });
    return () => {
      live = false;
    };
  }, [salesDb]);

  const save = useCallback(
    async (next: ScanSettingsInput) => {
      setSettings(await saveScanSettings(salesDb, next));
    },
    [salesDb],
  );
  return [settings, save];
}
