/**
 * Product slots in name order, and each slot's place in it. Adding, removing or renaming a
 * product marks it changed, and the order settles at the next read. A few changed slots are
 * moved and many cause a full sort, while a change feed of price updates costs nothing here.
 */
export class NameOrder {
  private slots: number[] = [];
  private ranks = new Int32Array(0);
  private readonly changed = new Set<number>();
  private settled = true;

  constructor(private readonly nameOf: (slot: number) => string | undefined) {}

  /** Marks a slot whose product was added, removed or renamed. */
  touch(slot: number): void {
    this.changed.add(slot);
    this.settled = false;
  }

  /** Returns the product slots in name order. */
  ordered(): readonly number[] {
    this.settle();
    return this.slots;
  }

  /** Returns a slot's place in name order, for ties and the name sort. */
  rankOf(slot: number): number {
    this.settle();
    return this.ranks[slot] ?? 0;
  }

  private settle(): void {
    if (this.settled) return;
    if (this.changed.size > 256 || this.changed.size * 8 > this.slots.length) this.sortAll();
    else this.moveChanged();
    this.changed.clear();
    this.rank();
    this.settled = true;
  }

  private sortAll(): void {
    const present = new Set(this.slots);
    for (const slot of this.changed) present.add(slot);
    const keyed: { slot: number; key: string }[] = [];
    for (const slot of present) {
      const name = this.nameOf(slot);
      if (name !== undefined) keyed.push({ slot, key: nameSortKey(name) });
    }
    keyed.sort((a, b) => compareKeys(a.key, b.key) || a.slot - b.slot);
    this.slots = keyed.map((entry) => entry.slot);
  }

  private moveChanged(): void {
    this.slots = this.slots.filter((slot) => !this.changed.has(slot));
    for (const slot of this.changed) {
      const name = this.nameOf(slot);
      if (name === undefined) continue;
      const key = nameSortKey(name);
      this.slots.splice(this.insertionPoint(key, slot), 0, slot);
    }
  }

  private insertionPoint(key: string, slot: number): number {
    let low = 0;
    let high = this.slots.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.slots[middle] ?? 0;
      const order = compareKeys(nameSortKey(this.nameOf(other) ?? ""), key) || other - slot;
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private rank(): void {
    let capacity = this.ranks.length;
    for (const slot of this.slots) if (slot >= capacity) capacity = slot + 1;
    if (capacity > this.ranks.length) this.ranks = new Int32Array(Math.max(capacity, 1024));
    this.slots.forEach((slot, index) => (this.ranks[slot] = index));
  }
}

/**
 * Returns a key that orders names without case or accents, with digit runs compared as
 * numbers ("Size 9" before "Size 10"). Plain string comparison of these keys is many times
 * faster than `Intl.Collator` when 100,000 names are sorted. It does not apply a language's
 * own letter order.
 */
export function nameSortKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, "").padStart(12, "0"));
}

function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
