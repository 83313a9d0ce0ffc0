import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SalesDb } from "../db/sales-db.js";
import {
  defaultScanSettings,
  loadBarcodeSource,
  loadScanSettings,
  saveScanSettings,
} from "./scan-settings-store.js";

let db: SalesDb;

beforeEach(() => {
  db = new SalesDb(`sales-test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe("scan settings", () => {
  it("start at the defaults", async () => {
    expect(await loadScanSettings(db)).toEqual(defaultScanSettings);
  });

  it("survive a save and reload", async () => {
    await saveScanSettings(db, { maxKeyGapMs: 30, minLength: 6, prefix: "]E0", terminator: "Tab" });

    expect(await loadScanSettings(db)).toEqual({
      ...defaultScanSettings,
      maxKeyGapMs: 30,
      minLength: 6,
      prefix: "]E0",
      terminator: "Tab",
    });
  });

  it("read a row saved before the newer fields existed", async () => {
    await db.settings.put({ key: "scanSettings", value: { maxKeyGapMs: 30, minLength: 6 } });

    const loaded = await loadScanSettings(db);

    expect(loaded.terminator).toBe("Enter");
    expect(loaded.scaleRules).toEqual(defaultScanSettings.scaleRules);
  });

  it.each([
    ["a gap of 0 ms", { maxKeyGapMs: 0, minLength: 4 }],
    ["a fractional gap", { maxKeyGapMs: 12.5, minLength: 4 }],
    ["a minimum length of 0", { maxKeyGapMs: 50, minLength: 0 }],
    ["a missing gap", { maxKeyGapMs: Number.NaN, minLength: 4 }],
    [
      "a scale rule longer than 14 digits",
      {
        maxKeyGapMs: 50,
        minLength: 4,
        scaleRules: [
          { prefix: "21", itemCodeLength: 6, valueLength: 6, valueKind: "price" as const },
        ],
      },
    ],
  ])("reject %s and keep the old ones", async (_name, settings) => {
    await saveScanSettings(db, { maxKeyGapMs: 30, minLength: 6 });

    await expect(saveScanSettings(db, settings)).rejects.toThrow(/scanner settings are invalid/);
    expect((await loadScanSettings(db)).maxKeyGapMs).toBe(30);
  });

  it("fall back to the defaults when the stored row is damaged", async () => {
    await db.settings.put({ key: "scanSettings", value: { maxKeyGapMs: "fast" } });

    expect(await loadScanSettings(db)).toEqual(defaultScanSettings);
  });

  it("keep a meta key as the barcode source", async () => {
    await saveScanSettings(db, { maxKeyGapMs: 30, minLength: 6, barcodeSource: "meta:_ean" });

    expect((await loadScanSettings(db)).barcodeSource).toBe("meta:_ean");
  });

  it("reject an unknown barcode source and keep the saved settings", async () => {
    await saveScanSettings(db, { maxKeyGapMs: 30, minLength: 6, barcodeSource: "sku" });

    await expect(
      saveScanSettings(db, { maxKeyGapMs: 30, minLength: 6, barcodeSource: "ean" }),
    ).rejects.toThrow(/barcode source must be global_unique_id, sku or meta:<key>/);
    expect((await loadScanSettings(db)).barcodeSource).toBe("sku");
  });

  it("read the global unique id as the default barcode source", async () => {
    expect(await loadBarcodeSource(db)).toEqual({ kind: "globalUniqueId" });
  });

  it("read the saved barcode source parsed", async () => {
    await saveScanSettings(db, { maxKeyGapMs: 30, minLength: 6, barcodeSource: "meta:_ean" });

    expect(await loadBarcodeSource(db)).toEqual({ kind: "meta", key: "_ean" });
  });
});
