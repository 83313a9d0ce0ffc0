import type { Category, Product, Tag, Variation } from "@pos/core";
import { CodeKeys } from "./code-keys.js";
import {
  hasFilters,
  passesFilters,
  sortKeyFor,
  type CatalogHit,
  type CatalogQuery,
  type HitRecords,
} from "./catalog-query.js";
import { byScore, type Hits } from "./hit-order.js";
import { NameOrder } from "./name-order.js";
import { SlotTable } from "./slot-table.js";
import { TextIndex, type TextFields } from "./text-index.js";
import { compactProduct, compactVariation } from "./compact-record.js";

export type { CatalogHit, CatalogQuery } from "./catalog-query.js";

/** An item that an exact code finds: a product, or a variation with its parent. */
export type CodeItem =
  | { kind: "product"; product: Product }
  | { kind: "variation"; variation: Variation; parent: Product };

/**
 * The catalogue in memory behind the search box and the scanner: product and variation names,
 * SKUs, attribute options, and category and tag names, with prefix and typo-tolerant matching,
 * and exact SKUs and barcodes. An exact SKU or barcode ranks first, then the best text matches,
 * then products of a matching category or tag. Barcodes match only whole (in any GTIN
 * spelling), never by prefix. Records are added as the sync stores them, so results
 * grow while the catalogue downloads, and exact codes are found without a database read.
 */
export class CatalogIndex {
  private readonly text = new TextIndex();
  private readonly terms = new TextIndex();
  /** Slots of products (by id) and variations (by negated id) in `text`. */
  private readonly itemSlots = new SlotTable<number>();
  private readonly termSlots = new SlotTable<string>();
  private readonly termNames = new Map<string, string>();
  private readonly codes = new CodeKeys();
  private readonly products = new Map<number, Product>();
  /** Published variations, kept while the parent is missing or unpublished. */
  private readonly variations = new Map<number, Variation>();
  private readonly variationsByParent = new Map<number, Set<number>>();
  private readonly nameOrder = new NameOrder((slot) => this.nameOfSlot(slot));

  get size(): number {
    return this.text.size;
  }

  putProducts(products: readonly Product[]): void {
    for (const received of products) {
      const product = compactProduct(received);
      const old = this.products.get(product.id);
      if (old && product.status === "publish" && sameText(old, product)) {
        // A price or stock change: the text and the codes stay as they are.
        this.products.set(product.id, product);
        continue;
      }

      this.removeProduct(product.id);
      if (product.status !== "publish") continue;
      this.products.set(product.id, product);
      this.addDocument(product.id, productFields(product), product);
      for (const variationId of this.variationsByParent.get(product.id) ?? []) {
        const variation = this.variations.get(variationId);
        if (variation)
          this.addDocument(-variation.id, variationFields(variation, product), variation);
      }
    }
  }

  /** Adds variations under the names and categories of their parents. */
  putVariations(variations: readonly Variation[]): void {
    for (const received of variations) {
      const variation = compactVariation(received);
      this.removeVariation(variation.id);
      if (variation.status !== "publish") continue;

      this.variations.set(variation.id, variation);
      const siblings = this.variationsByParent.get(variation.parentId) ?? new Set<number>();
      siblings.add(variation.id);
      this.variationsByParent.set(variation.parentId, siblings);
      const parent = this.products.get(variation.parentId);
      if (parent) this.addDocument(-variation.id, variationFields(variation, parent), variation);
    }
  }

  deleteProducts(ids: readonly number[]): void {
    for (const id of ids) this.removeProduct(id);
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
    for (const id of ids) this.removeTerm(`${kind}:${id}`);
  }

  /** Returns the items whose SKU is `sku`, compared without case: variations first. */
  findBySku(sku: string): CodeItem[] {
    return this.itemsOf(this.codes.findSku(sku));
  }

  /** Returns the items whose barcode is the GTIN `gtin14` in any spelling: variations first. */
  findByGtin(gtin14: string): CodeItem[] {
    return this.itemsOf(this.codes.findGtin(gtin14));
  }

