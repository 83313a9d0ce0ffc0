import type { Category, Product, TaxRate } from "@pos/core";

/** A valid product record with the given id; `overrides` change single fields. */
export function productRecord(id: number, overrides: Partial<Product> = {}): Product {
  return {
    id,
    type: "simple",
    status: "publish",
    name: `Product ${id}`,
    sku: `SKU-${id}`,
    barcode: "",
    price: "10.00",
    regularPrice: "10.00",
    salePrice: "",
    onSale: false,
    featured: false,
    taxStatus: "taxable",
    taxClass: "",
    manageStock: true,
    stockQuantity: 5,
    stockStatus: "instock",
    backorders: "no",
    categoryIds: [],
    tagIds: [],
    imageUrl: "",
    attributes: [],
    variationIds: [],
    groupedIds: [],
    totalSales: 0,
    dateModifiedGmt: "2026-12-04T15:00:00",
    ...overrides,
  };
}

export function categoryRecord(id: number): Category {
  return { id, name: `Category ${id}`, slug: `category-${id}`, parentId: 0, count: 0 };
}

export function taxRateRecord(id: number): TaxRate {
  return {
    id,
    country: "US",
    state: "CA",
    postcodes: [],
    cities: [],
    rate: "7.2500",
    name: "CA State Tax",
    priority: 1,
    compound: false,
    shipping: true,
    order: 0,
    taxClass: "standard",
  };
}
