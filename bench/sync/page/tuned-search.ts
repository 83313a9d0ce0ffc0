import MiniSearch from "minisearch";
import type { Product } from "@pos/core";
import type { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { percentiles, type Percentiles } from "./percentiles.js";

export interface SearchComparison {
  /** The till's index, measured here with no sync running. */
  till: Percentiles;
  /** Prefix only on the last word typed, typo tolerance only from five letters, no stored fields. */
  tuned: Percentiles;
  tunedMisses: number;
}

/**
 * Times the same queries on the till's index and on a MiniSearch index tuned for a large
 * catalogue, so the till's settings can be judged by measurement.
 */
export function compareSearch(
  products: readonly Product[],
  till: CatalogIndex,
  texts: readonly string[],
): SearchComparison {
  const tuned = new MiniSearch<Product>({
    fields: ["name", "sku", "barcode"],
    storeFields: [],
    searchOptions: {
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: "AND",
      boost: { name: 2, sku: 3, barcode: 3 },
    },
  });
  tuned.addAll(products);

  const tillMs: number[] = [];
  const tunedMs: number[] = [];
  let tunedMisses = 0;
  for (const text of texts) {
    let startedMs = performance.now();
    till.query({ text, categoryIds: null, limit: 60 });
    tillMs.push(performance.now() - startedMs);

    startedMs = performance.now();
    if (tuned.search(text).slice(0, 60).length === 0) tunedMisses++;
    tunedMs.push(performance.now() - startedMs);
  }
  return { till: percentiles(tillMs), tuned: percentiles(tunedMs), tunedMisses };
}
