import type { Kysely, Selectable } from "kysely";
import type { TaxRate } from "@pos/core";
import type { DatabaseSchema, TaxRatesTable } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";

type Db = Kysely<DatabaseSchema>;
export type TaxRateRow = Selectable<TaxRatesTable>;

export interface TaxRateWrite {
  country: string;
  state: string;
  postcodes: string[];
  cities: string[];
  /** Percentage with 4 decimals, as WooCommerce stores it ("20.0000"). */
  rate: string;
  name: string;
  priority: number;
  compound: boolean;
  shipping: boolean;
  order: number;
  /** "standard" or a tax class slug. */
  taxClass: string;
}

/** Formats a percentage with exactly 4 decimals without floating point ("7.25" → "7.2500"). */
export function formatTaxRatePercent(rate: string): string {
  const [whole = "0", fraction = ""] = rate.trim().split(".");
  return `${whole.replace(/^0+(?=\d)/, "") || "0"}.${fraction.padEnd(4, "0").slice(0, 4)}`;
}

export async function insertTaxRate(trx: Db, write: TaxRateWrite): Promise<number> {
  const row = await trx
    .insertInto("tax_rates")
    .values(toColumns(write))
    .returning("id")
    .executeTakeFirstOrThrow();
  appendChange(trx, "tax_rates", row.id);
  return row.id;
}

export async function updateTaxRate(trx: Db, id: number, write: TaxRateWrite): Promise<void> {
  await trx.updateTable("tax_rates").set(toColumns(write)).where("id", "=", id).execute();
  appendChange(trx, "tax_rates", id);
}

export async function deleteTaxRate(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom("tax_rates").where("id", "=", id).execute();
  appendChange(trx, "tax_rates", id, true);
}

export async function listTaxRateRows(db: Db): Promise<TaxRateRow[]> {
  return db.selectFrom("tax_rates").selectAll().orderBy("rate_order").orderBy("id").execute();
}

function toColumns(write: TaxRateWrite) {
  return {
    country: write.country,
    state: write.state,
    postcodes: JSON.stringify(write.postcodes),
    cities: JSON.stringify(write.cities),
    rate: write.rate,
    name: write.name,
    priority: write.priority,
    compound: write.compound ? 1 : 0,
    shipping: write.shipping ? 1 : 0,
    rate_order: write.order,
    tax_class: write.taxClass,
  };
}

export function taxRateRecord(row: TaxRateRow): TaxRate {
  return {
    id: row.id,
    country: row.country,
    state: row.state,
    postcodes: JSON.parse(row.postcodes) as string[],
    cities: JSON.parse(row.cities) as string[],
    rate: row.rate,
    name: row.name,
    priority: row.priority,
    compound: row.compound === 1,
    shipping: row.shipping === 1,
    order: row.rate_order,
    taxClass: row.tax_class,
  };
}

/** Builds the tax rate as `wc/v3/taxes` sends it. */
export function taxRateWire(row: TaxRateRow, baseUrl: string) {
  const record = taxRateRecord(row);
  return {
    id: record.id,
    country: record.country,
    state: record.state,
    postcode: record.postcodes.join("; "),
    city: record.cities.join("; "),
    rate: record.rate,
    name: record.name,
    priority: record.priority,
    compound: record.compound,
    shipping: record.shipping,
    order: record.order,
    class: record.taxClass,
    postcodes: record.postcodes,
    cities: record.cities,
    _links: {
      self: [{ href: `${baseUrl}/wp-json/wc/v3/taxes/${record.id}` }],
      collection: [{ href: `${baseUrl}/wp-json/wc/v3/taxes` }],
    },
  };
}
