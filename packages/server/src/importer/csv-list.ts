/**
 * Splits a list cell of WooCommerce's product CSV ("Blue, Green, Red"): items are separated by
 * commas, and `\,` is a literal comma inside an item, as WooCommerce's exporter escapes it.
 */
export function splitCsvList(cell: string | undefined): string[] {
  if (cell === undefined || cell.trim() === "") return [];
  const items: string[] = [];
  let current = "";
  for (let index = 0; index < cell.length; index += 1) {
    const char = cell[index];
    if (char === "\\" && cell[index + 1] === ",") {
      current += ",";
      index += 1;
    } else if (char === ",") {
      items.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  items.push(current.trim());
  return items.filter((item) => item !== "");
}

/** Reads a WooCommerce CSV boolean: "1"/"yes"/"true" are true, "0"/"no"/"false"/"" false. */
export function parseCsvBoolean(cell: string | undefined): boolean {
  const value = (cell ?? "").trim().toLowerCase();
  return value === "1" || value === "yes" || value === "true";
}
