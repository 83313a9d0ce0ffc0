import type { Product, Variation } from "@pos/core";

/** One tile of the product grid: a product, or a variation sold on its own. */
export interface CatalogHit {
  kind: "product" | "variation";
  id: number;
}

export type CatalogSort = "relevance" | "name" | "price" | "newest" | "popularity";
export type StockFilter = "any" | "instock" | "outofstock" | "onbackorder";

export interface CatalogQuery {
  text: string;
  /** Products in any of these categories, or null for every category. */
  categoryIds: readonly number[] | null;
  /** Products with any of these tags, or null (the default) for every tag. */
  tagIds?: readonly number[] | null;
  stock?: StockFilter;
  onSale?: boolean;
  featured?: boolean;
  /**
   * Whether out-of-stock items are listed when `stock` is "any". Defaults to true; the till
   * passes its "show out-of-stock products" setting.
   */
  showOutOfStock?: boolean;
  /** "relevance" keeps the search order and lists by name when the text is empty. */
  sort?: CatalogSort;
  limit: number;
}

/** The records behind a hit that the filters and the sort read. */
export interface HitRecords {
  product: Product;
  variation: Variation | null;
}

/** Returns whether the item passes every filter of the query. */
export function passesFilters({ product, variation }: HitRecords, query: CatalogQuery): boolean {
  const item = variation ?? product;
  if (!inAny(product.categoryIds, query.categoryIds)) return false;
  if (!inAny(product.tagIds, query.tagIds ?? null)) return false;
  if (query.onSale && !item.onSale) return false;
  if (query.featured && !product.featured) return false;

  const stock = query.stock ?? "any";
  if (stock !== "any") return item.stockStatus === stock;
  return (query.showOutOfStock ?? true) || item.stockStatus !== "outofstock";
}

/** Checks whether any filter of the query can drop an item. */
export function hasFilters(query: CatalogQuery): boolean {
  return (
    query.categoryIds !== null ||
    (query.tagIds ?? null) !== null ||
    (query.stock ?? "any") !== "any" ||
    query.onSale === true ||
    query.featured === true ||
    query.showOutOfStock === false
  );
}

function inAny(own: readonly number[], wanted: readonly number[] | null): boolean {
  return wanted === null || own.some((id) => wanted.includes(id));
}

/**
 * Returns the number a sort orders by, or null to keep the order the search ranked. Ties go
 * by name. Prices compare as numbers of the store's currency, so no rounding to minor units is
 * needed here. "newest" orders by id, descending, because WooCommerce gives ids in creation
 * order and the catalogue does not carry a creation date.
 */
export function sortKeyFor(
  sort: CatalogSort,
  hasText: boolean,
): ((records: HitRecords, nameRank: number) => number) | null {
  switch (sort) {
    case "relevance":
      return hasText ? null : (_records, nameRank) => nameRank;
    case "name":
      return (_records, nameRank) => nameRank;
    case "price":
      return priceOf;
    case "newest":
      return (records) => -idOf(records);
    case "popularity":
      return (records) => -records.product.totalSales;
  }
}

function priceOf({ product, variation }: HitRecords): number {
  const price = Number.parseFloat((variation ?? product).price);
  // Items without a price sort last.
  return Number.isFinite(price) ? price : Number.POSITIVE_INFINITY;
}

function idOf({ product, variation }: HitRecords): number {
  return variation?.id ?? product.id;
}
