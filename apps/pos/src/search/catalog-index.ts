import MiniSearch from "minisearch";
import type { Category, Product, Tag, Variation } from "@pos/core";
import { CodeKeys } from "./code-keys.js";
import {
  passesFilters,
  sortKeyFor,
  type CatalogHit,
  type CatalogQuery,
  type HitRecords,
} from "./catalog-query.js";

export type { CatalogHit, CatalogQuery } from "./catalog-query.js";

interface IndexDocument {
  key: string;
  name: string;
  sku: string;
  barcode: string;
  options: string;
}

interface TermDocument {
  key: string;
  name: string;
}

const searchOptions = {
  prefix: true,
  fuzzy: (term: string) => (term.length > 3 ? 0.2 : false),
  combineWith: "AND" as const,
};

/**
 * The text index behind the search box: product and variation names, SKUs, barcodes, attribute
 * options, and category and tag names, with prefix and typo-tolerant matching. An exact SKU or
 * barcode ranks first, then name matches, then products of a matching category or tag. Records
 * are added as the sync stores them, so results grow while the catalogue downloads.
 */
export class CatalogIndex {
  private readonly search = new MiniSearch<IndexDocument>({
    idField: "key",
    fields: ["name", "sku", "barcode", "options"],
    searchOptions: { ...searchOptions, boost: { name: 2, sku: 3, barcode: 3 } },
  });
  private readonly terms = new MiniSearch<TermDocument>({
    idField: "key",
    fields: ["name"],
    searchOptions,
  });
  private readonly codes = new CodeKeys();
  private readonly products = new Map<number, Product>();
  /** Published variations, kept while the parent is missing or unpublished. */
  private readonly variations = new Map<number, Variation>();
  private readonly variationsByParent = new Map<number, Set<number>>();
  private nameOrder: { codes: Int32Array; rank: Map<number, number> } | null = null;

  get size(): number {
    return this.search.documentCount;
  }

  putProducts(products: readonly Product[]): void {
    for (const product of products) {
      this.removeProduct(product.id);
      if (product.status !== "publish") continue;

      this.products.set(product.id, product);
      this.addDocument(productDocument(product), product);
      for (const variationId of this.variationsByParent.get(product.id) ?? []) {
        const variation = this.variations.get(variationId);
        if (variation) this.addDocument(variationDocument(variation, product), variation);
      }
    }
    this.nameOrder = null;
  }

  /** Adds variations under the names and categories of their parents. */
  putVariations(variations: readonly Variation[]): void {
    for (const variation of variations) {
      this.removeVariation(variation.id);
      if (variation.status !== "publish") continue;

      this.variations.set(variation.id, variation);
      const siblings = this.variationsByParent.get(variation.parentId) ?? new Set<number>();
      siblings.add(variation.id);
      this.variationsByParent.set(variation.parentId, siblings);
      const parent = this.products.get(variation.parentId);
      if (parent) this.addDocument(variationDocument(variation, parent), variation);
    }
  }

  deleteProducts(ids: readonly number[]): void {
    for (const id of ids) this.removeProduct(id);
    this.nameOrder = null;
  }

  deleteVariations(ids: readonly number[]): void {
    for (const id of ids) this.removeVariation(id);
  }

  putCategories(categories: readonly Category[]): void {
    for (const category of categories) this.putTerm(`category:${category.id}`, category.name);
  }

  putTags(tags: readonly Tag[]): void {
    for (const tag of tags) this.putTerm(`tag:${tag.id}`, tag.name);
  }

  deleteTerms(kind: "category" | "tag", ids: readonly number[]): void {
    for (const id of ids) this.discard(this.terms, `${kind}:${id}`);
  }

  /** Returns the tiles for a query, filtered and sorted; empty text lists every product. */
  query(query: CatalogQuery): CatalogHit[] {
    return [...this.queryCodes(query)].map(hitOfCode);
  }

  /**
   * Returns the tiles for a query as hit codes: a product's id, or a variation's id negated.
   * The worker posts them as one transferable array, so 100,000 hits cost no copying.
   */
  queryCodes(query: CatalogQuery): Int32Array {
    const text = query.text.trim();
    const ranked = text ? this.matches(text) : this.byName().codes;
    const sort = query.sort ?? "relevance";
    // Browsing by name lists `byName` as it is, so it needs no sort.
    const inNameOrder = !text && (sort === "relevance" || sort === "name");
    const sortKey = inNameOrder ? null : sortKeyFor(sort, text !== "");
    const exactCodes = new Set(text ? this.codes.find(text).map(codeOf) : []);
    const { rank } = this.byName();

    const exact: number[] = [];
    const rest: { code: number; key: number; nameRank: number }[] = [];
    for (const code of ranked) {
      const records = this.recordsOf(code);
      if (!records || !passesFilters(records, query)) continue;
      if (exactCodes.has(code)) {
        exact.push(code);
        continue;
      }
      const nameRank = rank.get(records.product.id) ?? 0;
      rest.push({ code, key: sortKey ? sortKey(records, nameRank) : 0, nameRank });
    }
    // Exact SKU and barcode matches stay first whatever the sort.
    if (sortKey) rest.sort((a, b) => a.key - b.key || a.nameRank - b.nameRank || b.code - a.code);
    const codes = new Int32Array(Math.min(query.limit, exact.length + rest.length));
    let at = 0;
    for (const code of exact) if (at < codes.length) codes[at++] = code;
    for (const hit of rest) if (at < codes.length) codes[at++] = hit.code;
    return codes;
  }

