/**
 * Terms in sorted order for prefix lookups. New terms wait in a short unsorted list, which is
 * merged into the sorted one once it outgrows an eighth of it, so adding a page of records
 * never re-sorts the whole vocabulary. Removed terms are skipped, and dropped at the merge.
 */
export class SortedTerms {
  private sorted: string[] = [];
  private pending: string[] = [];
  private readonly removed = new Set<string>();

  add(term: string): void {
    if (this.removed.delete(term)) return;
    this.pending.push(term);
    if (this.pending.length > Math.max(1024, this.sorted.length / 8)) this.merge();
  }

  remove(term: string): void {
    this.removed.add(term);
  }

  /** Lists the terms that start with `prefix`, the prefix itself included. */
  withPrefix(prefix: string): string[] {
    const found: string[] = [];
    for (let at = lowerBound(this.sorted, prefix); at < this.sorted.length; at++) {
      const term = this.sorted[at] ?? "";
      if (!term.startsWith(prefix)) break;
      if (!this.removed.has(term)) found.push(term);
    }
    for (const term of this.pending) {
      if (term.startsWith(prefix) && !this.removed.has(term)) found.push(term);
    }
    return found;
  }

  private merge(): void {
    const incoming = this.pending.filter((term) => !this.removed.has(term)).sort(compare);
    const kept = this.sorted.filter((term) => !this.removed.has(term));
    const merged: string[] = new Array<string>(kept.length + incoming.length);
    let left = 0;
    let right = 0;
    for (let at = 0; at < merged.length; at++) {
      const a = kept[left];
      const b = incoming[right];
      if (b === undefined || (a !== undefined && a < b)) {
        merged[at] = a ?? "";
        left++;
      } else {
        merged[at] = b;
        right++;
      }
    }
    this.sorted = merged;
    this.pending = [];
    this.removed.clear();
  }
}

/** Terms grouped by length, for typo-tolerant lookups that only compare words of a near length. */
export class TermsByLength {
  private readonly byLength = new Map<number, Set<string>>();

  add(term: string): void {
    const group = this.byLength.get(term.length) ?? new Set<string>();
    group.add(term);
    this.byLength.set(term.length, group);
  }

  remove(term: string): void {
    this.byLength.get(term.length)?.delete(term);
  }

  /** Lists the terms at most `maxEdits` insertions, deletions or substitutions from `word`. */
  within(word: string, maxEdits: number): { term: string; edits: number }[] {
    const found: { term: string; edits: number }[] = [];
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      for (const term of this.byLength.get(length) ?? []) {
        const edits = boundedEditDistance(word, term, maxEdits);
        if (edits <= maxEdits) found.push({ term, edits });
      }
    }
    return found;
  }
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? "") < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const previousRow: number[] = [];
const currentRow: number[] = [];

/**
 * Returns the Levenshtein distance of `a` and `b`, or `maxEdits + 1` as soon as every cell of
 * a row exceeds `maxEdits`, since the distance can then only grow.
 */
export function boundedEditDistance(a: string, b: string, maxEdits: number): number {
  if (Math.abs(a.length - b.length) > maxEdits) return maxEdits + 1;
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;

  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previousRow[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previousRow[j] ?? 0) + 1;
      const insertion = (currentRow[j - 1] ?? 0) + 1;
      const cell = Math.min(substitution, deletion, insertion);
      currentRow[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > maxEdits) return maxEdits + 1;
    for (let j = 0; j <= b.length; j++) previousRow[j] = currentRow[j] ?? 0;
  }
  return previousRow[b.length] ?? 0;
}
