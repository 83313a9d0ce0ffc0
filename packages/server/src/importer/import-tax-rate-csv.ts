import { parse } from "csv-parse/sync";
import { writeTransaction } from "../db/change-journal.js";
import type { StoreDatabase } from "../db/store-database.js";
import { insertTaxRate } from "../catalog/tax-rate-store.js";
import type { TaxRateWrite } from "../catalog/tax-rate-store.js";
import { formatTaxRatePercent } from "../catalog/tax-rate-store.js";

export interface TaxRateImportReport {
  created: number;
  failed: { line: number; message: string }[];
}

/**
 * Imports WooCommerce's tax rate CSV (`Country Code, State Code, ZIP/Postcode, City, Rate %,
 * Tax Name, Priority, Compound, Shipping, Tax Class`). `*` or an empty cell matches anything;
 * postcodes and cities are lists separated by `;`.
 */
export async function importTaxRateCsv(
  store: StoreDatabase,
  csvText: string,
): Promise<TaxRateImportReport> {
  const records = parse<Record<string, string>>(csvText, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const report: TaxRateImportReport = { created: 0, failed: [] };
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    try {
      const write = { ...parseTaxRateRecord(record, line), order: index };
      await writeTransaction(store.db, (trx) => insertTaxRate(trx, write));
      report.created += 1;
    } catch (error) {
      report.failed.push({ line, message: (error as Error).message });
    }
  }
  return report;
}

function parseTaxRateRecord(record: Record<string, string>, line: number): TaxRateWrite {
  const cell = (name: string) => (record[name] ?? "").trim();
  const anything = (value: string) => (value === "*" ? "" : value);
  const list = (value: string) =>
    anything(value)
      .split(";")
      .map((item) => item.trim())
      .filter((item) => item !== "" && item !== "*");
  const rate = cell("Rate %");
  if (!/^\d+(\.\d+)?$/.test(rate)) {
    throw new Error(
      `line ${line}: column "Rate %" must be a percentage such as 20.0000, got "${rate}"`,
    );
  }
  const priority = cell("Priority") || "1";
  if (!/^\d+$/.test(priority)) {
    throw new Error(`line ${line}: column Priority must be a whole number, got "${priority}"`);
  }
  return {
    country: anything(cell("Country Code")).toUpperCase(),
    state: anything(cell("State Code")).toUpperCase(),
    postcodes: list(cell("ZIP/Postcode")),
    cities: list(cell("City")).map((city) => city.toUpperCase()),
    rate: formatTaxRatePercent(rate),
    name: cell("Tax Name"),
    priority: Number(priority),
    compound: cell("Compound") === "1",
    shipping: cell("Shipping") !== "0",
    order: 0,
    taxClass: cell("Tax Class") || "standard",
  };
}
