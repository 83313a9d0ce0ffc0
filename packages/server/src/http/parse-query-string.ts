/**
 * Parses a query string as PHP fills `$_GET`, which WordPress reads. A repeated key keeps its
 * last value, and `key[]=a&key[]=b` becomes the list `key = [a, b]`.
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      const list = parsed[name];
      parsed[name] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      parsed[key] = value;
    }
  }
  return parsed;
}
