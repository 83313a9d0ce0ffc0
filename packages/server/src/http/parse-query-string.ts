/**
 * Parses a query string as PHP fills `$_GET`, which WordPress reads. A repeated key keeps its
 * last value. `key[]=a&key[]=b` becomes the list `key = [a, b]`, and so does
 * `key[0]=a&key[1]=b`, the form the official WooCommerce client sends over http: the items are
 * ordered by their index, and a repeated index keeps its last value.
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  const indexed = new Map<string, Map<number, string>>();
  for (const [key, value] of new URLSearchParams(text)) {
    const numbered = /^(.+)\[(\d{1,9})\]$/.exec(key);
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      const list = parsed[name];
      parsed[name] = Array.isArray(list) ? [...list, value] : [value];
    } else if (numbered?.[1] !== undefined && numbered[2] !== undefined) {
      const items = indexed.get(numbered[1]) ?? new Map<number, string>();
      items.set(Number(numbered[2]), value);
      indexed.set(numbered[1], items);
    } else {
      parsed[key] = value;
    }
  }
  for (const [name, items] of indexed) {
    const ordered = [...items].sort(([a], [b]) => a - b).map(([, value]) => value);
    const list = parsed[name];
    parsed[name] = Array.isArray(list) ? [...list, ...ordered] : ordered;
  }
  return parsed;
}
