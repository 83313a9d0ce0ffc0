import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SalesDb } from "../db/sales-db.js";
import {
  defaultCatalogSettings,
  loadCatalogSettings,
  saveCatalogSettings,
  type CatalogSettings,
} from "./catalog-settings.js";

let db: SalesDb;

beforeEach(() => {
  db = new SalesDb(`sales-test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe("catalog settings", () => {
  it("start by showing out-of-stock products in a grid", async () => {
    expect(await loadCatalogSettings(db)).toEqual({ showOutOfStock: true, view: "grid" });
  });

  it("survive a save and reload", async () => {
    await saveCatalogSettings(db, { showOutOfStock: false, view: "list" });

    expect(await loadCatalogSettings(db)).toEqual({ showOutOfStock: false, view: "list" });
  });

  it("reject an unknown view and keep the old settings", async () => {
    await saveCatalogSettings(db, { showOutOfStock: false, view: "list" });
    const invalid = { showOutOfStock: true, view: "table" } as unknown as CatalogSettings;

    await expect(saveCatalogSettings(db, invalid)).rejects.toThrow(/view/);
    expect(await loadCatalogSettings(db)).toEqual({ showOutOfStock: false, view: "list" });
  });

  it("fall back to the defaults for a damaged row", async () => {
    await db.settings.put({ key: "catalogSettings", value: { view: 3 } });

    expect(await loadCatalogSettings(db)).toEqual(defaultCatalogSettings);
  });
});
