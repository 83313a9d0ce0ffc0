/**
 * Applies WordPress's `_fields` filter: keeps only the listed top-level fields, or nested ones
 * written with dots (`dimensions.width`), and drops the rest.
 */
export function filterFields<T>(value: T, fields: string | undefined): unknown {
  if (fields === undefined || fields.trim() === "") return value;
  const paths = fields
    .split(",")
    .map((field) => field.trim())
    .filter((field) => field !== "")
    .map((field) => field.split("."));
  return pickPaths(value, paths);
}

function pickPaths(value: unknown, paths: string[][]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const matching = paths.filter((path) => path[0] === key);
    if (matching.length === 0) continue;
    if (matching.some((path) => path.length === 1)) {
      picked[key] = source[key];
    } else {
      picked[key] = pickPaths(
        source[key],
        matching.map((path) => path.slice(1)),
      );
    }
  }
  return picked;
}
