import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogDb } from "@pos/sync";
import { beanie, hoodie, hoodieBlueLogo, product } from "../search/test-catalog.js";
import { findByCode, gtinSpellings, type CodeMatch } from "./find-by-code.js";

let db: CatalogDb;

/** Returns the id of the item a match adds, or fails the test when nothing matched. */
function addedId(match: CodeMatch): number {
  expect(match.kind).not.toBe("notFound");
  if (match.kind === "product") return match.product.id;
  if (match.kind === "variation") return match.variation.id;
  return Number.NaN;
}

beforeEach(async () => {
  db = new CatalogDb(`catalog-test-${crypto.randomUUID()}`);
  await db.products.bulkPut([
    hoodie,
    beanie,
    product({ id: 40, name: "Cap", sku: "000122521", barcode: "" }),
    product({ id: 41, name: "Scarf", barcode: "3564700010846" }),
  ]);
  await db.variations.bulkPut([hoodieBlueLogo]);
});

afterEach(async () => {
  await db.delete();
});

describe("findByCode", () => {
  it("finds a product by exact SKU", async () => {
    const match = await findByCode(db, "woo-beanie");

    expect(match.kind).toBe("product");
    expect(addedId(match)).toBe(30);
  });

  it("adds the variation, not its parent, for a variation SKU", async () => {
    const match = await findByCode(db, "woo-hoodie-blue-logo");

    expect(match.kind).toBe("variation");
    expect(addedId(match)).toBe(21);
    expect(match.kind === "variation" ? match.parent.id : null).toBe(20);
  });

  it("finds one barcode written as UPC-A or EAN-13", async () => {
    const asEan13 = await findByCode(db, "0075678164125");
    const asUpcA = await findByCode(db, "075678164125");

    expect(asEan13.kind).toBe("variation");
    expect(addedId(asEan13)).toBe(21);
    expect(addedId(asUpcA)).toBe(21);
  });

  it("finds a product by a valid EAN-13", async () => {
    const match = await findByCode(db, "3564700010846");

    expect(addedId(match)).toBe(41);
  });

  it("rejects a barcode with a wrong check digit", async () => {
    const match = await findByCode(db, "3564700010546");

    expect(match.kind).toBe("notFound");
    expect(match.kind === "notFound" ? match.message : "").toMatch(/3564700010546.*scan it again/);
  });

  it("prefers an exact SKU over a barcode reading", async () => {
    const match = await findByCode(db, "000122521");

    expect(addedId(match)).toBe(40);
  });

  it("reports an unknown code by its text", async () => {
    const match = await findByCode(db, "no-such-sku");

    expect(match).toEqual({
      kind: "notFound",
      message: 'No product has the SKU or barcode "no-such-sku".',
    });
  });
});

describe("gtinSpellings", () => {
  it("lists the shorter forms a GTIN-14 may be stored in", () => {
    expect(gtinSpellings("00075678164125")).toEqual([
      "00075678164125",
      "0075678164125",
      "075678164125",
    ]);
    expect(gtinSpellings("00000096385074")).toContain("96385074");
  });
});
