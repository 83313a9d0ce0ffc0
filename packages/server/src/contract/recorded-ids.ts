import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WooFixture } from "../test-support/fixtures.js";

export const sharedFixturesDir = "/work/shared/fixtures/woocommerce/";
const ownFixturesDir = fileURLToPath(new URL("../../test-fixtures/woocommerce/", import.meta.url));

export interface NamedFixture extends WooFixture {
  name: string;
  note?: string;
  request: WooFixture["request"] & { auth?: string };
}

/** Every recorded fixture of packages/server/test-fixtures/woocommerce, in numbered order. */
export function readAllFixtures(): NamedFixture[] {
  return readdirSync(ownFixturesDir)
    .filter((file) => /^\d\d-.*\.json$/.test(file))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ""),
      ...(JSON.parse(readFileSync(`${ownFixturesDir}${file}`, "utf8")) as WooFixture),
    }));
}

/** What identifies a recorded record in our store: a product's SKU, a customer's e-mail … */
export interface RecordedKeys {
  productSku: Map<number, string>;
  customerEmail: Map<number, string>;
  couponCode: Map<number, string>;
  attributeName: Map<number, string>;
}

/** Collects the natural keys of every product, customer and coupon in the recorded bodies. */
export function collectRecordedKeys(fixtures: readonly NamedFixture[]): RecordedKeys {
  const keys: RecordedKeys = {
    productSku: new Map(),
    customerEmail: new Map(),
    couponCode: new Map(),
    attributeName: new Map(),
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    const id = record["id"];
    if (typeof id === "number") {
      if (typeof record["sku"] === "string" && record["sku"] !== "" && "permalink" in record) {
        keys.productSku.set(id, record["sku"]);
      }
      if (typeof record["email"] === "string" && "username" in record) {
        keys.customerEmail.set(id, record["email"]);
      }
      if (typeof record["name"] === "string" && "has_archives" in record) {
        keys.attributeName.set(id, record["name"]);
      }
      if (typeof record["code"] === "string" && "discount_type" in record) {
        keys.couponCode.set(id, record["code"]);
      }
    }
    Object.values(record).forEach(visit);
  };
  for (const fixture of fixtures) visit(fixture.response.body);
  return keys;
}
