import MiniSearch, { type SearchResult } from "minisearch";
import type { Product, Variation } from "@pos/core";

/** One tile of the product grid: a product, or a variation sold on its own. */
export interface CatalogHit {
  kind: "product" | "variation";
  id: number;
}

export interface CatalogQuery {
  text: string;
  /** Products in any of these categories, or null for every category. */
  categoryIds: readonly number[] | null;
  limit: number;
}

interface IndexDocument {
  key: string;
  kind: CatalogHit["kind"];
  id: number;
  parentId: number;
  name: string;
  sku: string;
  barcode: string;
  options: string;
  categoryIds: number[];
}

/**
 * The text index behind the search box: product and variation names, SKUs, barcodes and
 * attribute options, with prefix and typo-tolerant matching. Records are added as the sync
 * stores them, so results grow while the catalogue downloads.
 */
export class CatalogIndex {
  private readonly search = new MiniSearch<IndexDocument>({
    idField: "key",
    fields: ["name", "sku", "barcode", "options"],
    storeFields: ["kind", "id", "parentId", "categoryIds"],
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      combineWith: "AND",
      boost: { name: 2, sku: 3, barcode: 3 },
    },
  });
  private readonly products = new Map<number, Product>();
  /** Published variations by parent id, kept while the parent is missing or unpublished. */
  private readonly variationsByParent = new Map<number, Map<number, Variation>>();
  private readonly parentOfVariation = new Map<number, number>();
  private browseOrder: Product[] | null = null;

  get size(): number {
    return this.search.documentCount;
  }

  putProducts(products: readonly Product[]): void {
    for (const product of products) {
      this.removeProduct(product.id);
      if (product.status !== "publish") continue;

      this.products.set(product.id, product);
      this.search.add(productDocument(product));
      for (const variation of this.variationsByParent.get(product.id)?.values() ?? []) {
        this.search.add(variationDocument(variation, product));
      }
    }
    this.browseOrder = null;
  }

  /** Adds variations under the names and categories of their parents. */
  putVariations(variations: readonly Variation[]): void {
    for (const variation of variations) {
      this.removeVariation(variation.id);
      if (variation.status !== "publish") continue;

      const siblings =
        this.variationsByParent.get(variation.parentId) ?? new Map<number, Variation>();
      siblings.set(variation.id, variation);
      this.parentOfVariation.set(variation.id, variation.parentId);
      this.variationsByParent.set(variation.parentId, siblings);
      const parent = this.products.get(variation.parentId);
      if (parent) this.search.add(variationDocument(variation, parent));
    }
  }

  deleteProducts(ids: readonly number[]): void {
    for (const id of ids) this.removeProduct(id);
    this.browseOrder = null;
  }

  deleteVariations(ids: readonly number[]): void {
    for (const id of ids) this.removeVariation(id);
  }

  /** Returns the tiles for a query; empty text lists products by name. */
  query(query: CatalogQuery): CatalogHit[] {
    const text = query.text.trim();
    if (!text) return this.browse(query);

    const inCategory = (result: SearchResult) =>
      inAnyCategory(result.categoryIds as number[], query.categoryIds);
    const results = this.search.search(text).filter(inCategory);

    // A variation is its own tile only when its parent did not match: "hoodie" lists the
    // hoodie once, while a variation's own SKU or barcode lists that variation.
    const hits = results.map(toHit);
    const parentHits = new Set(hits.filter((hit) => hit.kind === "product").map((hit) => hit.id));
    return hits
      .filter((hit) => hit.kind === "product" || !parentHits.has(hit.parentId))
      .slice(0, query.limit)
      .map(({ kind, id }) => ({ kind, id }));
  }

  private browse(query: CatalogQuery): CatalogHit[] {
    this.browseOrder ??= [...this.products.values()].sort((a, b) => a.name.localeCompare(b.name));
    const hits: CatalogHit[] = [];
    for (const product of this.browseOrder) {
      if (hits.length >= query.limit) break;
      if (!inAnyCategory(product.categoryIds, query.categoryIds)) continue;
      hits.push({ kind: "product", id: product.id });
    }
    return hits;
  }

  /** Takes a product and its variations out of the search, keeping the variations' records. */
  private removeProduct(id: number): void {
    this.products.delete(id);
    this.discard(`product:${id}`);
    for (const variationId of this.variationsByParent.get(id)?.keys() ?? []) {
      this.discard(`variation:${variationId}`);
    }
  }

  private removeVariation(id: number): void {
    this.discard(`variation:${id}`);
    const parentId = this.parentOfVariation.get(id);
    if (parentId === undefined) return;
    this.parentOfVariation.delete(id);
    this.variationsByParent.get(parentId)?.delete(id);
  }

  private discard(key: string): void {
    if (this.search.has(key)) this.search.discard(key);
  }
}

function inAnyCategory(own: readonly number[], wanted: readonly number[] | null): boolean {
  return wanted === null || own.some((id) => wanted.includes(id));
}

function toHit(result: SearchResult): CatalogHit & { parentId: number } {
  const kind = result.kind === "variation" ? "variation" : "product";
  return { kind, id: Number(result.id), parentId: Number(result.parentId) };
}

function productDocument(product: Product): IndexDocument {
  return {
    key: `product:${product.id}`,
    kind: "product",
    id: product.id,
    parentId: product.id,
    name: product.name,
    sku: product.sku,
    barcode: product.barcode,
    options: product.attributes.flatMap((attribute) => attribute.options).join(" "),
    categoryIds: product.categoryIds,
  };
}

function variationDocument(variation: Variation, parent: Product): IndexDocument {
  return {
    key: `variation:${variation.id}`,
    kind: "variation",
    id: variation.id,
    parentId: variation.parentId,
    name: parent.name,
    sku: variation.sku,
    barcode: variation.barcode,
    options: variation.attributes.map((attribute) => attribute.option).join(" "),
    categoryIds: parent.categoryIds,
  };
}