  /** Exact codes, then text matches, then products of matching categories and tags. */
  private matches(text: string): number[] {
    const codes = new Set(this.codes.find(text).map(codeOf));
    const found = this.search.search(text).map((result) => codeOf(String(result.id)));
    const productMatches = new Set(found.filter((code) => code > 0));

    // A variation is its own tile only when its parent did not match: "hoodie" lists the
    // hoodie once, while a variation's own SKU or barcode lists that variation.
    for (const code of found) {
      const parentId = code < 0 ? this.variations.get(-code)?.parentId : undefined;
      if (parentId !== undefined && productMatches.has(parentId)) continue;
      codes.add(code);
    }
    for (const code of this.termMatches(text)) codes.add(code);
    return [...codes];
  }

  private termMatches(text: string): number[] {
    const terms = this.terms.search(text).map((result) => String(result.id));
    if (terms.length === 0) return [];
    const categoryIds = new Set(terms.filter((k) => k.startsWith("category:")).map(idOf));
    const tagIds = new Set(terms.filter((k) => k.startsWith("tag:")).map(idOf));

    return [...this.byName().codes].filter((id) => {
      const product = this.products.get(id);
      if (!product) return false;
      return (
        product.categoryIds.some((categoryId) => categoryIds.has(categoryId)) ||
        product.tagIds.some((tagId) => tagIds.has(tagId))
      );
    });
  }

  /** Product ids by name, and each product's place in that order, rebuilt after changes. */
  private byName(): { codes: Int32Array; rank: Map<number, number> } {
    if (this.nameOrder) return this.nameOrder;
    const sorted = [...this.products.values()].sort(
      (a, b) => collator.compare(a.name, b.name) || a.id - b.id,
    );
    const codes = Int32Array.from(sorted, (product) => product.id);
    const rank = new Map(sorted.map((product, index) => [product.id, index]));
    this.nameOrder = { codes, rank };
    return this.nameOrder;
  }

  private recordsOf(code: number): HitRecords | null {
    if (code > 0) {
      const product = this.products.get(code);
      return product ? { product, variation: null } : null;
    }
    const variation = this.variations.get(-code);
    const product = variation && this.products.get(variation.parentId);
    return variation && product ? { product, variation } : null;
  }

  private addDocument(document: IndexDocument, item: Product | Variation): void {
    this.search.add(document);
    this.codes.add(document.key, item.sku, item.barcode);
  }

  private putTerm(key: string, name: string): void {
    this.discard(this.terms, key);
    this.terms.add({ key, name });
  }

  /** Takes a product and its variations out of the search, keeping the variations' records. */
  private removeProduct(id: number): void {
    const product = this.products.get(id);
    this.products.delete(id);
    if (product) this.removeDocument(`product:${id}`, product);
    for (const variationId of this.variationsByParent.get(id) ?? []) {
      const variation = this.variations.get(variationId);
      if (variation) this.removeDocument(`variation:${variationId}`, variation);
    }
  }

  private removeVariation(id: number): void {
    const variation = this.variations.get(id);
    if (!variation) return;
    this.removeDocument(`variation:${id}`, variation);
    this.variations.delete(id);
    this.variationsByParent.get(variation.parentId)?.delete(id);
  }

  private removeDocument(key: string, item: Product | Variation): void {
    this.discard(this.search, key);
    this.codes.remove(key, item.sku, item.barcode);
  }

  private discard(index: MiniSearch<IndexDocument> | MiniSearch<TermDocument>, key: string) {
    if (index.has(key)) index.discard(key);
  }
}

function idOf(key: string): number {
  return Number(key.slice(key.indexOf(":") + 1));
}

/** Turns a document key into a hit code: the product id, or the variation id negated. */
function codeOf(key: string): number {
  return key.startsWith("variation:") ? -idOf(key) : idOf(key);
}

/** Turns a hit code back into a hit. */
export function hitOfCode(code: number): CatalogHit {
  return code < 0 ? { kind: "variation", id: -code } : { kind: "product", id: code };
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function productDocument(product: Product): IndexDocument {
  return {
    key: `product:${product.id}`,
    name: product.name,
    sku: product.sku,
    barcode: product.barcode,
    options: product.attributes.flatMap((attribute) => attribute.options).join(" "),
  };
}

function variationDocument(variation: Variation, parent: Product): IndexDocument {
  return {
    key: `variation:${variation.id}`,
    name: parent.name,
    sku: variation.sku,
    barcode: variation.barcode,
    options: variation.attributes.map((attribute) => attribute.option).join(" "),
  };
}
