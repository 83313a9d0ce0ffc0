import { describe, expect, it } from "vitest";
import { choiceOfSourceText, sourceTextOfChoice } from "./barcode-source-choice.js";

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

  it("round-trips every valid choice", () => {
    for (const text of ["global_unique_id", "sku", "meta:_ean", "meta:a.b:c-d"]) {
      expect(sourceTextOfChoice(choiceOfSourceText(text))).toBe(text);
    }
  });
});