  /** Returns the items whose barcode, not a GTIN, is `barcode` compared without case. */
  findByOtherBarcode(barcode: string): CodeItem[] {
    return this.itemsOf(this.codes.findOtherBarcode(barcode));
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
    if (!text) return this.browse(query);

    const exact = this.codes.find(text).filter((code) => this.passes(code, query));
    const exactSet = new Set(exact);
    const ranked = this.rankedMatches(text, query).filter((code) => !exactSet.has(code));
    return Int32Array.from([...exact, ...ranked].slice(0, query.limit));
  }

  /** Lists products with no search text: in name order, or sorted by the query's sort. */
  private browse(query: CatalogQuery): Int32Array {
    const sortKey = sortKeyFor(query.sort ?? "relevance", false);
    const inNameOrder =
      query.sort === undefined || query.sort === "relevance" || query.sort === "name";
    const codes: number[] = [];
    for (const slot of this.nameOrder.ordered()) {
      const code = this.itemSlots.keyOf(slot);
      if (code === undefined || !this.passes(code, query)) continue;
      codes.push(code);
      if (inNameOrder && codes.length === query.limit) break;
    }
    if (!inNameOrder && sortKey) this.sortCodes(codes, sortKey);
    return Int32Array.from(codes.slice(0, query.limit));
  }

  /** Text matches ordered by score or by the query's sort, then category and tag matches. */
  private rankedMatches(text: string, query: CatalogQuery): number[] {
    const { slots, scores } = this.text.search(text);
    const filtered = hasFilters(query);
    const hits: Hits = { codes: [], scores: [], ranks: [] };
    slots.forEach((slot, at) => {
      const code = this.itemSlots.keyOf(slot);
      if (code === undefined) return;
      const parentSlot = code > 0 ? slot : this.parentSlotOf(code);
      // A variation is its own tile only when its parent did not match: "hoodie" lists the
      // hoodie once, while a variation's own SKU lists that variation.
      if (code < 0 && parentSlot !== undefined && this.text.matchedLastSearch(parentSlot)) return;
      if (filtered && !this.passes(code, query)) return;

      hits.codes.push(code);
      hits.scores.push(scores[at] ?? 0);
      hits.ranks.push(parentSlot === undefined ? 0 : this.nameOrder.rankOf(parentSlot));
    });

    const sortKey = sortKeyFor(query.sort ?? "relevance", true);
    const codes = sortKey ? this.sortCodes(hits.codes, sortKey) : byScore(hits);
    if (codes.length >= query.limit && !sortKey) return codes;

    const listed = new Set(codes);
    for (const code of this.termMatches(text, query, query.limit - codes.length)) {
      if (!listed.has(code)) codes.push(code);
    }
    return codes;
  }

  private parentSlotOf(variationCode: number): number | undefined {
    const parentId = this.variations.get(-variationCode)?.parentId;
    return parentId === undefined ? undefined : this.itemSlots.slotOf(parentId);
  }

  /** Products in a category or with a tag whose name matches, in name order. */
  private termMatches(text: string, query: CatalogQuery, wanted: number): number[] {
    const keys = [...this.terms.search(text).slots].map((slot) => this.termSlots.keyOf(slot));
    if (keys.length === 0 || wanted <= 0) return [];
    const categoryIds = new Set(keys.filter((k) => k?.startsWith("category:")).map(idOfKey));
    const tagIds = new Set(keys.filter((k) => k?.startsWith("tag:")).map(idOfKey));

    const codes: number[] = [];
    for (const slot of this.nameOrder.ordered()) {
      const product = this.products.get(this.itemSlots.keyOf(slot) ?? 0);
      if (!product) continue;
      const inTerm =
        product.categoryIds.some((id) => categoryIds.has(id)) ||
        product.tagIds.some((id) => tagIds.has(id));
      if (!inTerm || !this.passes(product.id, query)) continue;
      codes.push(product.id);
      if (codes.length === wanted) break;
    }
    return codes;
  }

  private sortCodes(
    codes: number[],
    sortKey: (records: HitRecords, nameRank: number) => number,
  ): number[] {
    const keyed = codes.map((code) => {
      const records = this.recordsOf(code);
      const rank = this.rankOfCode(code);
      return { code, rank, key: records ? sortKey(records, rank) : Number.POSITIVE_INFINITY };
    });
    keyed.sort((a, b) => a.key - b.key || a.rank - b.rank || b.code - a.code);
    keyed.forEach((entry, at) => (codes[at] = entry.code));
    return codes;
  }

