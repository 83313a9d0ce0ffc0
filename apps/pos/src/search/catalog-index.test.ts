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

describe("CatalogIndex ranking and filters", () => {
  const cap = product({ id: 40, name: "Cap", sku: "hood", price: "9.00", totalSales: 3 });
  const scarf = product({
    id: 41,
    name: "Scarf",
    price: "25.00",
    tagIds: [9],
    onSale: true,
    featured: true,
    stockStatus: "outofstock",
    totalSales: 12,
  });

  function richIndex(): CatalogIndex {
    const index = filledIndex();
    index.putProducts([cap, scarf]);
    index.putCategories([{ id: 5, parentId: 0, name: "Hoodies", slug: "hoodies", count: 1 }]);
    index.putTags([{ id: 9, name: "Winter", slug: "winter" }]);
    return index;
  }

  const ids = (hits: { id: number }[]) => hits.map((hit) => hit.id);

  it("ranks an exact SKU before name matches", () => {
    expect(ids(richIndex().query(query("hood")))).toEqual([40, 20]);
  });

  it("ranks an exact barcode first in any spelling", () => {
    expect(ids(richIndex().query(query("075678164125")))).toEqual([21]);
  });

  it("finds products by category and tag names", () => {
    expect(ids(richIndex().query(query("hoodies")))).toContain(20);
    expect(ids(richIndex().query(query("winter")))).toEqual([41]);
  });

  it("filters by tag, sale, featured and stock", () => {
    const index = richIndex();
    const all = { ...query(""), categoryIds: null };

    expect(ids(index.query({ ...all, tagIds: [9] }))).toEqual([41]);
    expect(ids(index.query({ ...all, onSale: true }))).toEqual([41]);
    expect(ids(index.query({ ...all, featured: true }))).toEqual([41]);
    expect(ids(index.query({ ...all, stock: "outofstock" }))).toEqual([41]);
  });

  it("hides out-of-stock products unless shown", () => {
    const index = richIndex();

    expect(ids(index.query({ ...query(""), showOutOfStock: false }))).not.toContain(41);
    expect(ids(index.query({ ...query(""), showOutOfStock: true }))).toContain(41);
  });

  it.each([
    ["name", [30, 40, 20, 41]],
    ["price", [40, 20, 30, 41]],
    ["newest", [41, 40, 30, 20]],
    ["popularity", [41, 40, 30, 20]],
  ] as const)("sorts by %s", (sort, expected) => {
    expect(ids(richIndex().query({ ...query(""), sort }))).toEqual(expected);
  });

  it("keeps the exact SKU first under another sort", () => {
    expect(ids(richIndex().query({ ...query("hood"), sort: "price" }))).toEqual([40, 20]);
  });
});

describe("CatalogIndex code lookups", () => {
  it("finds items by SKU without case, variations first", () => {
    const index = filledIndex();

    expect(index.findBySku("WOO-BEANIE").map((item) => item.kind)).toEqual(["product"]);
    expect(index.findBySku("woo-hoodie-blue-logo")).toEqual([
      { kind: "variation", variation: hoodieBlueLogo, parent: hoodie },
    ]);
  });

  it("finds a GTIN in its 14-digit form", () => {
    expect(filledIndex().findByGtin("00075678164125")).toEqual([
      { kind: "variation", variation: hoodieBlueLogo, parent: hoodie },
    ]);
  });

  it("forgets the codes of deleted and changed items", () => {
    const index = filledIndex();
    index.deleteProducts([30]);
    index.putVariations([{ ...hoodieBlueLogo, sku: "woo-hoodie-navy" }]);

    expect(index.findBySku("woo-beanie")).toEqual([]);
    expect(index.findBySku("woo-hoodie-blue-logo")).toEqual([]);
    expect(index.findBySku("woo-hoodie-navy")).toHaveLength(1);
  });

  it("returns the stored record after a price change", () => {
    const index = filledIndex();
    index.putProducts([{ ...beanie, price: "12.00" }]);

    const [item] = index.findBySku("woo-beanie");
    expect(item?.kind === "product" ? item.product.price : null).toBe("12.00");
    expect(index.query(query("beanie"))).toEqual([{ kind: "product", id: 30 }]);
  });
});

describe("CatalogIndex text matching", () => {
  const mugs = [
    product({ id: 1, name: "Stoneware Mug", sku: "KIT-MUG-001" }),
    product({ id: 2, name: "Steel Mug" }),
    product({ id: 3, name: "Stoneware Teapot" }),
  ];
  function mugIndex(): CatalogIndex {
    const index = new CatalogIndex();
    index.putProducts(mugs);
    return index;
  }
  const ids = (hits: { id: number }[]) => hits.map((hit) => hit.id);

  it("requires every word to match", () => {
    expect(ids(mugIndex().query(query("stoneware mug")))).toEqual([1]);
  });

  it("matches a prefix of any word", () => {
    expect(ids(mugIndex().query(query("ston te")))).toEqual([3]);
  });

  it("matches part of an SKU", () => {
    expect(ids(mugIndex().query(query("kit-mug")))).toEqual([1]);
  });

  it("tolerates one typo from four letters but none below", () => {
    expect(ids(mugIndex().query(query("stonewear")))).toEqual([1, 3]);
    expect(ids(mugIndex().query(query("mgu")))).toEqual([]);
  });

  it("ranks a whole word above a prefix", () => {
    const index = new CatalogIndex();
    index.putProducts([product({ id: 5, name: "Mugwort Tea" }), product({ id: 6, name: "Mug" })]);

    expect(ids(index.query(query("mug")))).toEqual([6, 5]);
  });

  it("moves a renamed product in name order", () => {
    const index = mugIndex();
    expect(ids(index.query(query("")))).toEqual([2, 1, 3]);

    index.putProducts([{ ...mugs[1]!, name: "Willow Mug" }]);

    expect(ids(index.query(query("")))).toEqual([1, 3, 2]);
  });

  it("orders numbers in names by value", () => {
    const index = new CatalogIndex();
    index.putProducts([
      product({ id: 7, name: "Size 10" }),
      product({ id: 8, name: "Size 9" }),
      product({ id: 9, name: "size 1" }),
    ]);

    expect(ids(index.query(query("")))).toEqual([9, 8, 7]);
  });
});
