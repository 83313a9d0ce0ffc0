import { describe, expect, it } from "vitest";
import { CatalogIndex } from "./catalog-index.js";
import { beanie, hoodie, hoodieBlueLogo, hoodieRedAnyLogo, product } from "./test-catalog.js";

function filledIndex(): CatalogIndex {
  const index = new CatalogIndex();
  index.putProducts([hoodie, beanie]);
  index.putVariations([hoodieBlueLogo, hoodieRedAnyLogo]);
  return index;
}

const query = (text: string, categoryIds: number[] | null = null) => ({
  text,
  categoryIds,
  limit: 20,
});

describe("CatalogIndex", () => {
  it("finds a product by name prefix", () => {
    expect(filledIndex().query(query("hood"))).toEqual([{ kind: "product", id: 20 }]);
  });

  it("finds a product despite a typo", () => {
    expect(filledIndex().query(query("beenie"))).toEqual([{ kind: "product", id: 30 }]);
  });

  it("lists a variable product once, not each variation", () => {
    const hits = filledIndex().query(query("hoodie"));

    expect(hits).toEqual([{ kind: "product", id: 20 }]);
  });

  it("finds a variation by its own barcode", () => {
    const hits = filledIndex().query(query("0075678164125"));

    expect(hits).toEqual([{ kind: "variation", id: 21 }]);
  });

  it("filters by category", () => {
    expect(filledIndex().query(query("", [6]))).toEqual([{ kind: "product", id: 30 }]);
    expect(filledIndex().query(query("beanie", [5]))).toEqual([]);
    expect(filledIndex().query(query("", [5, 6]))).toHaveLength(2);
  });

  it("lists products by name when the query is empty", () => {
    const hits = filledIndex().query(query(""));

    expect(hits.map((hit) => hit.id)).toEqual([30, 20]);
  });

  it("indexes a variation that arrives before its parent", () => {
    const index = new CatalogIndex();
    index.putVariations([hoodieBlueLogo]);
    expect(index.query(query("0075678164125"))).toEqual([]);

    index.putProducts([hoodie]);
    expect(index.query(query("0075678164125"))).toEqual([{ kind: "variation", id: 21 }]);
  });

  it("drops deleted and unpublished products", () => {
    const index = filledIndex();
    index.deleteProducts([30]);
    index.putProducts([product({ id: 20, name: "Hoodie", status: "draft" })]);

    expect(index.query(query("beanie"))).toEqual([]);
    expect(index.query(query("hoodie"))).toEqual([]);
  });

  it("replaces a product that changed", () => {
    const index = filledIndex();
    index.putProducts([{ ...beanie, name: "Winter hat", sku: "woo-hat" }]);

    expect(index.query(query("beanie"))).toEqual([]);
    expect(index.query(query("winter"))).toEqual([{ kind: "product", id: 30 }]);
  });
});
