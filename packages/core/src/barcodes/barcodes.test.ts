import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { expandUpcE, gtinCheckDigit, normalizeGtin } from "./gtin.js";
import { parseScaleBarcode, priceForWeight } from "./scale-barcode.js";
import type { ScaleBarcodeRule } from "./scale-barcode.js";

const gtin14 = (code: string): string | undefined => {
  const result = normalizeGtin(code);
  return result.ok ? result.gtin14 : undefined;
};

describe("normalizeGtin", () => {
  it("B1 UPC-A and its EAN-13 form are the same product", () => {
    expect(gtin14("0075678164125")).toBe("00075678164125");
    expect(gtin14("075678164125")).toBe("00075678164125");
  });

  it("B1 rejects a misread check digit", () => {
    const result = normalizeGtin("3564700010546");
    expect(result).toMatchObject({ ok: false, reason: "bad-check-digit" });
    if (!result.ok) expect(result.message).toContain("should end in 9");
    expect(gtin14("3564700010846")).toBe("03564700010846");
  });

  it.each([
    ["96385074", "EAN-8", "00000096385074"],
    ["04252614", "UPC-E", "00042100005264"],
    ["12345678901231", "GTIN-14", "12345678901231"],
    ["4006381333931", "EAN-13", "04006381333931"],
  ])("reads %s as %s", (code, kind, expected) => {
    expect(normalizeGtin(code)).toEqual({ ok: true, gtin14: expected, kind });
  });

  it.each([
    ["12ab5", "not-digits"],
    ["12345", "bad-length"],
    ["123456789012345", "bad-length"],
    ["96385075", "bad-check-digit"],
  ])("rejects %s as %s", (code, reason) => {
    expect(normalizeGtin(code)).toMatchObject({ ok: false, reason });
  });
});

describe("expandUpcE", () => {
  it.each([
    ["04252614", "042100005264"],
    ["01234505", "012000003455"],
    ["01234531", "012300000451"],
    ["01234543", "012340000053"],
    ["01234565", "012345000065"],
  ])("expands %s to %s", (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
  });

  it("ignores codes outside number systems 0 and 1", () => {
    expect(expandUpcE("21234565")).toBeUndefined();
  });
});

describe("parseScaleBarcode", () => {
  const weightRule: ScaleBarcodeRule = {
    prefix: "21",
    itemCodeLength: 5,
    valueLength: 5,
    valueKind: "weight-grams",
  };

  it("B2 reads weight and finds the product by the zeroed code", () => {
    const scanned = parseScaleBarcode("2100001027506", [weightRule]);
    expect(scanned).toMatchObject({
      ok: true,
      kind: "weight",
      weightGrams: 2750,
      itemCode: "00001",
      lookupCode: "2100001000004",
    });
    expect(priceForWeight(toMoney(320), 2750)).toBe(880);
  });

  it("reads an embedded price", () => {
    const rule: ScaleBarcodeRule = { ...weightRule, prefix: "22", valueKind: "price" };
    const body = "220004501299";
    const scanned = parseScaleBarcode(`${body}${gtinCheckDigit(body)}`, [weightRule, rule]);
    expect(scanned).toMatchObject({ ok: true, kind: "price", price: 1299, itemCode: "00045" });
  });

  it("reads kilograms with implied decimals", () => {
    const rule: ScaleBarcodeRule = {
      ...weightRule,
      valueKind: "weight-kilograms",
      valueDecimals: 2,
    };
    const body = "210000100275";
    expect(parseScaleBarcode(`${body}${gtinCheckDigit(body)}`, [rule])).toMatchObject({
      weightGrams: 2750,
    });
  });

  it("rejects a misread scale barcode", () => {
    expect(parseScaleBarcode("2100001027507", [weightRule])).toMatchObject({
      ok: false,
      reason: "bad-check-digit",
    });
  });

  it("leaves other codes to ordinary lookup", () => {
    expect(parseScaleBarcode("4006381333931", [weightRule])).toBeUndefined();
  });
});
