import { sql } from "kysely";
import type { RawBuilder } from "kysely";

/**
 * Builds `lower(column) LIKE '%text%' ESCAPE '\'`, with `%`, `_` and `\` in the text matched
 * literally. SQLite has no default escape character, so the clause names one for both dialects.
 */
export function containsIgnoringCase(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
