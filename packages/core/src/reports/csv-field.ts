const plainNumber = /^-?\d+(?:\.\d+)?$/;
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/**
 * Escapes one CSV field as RFC 4180 (section 2) sets out: a field with a comma, a double quote or
 * a line break is quoted, and quotes inside are doubled. A text field that a spreadsheet would
 * run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, as the OWASP "CSV Injection" page advises. Plain numbers such as "-5.00" stay
 * numbers.
 */
export function escapeCsvField(value: string): string {
  const guarded = formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return needsQuotes.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** Joins rows into CSV text with CRLF line breaks, as RFC 4180 section 2 specifies. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(escapeCsvField).join(",")).join("\r\n") + "\r\n";
}
