import { SortedTerms, TermsByLength } from "./term-lists.js";

/** Bits of the fields a term occurs in, so one posting entry carries every field at once. */
export const fieldBits = { name: 1, sku: 2, options: 4 } as const;
export type TextField = keyof typeof fieldBits;
export type TextFields = Partial<Record<TextField, string>>;

const fieldCount = 3;
const maskRange = 1 << fieldCount;

/** Field weights: a partial SKU ranks above a name, a name above an option. */
const fieldWeights: Record<TextField, number> = { name: 2, sku: 3, options: 1 };
/** Fields whose words get typo tolerance. SKUs match whole or by prefix only. */
const fuzzyMask = fieldBits.name | fieldBits.options;

/** The highest field weight of each combination of field bits. */
const weightOfMask = Float64Array.from({ length: maskRange }, (_, mask) =>
  Math.max(
    0,
    ...Object.entries(fieldBits)
      .filter(([, bit]) => (mask & bit) !== 0)
      .map(([field]) => fieldWeights[field as TextField]),
  ),
);

/**
 * A posting entry is `slot * 8 + field bits`, which stays a small integer (no heap number)
 * for up to 2^27 documents. A term found in one document keeps the bare number, because most
 * SKU terms are unique and an array per term would double the index's memory.
 */
type Posting = number | number[];

/** One matched term and how well it matched: 1 for the whole word, less for a prefix or typo. */
interface Expansion {
  term: string;
  quality: number;
}

/**
 * A word index over numbered documents (slots), with prefix and typo-tolerant matching. Every
 * word of a query must match (AND). Scores are the sum over query terms of the best
 * field weight times the match quality.
 */
export class TextIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly allTerms = new SortedTerms();
  private readonly fuzzyTerms = new TermsByLength();
  private readonly fuzzyEligible = new Set<string>();
  private count = 0;
  /** Scratch buffers for a query, indexed by slot and grown as slots grow. */
  private scores = new Float64Array(1024);
  private best = new Float64Array(1024);
  private matchedTerms = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private stamp = 0;
  private lastWordCount = 0;

  get size(): number {
    return this.count;
  }

  add(slot: number, fields: TextFields): void {
    for (const [term, mask] of termsOf(fields)) {
      const entry = slot * maskRange + mask;
      const posting = this.postings.get(term);
      if (posting === undefined) {
        this.postings.set(term, entry);
        this.allTerms.add(term);
      } else if (typeof posting === "number") {
        this.postings.set(term, [posting, entry]);
      } else {
        posting.push(entry);
      }
      if ((mask & fuzzyMask) !== 0 && !this.fuzzyEligible.has(term)) {
        this.fuzzyEligible.add(term);
        this.fuzzyTerms.add(term);
      }
    }
    this.count++;
    this.growScratch(slot + 1);
  }

  /** Removes a document; `fields` must be the ones it was added with. */
  remove(slot: number, fields: TextFields): void {
    for (const [term] of termsOf(fields)) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      if (typeof posting === "number") {
        if (Math.floor(posting / maskRange) === slot) this.forget(term);
        continue;
      }
      const at = posting.findIndex((entry) => Math.floor(entry / maskRange) === slot);
      if (at < 0) continue;
      posting[at] = posting[posting.length - 1] ?? 0;
      posting.pop();
      if (posting.length === 1) this.postings.set(term, posting[0] ?? 0);
    }
    this.count--;
  }

  /**
   * Returns the slots matching every word of `text` with their scores, in no order. Each word
   * matches a whole term, a term it starts, or, from four letters, a word within
   * `round(0.2 * length)` edits.
   */
  search(text: string): { slots: Int32Array; scores: Float64Array } {
    const words = wordsOf(text);
    if (words.length === 0) return { slots: new Int32Array(0), scores: new Float64Array(0) };

    this.stamp++;
    this.lastWordCount = words.length;
    let candidates: number[] = [];
    for (let index = 0; index < words.length; index++) {
      const expansions = this.expand(words[index] ?? "");
      candidates = this.matchWord(expansions, index);
      if (candidates.length === 0) break;
    }

    const slots = Int32Array.from(candidates);
    const scores = Float64Array.from(candidates, (slot) => this.scores[slot] ?? 0);
    return { slots, scores };
  }

  /** Returns whether a slot matched every word of the last search. */
  matchedLastSearch(slot: number): boolean {
    return this.stamps[slot] === this.stamp && this.matchedTerms[slot] === this.lastWordCount;
  }

  /**
   * Marks the slots that match word number `index` and matched every earlier word, and adds
   * each slot's best score for this word. Returns those slots.
   */
  private matchWord(expansions: readonly Expansion[], index: number): number[] {
    const matched: number[] = [];
    for (const { term, quality } of expansions) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      if (typeof posting === "number") this.score(posting, quality, index, matched);
      else for (const entry of posting) this.score(entry, quality, index, matched);
    }
    for (const slot of matched) {
      this.scores[slot] = (this.scores[slot] ?? 0) + (this.best[slot] ?? 0);
    }
    return matched;
  }

  private score(entry: number, quality: number, index: number, matched: number[]): void {
    const slot = Math.floor(entry / maskRange);
    const weight = quality * (weightOfMask[entry % maskRange] ?? 0);
    const fresh = this.stamps[slot] !== this.stamp;
    const seenWords = fresh ? 0 : (this.matchedTerms[slot] ?? 0);

    if (seenWords === index) {
      // First expansion of this word to reach the slot.
      if (fresh) {
        this.stamps[slot] = this.stamp;
        this.scores[slot] = 0;
      }
      this.matchedTerms[slot] = index + 1;
      this.best[slot] = weight;
      matched.push(slot);
    } else if (seenWords === index + 1 && weight > (this.best[slot] ?? 0)) {
      this.best[slot] = weight;
    }
  }

  /** Lists the indexed terms a query word matches, each with its match quality. */
  private expand(word: string): Expansion[] {
    const expansions = new Map<string, number>();
    const keep = (term: string, quality: number) => {
      if (quality > (expansions.get(term) ?? 0)) expansions.set(term, quality);
    };

    for (const term of this.allTerms.withPrefix(word)) {
      if (!this.postings.has(term)) continue;
      keep(term, term === word ? 1 : 0.4 + 0.5 * (word.length / term.length));
    }
    const maxEdits = word.length > 3 ? Math.round(word.length * 0.2) : 0;
    if (maxEdits > 0) {
      for (const { term, edits } of this.fuzzyTerms.within(word, maxEdits)) {
        if (this.postings.has(term)) keep(term, 0.5 * (1 - edits / word.length));
      }
    }
    return [...expansions].map(([term, quality]) => ({ term, quality }));
  }

  private forget(term: string): void {
    this.postings.delete(term);
    this.allTerms.remove(term);
    if (this.fuzzyEligible.delete(term)) this.fuzzyTerms.remove(term);
  }

  private growScratch(length: number): void {
    if (length <= this.stamps.length) return;
    const capacity = Math.max(length, this.stamps.length * 2);
    this.scores = grown(this.scores, capacity);
    this.best = grown(this.best, capacity);
    this.matchedTerms = grown(this.matchedTerms, capacity);
    this.stamps = grown(this.stamps, capacity);
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array);
  return copy;
}

/** Splits text into lower-case words without accents, at anything but a letter or digit. */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

function termsOf(fields: TextFields): Map<string, number> {
  const terms = new Map<string, number>();
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const bit = fieldBits[field as TextField];
    for (const word of wordsOf(text)) terms.set(word, (terms.get(word) ?? 0) | bit);
  }
  return terms;
}
