import { beforeEach, describe, expect, it } from "vitest";
import { mapWcProduct, wcProductSchema, type BarcodeSource } from "@pos/woo";
import { readExchange } from "../worker/recorded-store.js";
import { beanie, hoodie, hoodieBlueLogo, product } from "../search/test-catalog.js";
import { CatalogIndex } from "../search/catalog-index.js";
import { findByCode, type CodeMatch } from "./find-by-code.js";
import { defaultScanSettings } from "./scan-settings-store.js";

let index: CatalogIndex;

/** Returns the id of the item a match adds, or fails the test when nothing matched. */
function addedId(match: CodeMatch): number {
  expect(match.kind).not.toBe("notFound");
  if (match.kind === "product") return match.product.id;
  if (match.kind === "variation") return match.variation.id;
  return Number.NaN;
}

const products = [
  hoodie,
  beanie,
  product({ id: 40, name: "Cap", sku: "000122521", barcode: "" }),
  product({ id: 41, name: "Scarf", barcode: "3564700010846" }),
  product({ id: 50, name: "Cheddar", barcode: "2100001000004", price: "3.20" }),
  product({ id: 51, name: "Olives", sku: "00002" }),
];

beforeEach(() => {
  index = new CatalogIndex();
  index.putProducts(products);
  index.putVariations([hoodieBlueLogo]);
});

describe("on the catalogue index", () => {
  describe("findByCode", () => {
    it("finds a product by exact SKU", async () => {
      const match = await findByCode(index, "woo-beanie");

      expect(match.kind).toBe("product");
      expect(addedId(match)).toBe(30);
    });

    it("adds the variation, not its parent, for a variation SKU", async () => {
      const match = await findByCode(index, "woo-hoodie-blue-logo");

      expect(match.kind).toBe("variation");
      expect(addedId(match)).toBe(21);
      expect(match.kind === "variation" ? match.parent.id : null).toBe(20);
    });

    it("finds one barcode written as UPC-A or EAN-13", async () => {
      const asEan13 = await findByCode(index, "0075678164125");
      const asUpcA = await findByCode(index, "075678164125");

      expect(asEan13.kind).toBe("variation");
      expect(addedId(asEan13)).toBe(21);
      expect(addedId(asUpcA)).toBe(21);
    });

    it("finds a product by a valid EAN-13", async () => {
      const match = await findByCode(index, "3564700010846");

      expect(addedId(match)).toBe(41);
    });

    it("rejects a barcode with a wrong check digit", async () => {
      const match = await findByCode(index, "3564700010546");

      expect(match.kind).toBe("notFound");
      expect(match.kind === "notFound" ? match.message : "").toMatch(
        /3564700010546.*scan it again/,
      );
    });

    it("prefers an exact SKU over a barcode reading", async () => {
      const match = await findByCode(index, "000122521");

      expect(addedId(match)).toBe(40);
    });

    it("reports an unknown code by its text", async () => {
      const match = await findByCode(index, "no-such-sku");

      expect(match).toEqual({
        kind: "notFound",
        message: 'No product has the SKU or barcode "no-such-sku".',
      });
    });
  });

  describe("findByCode with scale barcodes", () => {
    const options = { scaleRules: defaultScanSettings.scaleRules };

    it("finds a weighed product by its zeroed barcode and reads the weight", async () => {
      const match = await findByCode(index, "2100001027506", options);

      expect(addedId(match)).toBe(50);
      expect(match.kind === "product" ? match.scaled : null).toEqual({
        kind: "weight",
        weightGrams: 2750,
      });
    });

    it("finds a price-embedded product by an SKU equal to its item code", async () => {
      const match = await findByCode(index, "2200002012348", options);

      expect(addedId(match)).toBe(51);
      expect(match.kind === "product" ? match.scaled : null).toEqual({
        kind: "price",
        price: 1234,
      });
    });

    it("rejects a misread scale barcode", async () => {
      const match = await findByCode(index, "2100001027507", options);

      expect(match.kind).toBe("notFound");
      expect(match.kind === "notFound" ? match.message : "").toMatch(
        /should end in 6.*scan it again/,
      );
    });

    it("names the item code when no product has it", async () => {
      const match = await findByCode(index, "2100009027508", options);

      expect(match.kind === "notFound" ? match.message : "").toMatch(/2100009000006.*SKU 00009/);
    });

    it("reads the code as a plain barcode without rules", async () => {
      const match = await findByCode(index, "2100001000004");

      expect(addedId(match)).toBe(50);
      expect(match.kind === "product" ? match.scaled : "none").toBeUndefined();
    });
  });

  describe("findByCode with a barcode field", () => {
    it("compares only SKUs when set to SKU", async () => {
      const bySku = await findByCode(index, "woo-beanie", { barcodeField: "sku" });
      const byBarcode = await findByCode(index, "4006381333931", { barcodeField: "sku" });

      expect(addedId(bySku)).toBe(30);
      expect(byBarcode).toEqual({
        kind: "notFound",
        message: 'No product has the SKU "4006381333931".',
      });
    });

    it("compares only barcodes when set to global unique id", async () => {
      const bySku = await findByCode(index, "woo-beanie", { barcodeField: "globalUniqueId" });
      const byBarcode = await findByCode(index, "4006381333931", {
        barcodeField: "globalUniqueId",
      });

      expect(bySku.kind).toBe("notFound");
      expect(addedId(byBarcode)).toBe(30);
    });
  });
});

describe("findByCode with a store's barcode source", () => {
  /** The Beanie as WooCommerce 11 sent it, with an EAN that a barcode plugin keeps in `_ean`. */
  const wire = wcProductSchema.parse(
    (
      readExchange(new URL("../worker/fixtures/24-products-by-sku.json", import.meta.url)).response
        .body as unknown[]
    )[0],
  );
  const beanieWithEan = {
    ...wire,
    global_unique_id: "4006381333931",
    meta_data: [...(wire.meta_data ?? []), { key: "_ean", value: "5012345678900" }],
  };
  const scan = (barcodeSource: BarcodeSource, code: string) => {
    const scanned = new CatalogIndex();
    scanned.putProducts([mapWcProduct(beanieWithEan, { barcodeSource })]);
    return findByCode(scanned, code, { barcodeField: "globalUniqueId" });
  };

  it("scans the global unique id", async () => {
    expect(addedId(await scan({ kind: "globalUniqueId" }, "4006381333931"))).toBe(wire.id);
    expect((await scan({ kind: "globalUniqueId" }, "5012345678900")).kind).toBe("notFound");
  });

  it("scans the SKU as the barcode", async () => {
    expect(addedId(await scan({ kind: "sku" }, "woo-beanie"))).toBe(wire.id);
    expect((await scan({ kind: "sku" }, "4006381333931")).kind).toBe("notFound");
  });

  it("scans a meta key", async () => {
    expect(addedId(await scan({ kind: "meta", key: "_ean" }, "5012345678900"))).toBe(wire.id);
    expect((await scan({ kind: "meta", key: "_ean" }, "4006381333931")).kind).toBe("notFound");
  });

  it("scans a meta value that is not a GTIN as text", async () => {
    const source: BarcodeSource = { kind: "meta", key: "_original_id" };

    expect(addedId(await scan(source, "48"))).toBe(wire.id);
  });
});
