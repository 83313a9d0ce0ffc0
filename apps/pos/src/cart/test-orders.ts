import { storedOrderVersion, type StoredOrder } from "../db/stored-order.js";
import type { NewCartLine } from "./line-from-catalog.js";

/** Test data: an empty open order and cart lines. */
export function emptyOrder(clientUuid = "8d7f3c2a-1b4e-4f6a-9c0d-2e5b7a9f1c3d"): StoredOrder {
  return {
    formatVersion: storedOrderVersion,
    clientUuid,
    status: "pos-open",
    createdAtMs: 1_000,
    updatedAtMs: 1_000,
    parkedAtMs: null,
    customer: null,
    lines: [],
    adjustment: null,
    coupons: [],
    tenders: [],
    receipt: null,
  };
}

export function newLine(overrides: Partial<NewCartLine> = {}): NewCartLine {
  return {
    productId: 10,
    variationId: null,
    name: "Beanie",
    sku: "woo-beanie",
    attributes: [],
    catalogPriceMinor: 1800,
    priceOverrideMinor: null,
    discountBasisPoints: 0,
    onSale: false,
    taxStatus: "taxable",
    taxClass: "",
    categoryIds: [3],
    ...overrides,
  };
}
