import { describe, expect, it } from "vitest";
import {
  assertBarcodeSourceSaveAllowed,
  choiceOfSourceText,
  sourceTextOfChoice,
} from "./barcode-source-choice.js";

describe("choiceOfSourceText", () => {
  it.each([
    ["global_unique_id", { field: "global_unique_id", metaKey: "" }],
    ["sku", { field: "sku", metaKey: "" }],
    ["meta:_ean", { field: "meta", metaKey: "_ean" }],
    ["meta:", { field: "global_unique_id", metaKey: "" }],
  ])("reads %j", (text, expected) => {
    expect(choiceOfSourceText(text)).toEqual(expected);
  });
});

describe("sourceTextOfChoice", () => {
  it("ignores the meta key for other fields", () => {
    expect(sourceTextOfChoice({ field: "sku", metaKey: "bad key" })).toBe("sku");
  });

  it("joins a trimmed meta key", () => {
    expect(sourceTextOfChoice({ field: "meta", metaKey: " _wpm_gtin_code " })).toBe(
      "meta:_wpm_gtin_code",
    );
  });

  it.each(["", "   "])("rejects the empty meta key %j", (metaKey) => {
    expect(() => sourceTextOfChoice({ field: "meta", metaKey })).toThrow(
      "the meta key is empty: type the product meta key that contains the barcodes, such as _ean",
    );
  });

  it.each(["bad key", "ean/13", "é", "x".repeat(256)])("rejects the meta key %j", (metaKey) => {
    expect(() => sourceTextOfChoice({ field: "meta", metaKey })).toThrow(
      `meta key "${metaKey}" is invalid`,
    );
  });

  it.each([
    ["meta:_ean", "type the key alone, such as _ean"],
    [" meta:_wpm_gtin_code", "type the key alone, such as _wpm_gtin_code"],
    ["meta:", "type the key alone, such as _ean"],
  ])("rejects the prefixed meta key %j", (metaKey, advice) => {
    expect(() => sourceTextOfChoice({ field: "meta", metaKey })).toThrow(advice);
  });

  it("round-trips every valid choice", () => {
    for (const text of ["global_unique_id", "sku", "meta:_ean", "meta:a.b:c-d"]) {
      expect(sourceTextOfChoice(choiceOfSourceText(text))).toBe(text);
    }
  });
});

describe("assertBarcodeSourceSaveAllowed", () => {
  const save = {
    owner: "device",
    current: "global_unique_id",
    next: "sku",
    offline: true,
  } as const;

  it("rejects a device's change while offline", () => {
    expect(() => assertBarcodeSourceSaveAllowed(save)).toThrow(
      "the till is offline, so the barcode field stays global_unique_id",
    );
  });

  it.each([
    ["online", { ...save, offline: false }],
    ["an unchanged field", { ...save, next: "global_unique_id" }],
    ["the store's setting", { ...save, owner: "store" as const }],
  ])("allows %s", (_case, allowed) => {
    expect(() => assertBarcodeSourceSaveAllowed(allowed)).not.toThrow();
  });
});
