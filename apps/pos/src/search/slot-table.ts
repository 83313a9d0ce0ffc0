/**
 * Numbers keys with small dense integers (slots) that typed arrays can be indexed by. A
 * released slot is reused by the next key, so slots stay below the count of keys ever held
 * at once.
 */
export class SlotTable<Key> {
  private readonly slots = new Map<Key, number>();
  private readonly keys: (Key | undefined)[] = [];
  private readonly free: number[] = [];

  /** Returns the key's slot, numbering the key first if it has none. */
  allocate(key: Key): number {
    const known = this.slots.get(key);
    if (known !== undefined) return known;
    const slot = this.free.pop() ?? this.keys.length;
    this.slots.set(key, slot);
    this.keys[slot] = key;
    return slot;
  }

  release(key: Key): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.keys[slot] = undefined;
    this.free.push(slot);
  }

  slotOf(key: Key): number | undefined {
    return this.slots.get(key);
  }

  keyOf(slot: number): Key | undefined {
    return this.keys[slot];
  }
}
