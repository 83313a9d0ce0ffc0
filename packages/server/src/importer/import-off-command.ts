import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { StoreDatabase } from "../db/store-database.js";
import { importOpenFoodFacts, type OpenFoodFactsImportReport } from "./import-open-food-facts.js";

/** The Open Food Facts file shipped in this repository (see its NOTICE for the licence). */
export const shippedOpenFoodFactsFile = fileURLToPath(
  new URL("../../data/openfoodfacts/openfoodfacts_products.csv.gz", import.meta.url),
);

export const importOffUsage = `import-off [--file PATH] [--limit N] [--batch-size N]
                            import Open Food Facts products (GTIN-13 and name) with generated
                            prices; --limit reads only the first N rows of the file`;

export interface ImportOffOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs `import-off`; returns the process exit code (0 done, 1 bad arguments or file). */
export async function importOffCommand(
  store: StoreDatabase,
  args: string[],
  output: ImportOffOutput,
): Promise<number> {
  let values: { file?: string | undefined; limit?: string | undefined; "batch-size"?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        file: { type: "string" },
        limit: { type: "string" },
        "batch-size": { type: "string" },
      },
    }));
  } catch (error) {
    output.err(`${(error as Error).message}\nusage: ${importOffUsage}`);
    return 1;
  }
  const file = path.resolve(values.file ?? shippedOpenFoodFactsFile);
  const rowLimit = wholeNumber(values.limit, "--limit", Number.MAX_SAFE_INTEGER, output);
  const batchSize = wholeNumber(values["batch-size"], "--batch-size", maxBatchSize, output);
  if (rowLimit === null || batchSize === null) return 1;
  if (!existsSync(file)) {
    output.err(`file "${file}" not found; pass the .csv.gz path with --file`);
    return 1;
  }

  output.out(`importing Open Food Facts products from ${file}`);
  const report = await importOpenFoodFacts(store, {
    file,
    rowLimit,
    ...(batchSize === undefined ? {} : { batchSize }),
    now: () => new Date(),
  });
  output.out(reportText(report));
  return 0;
}

/**
 * Products per batch at most: each product binds 23 SQL parameters, and 1,000 of them stay
 * under SQLite's default limit of 32,766 parameters per statement (SQLite 3.32.0 and later).
 */
const maxBatchSize = 1000;

/** Parses an optional whole-number option from 1 to `max`; null (with a message) if invalid. */
function wholeNumber(
  text: string | undefined,
  option: string,
  max: number,
  output: ImportOffOutput,
): number | undefined | null {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    output.err(`invalid ${option} "${text}": use a whole number from 1 to ${max}`);
    return null;
  }
  return value;
}

/** Writes the report as the lines `import-off` prints at the end. */
export function reportText(report: OpenFoodFactsImportReport): string {
  const skipped = Object.entries(report.skipped)
    .map(([reason, count]) => `  ${reason}: ${count}`)
    .join("\n");
  return (
    `rows read: ${report.rowsRead}\ncreated: ${report.created} products in ` +
    `${report.batches} batches\nskipped:\n${skipped}\n` +
    "prices are generated from each code, not taken from the data"
  );
}
