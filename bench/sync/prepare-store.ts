import { cp, mkdir, mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStoreDatabase } from "@pos/server";
import {
  generateCatalogue,
  type CatalogueSize,
  type GeneratedCatalogue,
} from "./generate-catalogue.js";
import { loadCatalogue } from "./load-catalogue.js";
import { relaxDurability } from "./store-tuning.js";

export interface PreparedStore {
  /** A private copy of the loaded store for this run; the benchmark changes it. */
  dataDir: string;
  catalogue: GeneratedCatalogue;
  /** Time spent loading, or null when a cached store was reused. */
  loadMs: number | null;
}

/**
 * Generates the catalogue and loads it into a SQLite store once per seed and size under
 * `cacheDir`, then copies that store to a temporary folder for this run.
 */
export async function prepareStore(
  cacheDir: string,
  seed: number,
  size: CatalogueSize,
  log: (line: string) => void,
): Promise<PreparedStore> {
  const catalogue = generateCatalogue(seed, size);
  const cached = path.join(
    cacheDir,
    `store-${seed}-${size.products}-${size.variations}-${size.customers}`,
  );
  let loadMs: number | null = null;
  if (!(await exists(path.join(cached, "store.sqlite")))) {
    log(`loading the catalogue into ${cached} (once per seed and size)…`);
    await mkdir(cached, { recursive: true });
    const startedMs = performance.now();
    const store = await openStoreDatabase({ dataDir: cached });
    await relaxDurability(store);
    const report = await loadCatalogue(store, catalogue);
    await store.close();
    loadMs = performance.now() - startedMs;
    if (report.failures.length > 0) {
      throw new Error(`loading the catalogue failed:\n${report.failures.slice(0, 10).join("\n")}`);
    }
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "pos-bench-sync-"));
  await cp(cached, dataDir, { recursive: true });
  return { dataDir, catalogue, loadMs };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
