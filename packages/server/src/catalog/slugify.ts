/** Makes a URL slug from a name, as WordPress's `sanitize_title` does for plain text. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/[\s-]+/g, "-");
  return slug === "" ? "item" : slug;
}

const candidatesPerQuery = 100;

/**
 * Returns `wanted` if no other record has it, or else the first free one of `wanted-2`,
 * `wanted-3` and so on. `takenAmong` returns which of the candidates are taken. Equality
 * lookups let the database use its slug index, where `LIKE 'wanted-%'` scanned the whole table
 * on every insert.
 */
export async function firstFreeSlug(
  wanted: string,
  takenAmong: (candidates: string[]) => Promise<string[]>,
): Promise<string> {
  if ((await takenAmong([wanted])).length === 0) return wanted;
  for (let first = 2; ; first += candidatesPerQuery) {
    const candidates = Array.from(
      { length: candidatesPerQuery },
      (_, offset) => `${wanted}-${first + offset}`,
    );
    const taken = new Set(await takenAmong(candidates));
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free !== undefined) return free;
  }
}
