import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasValidCheckDigit } from "@pos/core";
import { readJournalHead } from "../db/change-journal.js";
import type { StoreDatabase } from "../db/store-database.js";
import { openTestStore, testDialects } from "../test-support/test-server.js";
import { importOpenFoodFacts } from "./import-open-food-facts.js";
import { generatedPrice, parseOpenFoodFactsRow } from "./open-food-facts-row.js";

const shippedFile = fileURLToPath(
  new URL("../../data/openfoodfacts/openfoodfacts_products.csv.gz", import.meta.url),
);
const now = () => new Date("2026-12-04T12:00:00Z");

const sliceLines = [
  "code,product_name",
  "0000101209159,Véritable pâte à tartiner noisettes chocolat noir",
  '0000105000011,"Tea, chamomile ""herbal"""',
  "0000101209158,check digit off by one",
  "3017620422003,   ",
  "12345,too short",
  "0000105000011,the same code again",
  "4006381333931,  Stabilo   pen  ",
  "",
];

describe("Open Food Facts rows", () => {
  it.each([
    [{ code: "4006381333931", product_name: "Pen" }, "ok"],
    [{ code: "4006381333932", product_name: "Pen" }, "bad_check_digit"],
    [{ code: "400638133393", product_name: "Pen" }, "invalid_code"],
    [{ code: "400638133393A", product_name: "Pen" }, "invalid_code"],
    [{ code: "", product_name: "Pen" }, "invalid_code"],
    [{ code: "4006381333931", product_name: " \t " }, "empty_name"],
    [{ code: "4006381333931" }, "empty_name"],
  ])("classifies %j as %s", (record, expected) => {
    const result = parseOpenFoodFactsRow(record);
    expect(result.ok ? "ok" : result.reason).toBe(expected);
  });

  it("generates the same price for the same code", () => {
    expect(generatedPrice("4006381333931")).toBe(generatedPrice("4006381333931"));
  });

  it("generates prices from 0.99 to 19.99 ending in 9", () => {
    const codes = Array.from({ length: 2000 }, (_, index) => String(1e12 + index * 7919));
    const prices = codes.map((code) => generatedPrice(code));
    for (const price of prices) {
      expect(price).toMatch(/^\d{1,2}\.\d9$/);
      expect(Number(price)).toBeGreaterThanOrEqual(0.99);
      expect(Number(price)).toBeLessThanOrEqual(19.99);
    }
    expect(new Set(prices).size).toBeGreaterThan(150);
  });
});

describe.each(testDialects)("Open Food Facts import on %s", (dialect) => {
  let store: StoreDatabase;
  let cleanup: () => Promise<void>;
  let folder: string;
  let slice: string;

  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
    folder = await mkdtemp(path.join(tmpdir(), "pos-off-import-"));
    slice = path.join(folder, "slice.csv.gz");
    await writeFile(slice, gzipSync(sliceLines.join("\n")));
  });
  afterAll(async () => {
    await cleanup();
    await rm(folder, { recursive: true, force: true });
  });

  const productsWithSku = (sku: string) =>
    store.db.selectFrom("products").selectAll().where("sku", "=", sku).execute();

  it("imports valid rows and counts each skipped row", async () => {
    const journalBefore = await readJournalHead(store.db);
    const report = await importOpenFoodFacts(store, { file: slice, batchSize: 2, now });

    expect(report.rowsRead).toBe(7);
    expect(report.created).toBe(3);
    expect(report.skipped).toEqual({
      invalid_code: 1,
      bad_check_digit: 1,
      empty_name: 1,
      duplicate_code: 1,
      already_in_store: 0,
    });
    expect(report.batches).toBe(2);
    expect(await readJournalHead(store.db)).toBe(journalBefore + 3);
  });

  it("stores the code as SKU and barcode with a generated price", async () => {
    const [tea] = await productsWithSku("0000105000011");
    expect(tea?.name).toBe('Tea, chamomile "herbal"');
    expect(tea?.global_unique_id).toBe("0000105000011");
    expect(tea?.type).toBe("simple");
    expect(tea?.status).toBe("publish");
    expect(tea?.regular_price).toBe(generatedPrice("0000105000011"));
    expect(tea?.price).toBe(tea?.regular_price);
    const [pen] = await productsWithSku("4006381333931");
    expect(pen?.name).toBe("Stabilo pen");
    expect(await productsWithSku("0000101209158")).toHaveLength(0);
  });

  it("adds nothing when the same file is imported again", async () => {
    const journalBefore = await readJournalHead(store.db);
    const report = await importOpenFoodFacts(store, { file: slice, now });
    expect(report.created).toBe(0);
    expect(report.skipped.already_in_store).toBe(3);
    expect(await readJournalHead(store.db)).toBe(journalBefore);
    expect(await productsWithSku("0000105000011")).toHaveLength(1);
  });

  it("reads only the first rows of the shipped file", async () => {
    const report = await importOpenFoodFacts(store, {
      file: shippedFile,
      rowLimit: 1200,
      batchSize: 500,
      now,
    });
    expect(report.rowsRead).toBe(1200);
    // The slice's codes 0000101209159 and 0000105000011 are among these rows.
    expect(report.created).toBe(1198);
    expect(report.skipped.already_in_store).toBe(2);
    const rows = await store.db
      .selectFrom("products")
      .select(["sku", "global_unique_id"])
      .where("sku", "like", "0%")
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1200);
    expect(rows.every((row) => hasValidCheckDigit(row.global_unique_id))).toBe(true);
  });

  it("rejects a file without the expected columns and writes nothing", async () => {
    const wrong = path.join(folder, "wrong.csv.gz");
    await writeFile(wrong, gzipSync("barcode,name\n4006381333931,Pen\n"));
    const countBefore = await store.db
      .selectFrom("products")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    await expect(importOpenFoodFacts(store, { file: wrong, now })).rejects.toThrow(
      /no column "code", "product_name"/,
    );
    const countAfter = await store.db
      .selectFrom("products")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(countAfter.count)).toBe(Number(countBefore.count));
  });

  it("rejects a file that is not gzip", async () => {
    const plain = path.join(folder, "plain.csv.gz");
    await writeFile(plain, sliceLines.join("\n"));
    await expect(importOpenFoodFacts(store, { file: plain, now })).rejects.toThrow(
      /incorrect header check/,
    );
  });
});