  private passes(code: number, query: CatalogQuery): boolean {
    const records = this.recordsOf(code);
    return records !== null && passesFilters(records, query);
  }

  /** Returns a product's place in name order; a variation takes its parent's. */
  private rankOfCode(code: number): number {
    const productId = code > 0 ? code : this.variations.get(-code)?.parentId;
    const slot = productId === undefined ? undefined : this.itemSlots.slotOf(productId);
    return slot === undefined ? 0 : this.nameOrder.rankOf(slot);
  }

  private nameOfSlot(slot: number): string | undefined {
    const code = this.itemSlots.keyOf(slot);
    return code !== undefined && code > 0 ? this.products.get(code)?.name : undefined;
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

  /** Variations before products, as a variation's code sells that variation. */
  private itemsOf(codes: readonly number[]): CodeItem[] {
    const items: CodeItem[] = [];
    for (const code of [...codes].sort((a, b) => a - b)) {
      const records = this.recordsOf(code);
      if (!records) continue;
      const { product, variation } = records;
      items.push(
        variation
          ? { kind: "variation", variation, parent: product }
          : { kind: "product", product },
      );
    }
    return items;
  }

  private addDocument(code: number, fields: TextFields, item: Product | Variation): void {
    const slot = this.itemSlots.allocate(code);
    this.text.add(slot, fields);
    this.codes.add(code, item.sku, item.barcode);
    if (code > 0) this.nameOrder.touch(slot);
  }

  private removeDocument(code: number, fields: TextFields, item: Product | Variation): void {
    const slot = this.itemSlots.slotOf(code);
    if (slot === undefined) return;
    this.text.remove(slot, fields);
    this.codes.remove(code, item.sku, item.barcode);
    if (code > 0) this.nameOrder.touch(slot);
    this.itemSlots.release(code);
  }

  private putTerm(key: string, name: string): void {
    this.removeTerm(key);
    this.terms.add(this.termSlots.allocate(key), { name });
    this.termNames.set(key, name);
  }

  private removeTerm(key: string): void {
    const slot = this.termSlots.slotOf(key);
    const name = this.termNames.get(key);
    if (slot === undefined || name === undefined) return;
    this.terms.remove(slot, { name });
    this.termSlots.release(key);
    this.termNames.delete(key);
  }

  /** Takes a product and its variations out of the search, keeping the variations' records. */
  private removeProduct(id: number): void {
    const product = this.products.get(id);
    if (!product) return;
    this.products.delete(id);
    this.removeDocument(id, productFields(product), product);
    for (const variationId of this.variationsByParent.get(id) ?? []) {
      const variation = this.variations.get(variationId);
      if (variation)
        this.removeDocument(-variationId, variationFields(variation, product), variation);
    }
  }

  private removeVariation(id: number): void {
    const variation = this.variations.get(id);
    if (!variation) return;
    const parent = this.products.get(variation.parentId);
    if (parent) this.removeDocument(-id, variationFields(variation, parent), variation);
    this.variations.delete(id);
    this.variationsByParent.get(variation.parentId)?.delete(id);
  }
}

function idOfKey(key: string | undefined): number {
  return key === undefined ? 0 : Number(key.slice(key.indexOf(":") + 1));
}

/** Turns a hit code back into a hit. */
export function hitOfCode(code: number): CatalogHit {
  return code < 0 ? { kind: "variation", id: -code } : { kind: "product", id: code };
}

/** Checks whether a stored product change leaves its search text and codes as they were. */
function sameText(old: Product, next: Product): boolean {
  return (
    old.name === next.name &&
    old.sku === next.sku &&
    old.barcode === next.barcode &&
    optionsOf(old) === optionsOf(next)
  );
}

function optionsOf(product: Product): string {
  return product.attributes.flatMap((attribute) => attribute.options).join(" ");
}

function productFields(product: Product): TextFields {
  return {
    name: product.name,
    sku: product.sku,
    options: optionsOf(product),
  };
}

function variationFields(variation: Variation, parent: Product): TextFields {
  return {
    name: parent.name,
    sku: variation.sku,
    options: variation.attributes.map((attribute) => attribute.option).join(" "),
  };
}
