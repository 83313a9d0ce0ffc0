import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const fixturesDir = fileURLToPath(new URL("../../test-fixtures/woocommerce/", import.meta.url));

export interface WooFixture {
  request: { method: string; url: string; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

/** Reads a recorded WooCommerce request and response by file name (without `.json`). */
export function readFixture(name: string): WooFixture {
  return JSON.parse(readFileSync(`${fixturesDir}${name}.json`, "utf8")) as WooFixture;
}

/**
 * Describes a JSON value's shape: key names in order and the JSON type of each leaf, so two
 * records compare equal when WooCommerce's field names and types match, whatever the values.
 */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (value === null) return "null";
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return typeof value;
}
