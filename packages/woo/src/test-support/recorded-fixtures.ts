/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface RecordedExchange {
  file: string;
  case: string;
  request: { method: string; url: string; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

const fixtureDir = fileURLToPath(new URL("../../test-fixtures/", import.meta.url));

/** Loads every recorded WooCommerce exchange in `test-fixtures/`, in file order. */
export function allRecordedExchanges(): RecordedExchange[] {
  return readdirSync(fixtureDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => loadExchange(file));
}

function loadExchange(file: string): RecordedExchange {
  const parsed = JSON.parse(readFileSync(`${fixtureDir}${file}`, "utf8")) as Omit<
    RecordedExchange,
    "file"
  >;
  return { ...parsed, file };
}

/** Loads the exchange whose file name starts with `prefix` ("13-" or "13-product-simple"). */
export function recordedExchange(prefix: string): RecordedExchange {
  const found = allRecordedExchanges().find((exchange) => exchange.file.startsWith(prefix));
  if (!found) throw new Error(`no recorded fixture starts with "${prefix}" in ${fixtureDir}`);
  return found;
}
