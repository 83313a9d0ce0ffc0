import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDataDir } from "../demo/seed-demo-store.js";
import type { StoreDatabase } from "../db/store-database.js";
import { openTestStore, testDialects } from "../test-support/test-server.js";
import { parseProductDetails } from "../catalog/product-details.js";
import { importProductCsv } from "./import-product-csv.js";
import type { ProductImportReport } from "./import-product-csv.js";
import { importTaxRateCsv } from "./import-tax-rate-csv.js";

const now = () => new Date("2026-12-04T12:00:00Z");

describe.each(testDialects)("product CSV importer on %s", (dialect) => {
  let store: StoreDatabase;
  let cleanup: () => Promise<void>;
  let report: ProductImportReport;

  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(dialect));
    const csv = await readFile(`${demoDataDir}sample_products.csv`, "utf8");
    report = await importProductCsv(store, csv, now);
  });
  afterAll(() => cleanup());

  const productBySku = (sku: string) =>
    store.db.selectFrom("products").selectAll().where("sku", "=", sku).executeTakeFirstOrThrow();

  it("imports 25 records as 18 products and 7 variations", async () => {
    expect(report.failed).toEqual([]);
    expect(report.created).toBe(25);
    const rows = await store.db.selectFrom("products").select(["type"]).execute();
    expect(rows.filter((row) => row.type !== "variation")).toHaveLength(18);
    expect(rows.filter((row) => row.type === "variation")).toHaveLength(7);
  });

  it("builds the category tree from > paths", async () => {
    const terms = await store.db
      .selectFrom("terms")
      .selectAll()
      .where("taxonomy", "=", "product_cat")
      .execute();
    const byName = new Map(terms.map((term) => [term.name, term]));
    expect([...byName.keys()].sort()).toEqual([
      "Accessories",
      "Clothing",
      "Decor",
      "Hoodies",
      "Music",
      "Tshirts",
    ]);
    expect(byName.get("Tshirts")?.parent_id).toBe(byName.get("Clothing")?.id);
    expect(byName.get("Music")?.parent_id).toBe(0);
  });

  it("links variations to their parent by SKU", async () => {
    const hoodie = await productBySku("woo-hoodie");
    const variations = await store.db
      .selectFrom("products")
      .selectAll()
      .where("parent_id", "=", hoodie.id)
      .execute();
    expect(variations).toHaveLength(4);
    const red = variations.find((row) => row.sku === "woo-hoodie-red");
    expect(red?.sale_price).toBe("42");
    expect(red?.price).toBe("42");
    expect(parseProductDetails(red?.details ?? "{}").variation_attributes).toEqual([
      { id: expect.any(Number) as unknown, name: "Color", option: "Red" },
      { id: 0, name: "Logo", option: "No" },
    ]);
  });

  it("marks attributes of variable products for variations", async () => {
    const vneck = await productBySku("woo-vneck-tee");
    const details = parseProductDetails(vneck.details);
    expect(details.attributes.map((a) => [a.name, a.variation, a.options])).toEqual([
      ["Color", true, ["Blue", "Green", "Red"]],
      ["Size", true, ["Large", "Medium", "Small"]],
    ]);
    expect(vneck.price).toBe("15");
    expect(vneck.featured).toBe(1);
  });

  it("keeps prices, sale prices and images", async () => {
    const beanie = await productBySku("woo-beanie");
    expect([beanie.regular_price, beanie.sale_price, beanie.price]).toEqual(["20", "18", "18"]);
    const details = parseProductDetails(beanie.details);
    expect(details.images[0]?.src).toMatch(/beanie-2\.jpg$/);
    expect(details.meta_data[0]).toEqual({ id: 1, key: "_original_id", value: "48" });
    expect(details.weight).toBe("0.2");
  });

  it("resolves grouped children by SKU", async () => {
    const group = await productBySku("logo-collection");
    const children = parseProductDetails(group.details).grouped_products;
    const skus = await store.db
      .selectFrom("products")
      .select("sku")
      .where("id", "in", children)
      .execute();
    expect(skus.map((row) => row.sku).sort()).toEqual([
      "woo-beanie",
      "woo-hoodie-with-logo",
      "woo-tshirt",
    ]);
    expect(group.price).toBe("18");
  });

  it("imports external and downloadable products", async () => {
    const pennant = parseProductDetails((await productBySku("wp-pennant")).details);
    expect(pennant.external_url).toBe(
      "https://mercantile.wordpress.org/product/wordpress-pennant/",
    );
    const album = parseProductDetails((await productBySku("woo-album")).details);
    expect(album.downloadable).toBe(true);
    expect(album.virtual).toBe(true);
    expect(album.downloads).toHaveLength(2);
  });

  it("reports bad rows and imports the rest", async () => {
    const csv = [
      "ID,Type,SKU,Name,Regular price,Stock,Parent",
      "900,simple,bad-price,Bad price,12.x,,",
      "901,simple,good-one,Good one,3.50,7,",
      "902,variation,orphan,Orphan,1,,id:99999",
      "903,simple,woo-beanie,Duplicate SKU,1,,",
      "904,gadget,odd,Odd type,1,,",
      "905,simple,WOO-BEANIE,Duplicate SKU in capitals,1,,",
    ].join("\n");
    const result = await importProductCsv(store, csv, now);
    expect(result.created).toBe(1);
    expect(result.failed.map((failure) => failure.line)).toEqual([2, 4, 5, 6, 7]);
    expect(result.failed[4]?.message).toContain('SKU "WOO-BEANIE" is already used');
    expect(result.failed[0]?.message).toContain('"12.x"');
    const good = await productBySku("good-one");
    expect([good.manage_stock, good.stock_quantity, good.stock_status]).toEqual([1, 7, "instock"]);
  });

  it("imports the sample tax rates", async () => {
    const csv = await readFile(`${demoDataDir}sample_tax_rates.csv`, "utf8");
    const result = await importTaxRateCsv(store, csv);
    expect(result).toEqual({ created: 5, failed: [] });
    const rates = await store.db.selectFrom("tax_rates").selectAll().orderBy("id").execute();
    expect(rates[0]).toMatchObject({
      country: "GB",
      state: "",
      rate: "20.0000",
      tax_class: "standard",
    });
    expect(rates[4]).toMatchObject({ country: "US", state: "AL", postcodes: '["12345","123456"]' });
  });
});
