/**
 * Tells whether a database error is a unique violation of one of `names`, on either database.
 * PostgreSQL reports the constraint or index name (`customers_email_key`). SQLite names it in
 * the message, as `index 'customers_email_lower'` or as `customers.email` for a column's own
 * UNIQUE constraint, so `names` lists both forms.
 */
export function isUniqueViolation(error: unknown, names: readonly string[]): boolean {
  if (!(error instanceof Error)) return false;
  const fields = error as Error & { code?: unknown; constraint?: unknown };
  if (fields.code === "23505") {
    return typeof fields.constraint === "string" && names.includes(fields.constraint);
  }
  if (typeof fields.code !== "string" || !fields.code.startsWith("SQLITE_CONSTRAINT")) {
    return false;
  }
  return names.some(
    (name) => error.message.includes(`'${name}'`) || error.message.endsWith(` ${name}`),
  );
}
