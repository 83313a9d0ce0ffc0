import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordedExchange } from "../test-support/recorded-fixtures.js";
import { wcProductSchema, wcVariationSchema, type WcProduct } from "../wc/wc-product.js";
import {
  barcodeFrom,
  formatBarcodeSource,
  parseBarcodeSource,
  type BarcodeSource,
} from "./barcode-source.js";
import { mapWcProduct, mapWcVariation } from "./map-catalog.js";

/** The Beanie as WooCommerce 11 sent it: SKU "woo-beanie", no global unique id. */
const beanie = wcProductSchema.parse(recordedExchange("13-").response.body);

/** The same Beanie with barcodes where stores keep them, as a barcode plugin would add them. */
const beanieWithBarcodes: WcProduct = {
  ...beanie,
  global_unique_id: "4006381333931",
  meta_data: [...(beanie.meta_data ?? []), { id: 900, key: "_ean", value: "5012345678900" }],
};

describe("mapWcProduct with a barcode source", () => {
  it.each([
    [{ kind: "globalUniqueId" }, "4006381333931"],
    [{ kind: "sku" }, "woo-beanie"],
    [{ kind: "meta", key: "_ean" }, "5012345678900"],
    [{ kind: "meta", key: "_gtin" }, ""],
  ] as [BarcodeSource, string][])("reads %j", (barcodeSource, expected) => {
    expect(mapWcProduct(beanieWithBarcodes, { barcodeSource }).barcode).toBe(expected);
  });

  it("reads a meta key of the recorded response", () => {
    const product = mapWcProduct(beanie, { barcodeSource: { kind: "meta", key: "_original_id" } });

    expect(product.barcode).toBe("48");
  });

  it("keeps the global unique id by default", () => {
    expect(mapWcProduct(beanieWithBarcodes).barcode).toBe("4006381333931");
    expect(mapWcProduct(beanie).barcode).toBe("");
  });

  it("reads variations' meta keys", () => {
    const wires = z.array(wcVariationSchema).parse(recordedExchange("15-").response.body);
    const parent = { id: 11, taxClass: "" };
    const source: BarcodeSource = { kind: "meta", key: "_original_id" };
    const barcodes = wires.map((wire) => mapWcVariation(wire, parent, { barcodeSource: source }));

    expect(barcodes.map((variation) => variation.barcode)).toEqual(
      wires.map((wire) => wire.meta_data?.find((meta) => meta.key === "_original_id")?.value),
    );
    expect(barcodes.every((variation) => variation.barcode !== "")).toBe(true);
  });
});

describe("barcodeFrom", () => {
  const meta = (value: unknown) => ({ sku: "", meta_data: [{ key: "_ean", value }] });
  const source: BarcodeSource = { kind: "meta", key: "_ean" };

  it("takes strings and numbers from meta values", () => {
    expect(barcodeFrom(meta(" 96385074 "), source)).toBe("96385074");
    expect(barcodeFrom(meta(96385074), source)).toBe("96385074");
  });

  it("ignores meta values that are not text", () => {
    expect(barcodeFrom(meta({ ean: "96385074" }), source)).toBe("");
    expect(barcodeFrom(meta(null), source)).toBe("");
    expect(barcodeFrom(meta(Number.NaN), source)).toBe("");
  });

  it("takes the first of repeated meta keys", () => {
    const item = {
      sku: "",
      meta_data: [
        { key: "_ean", value: "111" },
        { key: "_ean", value: "222" },
      ],
    };

    expect(barcodeFrom(item, source)).toBe("111");
  });
});

describe("parseBarcodeSource", () => {
  it.each(["global_unique_id", "sku", "meta:_ean", "meta:_wpm_gtin_code"])("reads %s", (text) => {
    expect(formatBarcodeSource(parseBarcodeSource(text))).toBe(text);
  });

  it.each(["", "gtin", "meta:", "meta:has space", "META:_ean"])("rejects %j", (text) => {
    expect(() => parseBarcodeSource(text)).toThrow(`barcode source "${text}" is invalid`);
  });
});
