import type { Product, Variation } from "@pos/core";

/** Test data: catalogue records with the fields the till reads, the rest defaulted. */
export function product(overrides: Partial<Product> & Pick<Product, "id" | "name">): Product {
  return {
    type: "simple",
    status: "publish",
    sku: "",
    barcode: "",
    price: "10.00",
    regularPrice: "10.00",
    salePrice: "",
    onSale: false,
    featured: false,
    taxStatus: "taxable",
    taxClass: "",
    manageStock: false,
    stockQuantity: null,
    stockStatus: "instock",
    backorders: "no",
    categoryIds: [],
    tagIds: [],
    imageUrl: "",
    attributes: [],
    variationIds: [],
    groupedIds: [],
    totalSales: 0,
    dateModifiedGmt: "2026-12-01T10:00:00",
    ...overrides,
  };
}

export function variation(
  overrides: Partial<Variation> & Pick<Variation, "id" | "parentId">,
): Variation {
  return {
    status: "publish",
    sku: "",
    barcode: "",
    price: "45.00",
    regularPrice: "45.00",
    salePrice: "",
    onSale: false,
    taxStatus: "taxable",
    taxClass: "",
    manageStock: false,
    stockQuantity: null,
    stockStatus: "instock",
    backorders: "no",
    attributes: [],
    imageUrl: "",
    dateModifiedGmt: "2026-12-01T10:00:00",
    ...overrides,
  };
}

export const hoodie = product({
  id: 20,
  name: "Hoodie",
  type: "variable",
  sku: "woo-hoodie",
  categoryIds: [5],
  attributes: [
    { name: "Color", options: ["Blue", "Green", "Red"], variation: true },
    { name: "Logo", options: ["Yes", "No"], variation: true },
  ],
});

export const hoodieBlueLogo = variation({
  id: 21,
  parentId: 20,
  sku: "woo-hoodie-blue-logo",
  barcode: "0075678164125",
  attributes: [
    { name: "Color", option: "Blue" },
    { name: "Logo", option: "Yes" },
  ],
});

export const hoodieRedAnyLogo = variation({
  id: 22,
  parentId: 20,
  sku: "woo-hoodie-red",
  attributes: [
    { name: "Color", option: "Red" },
    { name: "Logo", option: "" },
  ],
});

export const beanie = product({
  id: 30,
  name: "Beanie",
  sku: "woo-beanie",
  barcode: "4006381333931",
  price: "18.00",
  categoryIds: [6],
});
