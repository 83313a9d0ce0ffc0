import type { Kysely } from "kysely";
import { deleteTaxRate } from "../catalog/tax-rate-store.js";
import { slugify } from "../catalog/slugify.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import { WooError } from "../http/woo-error.js";
import { readSettingValues, writeSettingValues } from "./store-settings.js";

type Db = Kysely<DatabaseSchema>;

export interface TaxClass {
  slug: string;
  name: string;
}

/**
 * The option that lists the tax classes other than Standard, one name per line, as
 * WooCommerce kept them before its 3.7 table. Unset means WooCommerce's defaults.
 */
const taxClassesKey = "woocommerce_tax_classes";
const defaultClassNames = ["Reduced rate", "Zero rate"];
const standardClass: TaxClass = { slug: "standard", name: "Standard rate" };

/**
 * Returns the store's tax classes: Standard first, then the stored ones, then any class a tax
 * rate names without it being stored (rates imported from a CSV can name their own).
 */
export async function listTaxClasses(db: Db): Promise<TaxClass[]> {
  const stored = (await readStoredClassNames(db)).map((name) => ({ slug: slugify(name), name }));
  const known = new Set([standardClass.slug, ...stored.map((taxClass) => taxClass.slug)]);
  const rates = await db.selectFrom("tax_rates").select("tax_class").distinct().execute();
  const named = rates
    .map((row) => row.tax_class)
    .filter((slug) => !known.has(slug))
    .map((slug) => ({ slug, name: slug }));
  return [standardClass, ...stored, ...named];
}

/**
 * Adds a tax class as WooCommerce's `WC_Tax::create_tax_class` does: the slug comes from the
 * name, and a name or slug already in use is rejected.
 */
export async function createTaxClass(trx: Db, name: string): Promise<TaxClass> {
  const trimmed = name.trim();
  if (trimmed === "") {
    throw new WooError(
      400,
      "woocommerce_rest_tax_class_invalid_name",
      "Tax class requires a valid name: send a non-empty name.",
    );
  }
  const slug = slugify(trimmed);
  const existing = await listTaxClasses(trx);
  if (existing.some((taxClass) => taxClass.name === trimmed || taxClass.slug === slug)) {
    throw new WooError(
      400,
      "woocommerce_rest_tax_class_exists",
      `Tax class already exists: "${trimmed}" (slug "${slug}"). Choose another name.`,
    );
  }
  // NOTE: two creations at the same moment on PostgreSQL can each rewrite the list from the
  // same reading, and one name is then lost. Tax classes change rarely enough to accept that.
  const names = [...(await readStoredClassNames(trx)), trimmed];
  await writeSettingValues(trx, { [taxClassesKey]: names.join("\n") });
  return { slug, name: trimmed };
}

/**
 * Deletes a tax class and, as WooCommerce does, every tax rate of that class. The Standard
 * class cannot be deleted. Returns the deleted class.
 */
export async function deleteTaxClass(trx: Db, slug: string): Promise<TaxClass> {
  if (slug === standardClass.slug) {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_tax_class",
      'Invalid tax class: the "standard" class cannot be deleted.',
    );
  }
  const names = await readStoredClassNames(trx);
  const name = names.find((candidate) => slugify(candidate) === slug);
  const rates = await trx
    .selectFrom("tax_rates")
    .select("id")
    .where("tax_class", "=", slug)
    .execute();
  if (name === undefined && rates.length === 0) {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_tax_class",
      `Invalid tax class: "${slug}" is not a tax class that can be deleted; ` +
        "list them with GET taxes/classes.",
    );
  }
  const remaining = names.filter((candidate) => candidate !== name);
  await writeSettingValues(trx, { [taxClassesKey]: remaining.join("\n") });
  for (const rate of rates) await deleteTaxRate(trx, rate.id);
  return { slug, name: name ?? slug };
}

async function readStoredClassNames(db: Db): Promise<string[]> {
  const text = (await readSettingValues(db))[taxClassesKey];
  if (text === undefined) return [...defaultClassNames];
  return text.split("\n").filter((name) => name.trim() !== "");
}
