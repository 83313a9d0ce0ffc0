import { useCallback, useEffect, useState } from "react";
import type { CatalogCollection } from "@pos/core";
import { useTill } from "../till/till-context.js";
import type { ScanSettings, ScanSettingsInput } from "./scan-settings-store.js";
import { changeStoreBarcodeSource, fetchStoreBarcodeSource } from "./store-barcode-source.js";

/**
 * Keeper of the till's barcode field. Our store server keeps one setting for every till,
 * which only managers and administrators change. A plain WooCommerce store has no such
 * setting, so each device keeps its own in its scanner settings.
 */
export type BarcodeSourceOwner = "store" | "device";

export interface BarcodeSourceView {
  owner: BarcodeSourceOwner;
  /** The barcode source in its text form, or null while the store's is loading or unreadable. */
  text: string | null;
  loadError: string | null;
  /** Whether the logged-in user may change it from this till. */
  editable: boolean;
  /** Saves a new barcode source and returns a sentence for the cashier. Raises on failure. */
  save: (text: string) => Promise<string>;
}

/** Collections that contain barcodes, so a new device barcode source re-downloads them. */
const barcodeCollections: readonly CatalogCollection[] = ["products", "variations"];

/** Returns the barcode source the till uses, who keeps it, and a function that changes it. */
export function useBarcodeSource(
  settings: ScanSettings,
  saveSettings: (next: ScanSettingsInput) => Promise<void>,
): BarcodeSourceView {
  const { session, client, catalogWorker } = useTill();
  const owner: BarcodeSourceOwner = session.storeKind === "pos" ? "store" : "device";
  const [storeText, setStoreText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (owner !== "store") return;
    const abort = new AbortController();
    fetchStoreBarcodeSource(client, abort.signal).then(
      (text) => setStoreText(text),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setLoadError(`reading the store's barcode field failed: ${describe(error)}`);
      },
    );
    return () => abort.abort();
  }, [owner, client]);

  const saveToStore = useCallback(
    async (text: string) => {
      const stored = await changeStoreBarcodeSource(client, text);
      setStoreText(stored);
      setLoadError(null);
      catalogWorker.syncNow();
      return (
        `Barcode field saved for the store (${stored}): every till receives the changed ` +
        `barcodes with its next sync.`
      );
    },
    [client, catalogWorker],
  );

  const saveToDevice = useCallback(
    async (text: string) => {
      if (text === settings.barcodeSource) return `The barcode field is already ${text}.`;
      await saveSettings({ ...settings, barcodeSource: text });
      for (const collection of barcodeCollections) {
        const outcome = await catalogWorker.resetCollection(collection);
        if (!outcome.ok) {
          throw new Error(
            `the barcode field is saved as ${text}, but re-downloading ${collection} failed ` +
              `(${outcome.message}): use "Clear and re-download" for products and variations ` +
              `in Store health`,
          );
        }
      }
      return `Barcode field saved (${text}): products and variations are downloading again.`;
    },
    [settings, saveSettings, catalogWorker],
  );

  if (owner === "device") {
    return {
      owner,
      text: settings.barcodeSource,
      loadError: null,
      editable: true,
      save: saveToDevice,
    };
  }
  return {
    owner,
    text: storeText,
    loadError,
    editable: session.user.role !== "cashier",
    save: saveToStore,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
