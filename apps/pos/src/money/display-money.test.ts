import { describe, expect, it } from "vitest";
import { toMoney } from "@pos/core";
import { catalogPrice, displayMoney, parseTypedMoney } from "./display-money.js";

const usd = { currency_symbol: "$", decimals: 2, decimal_separator: ".", thousand_separator: "," };
const eur = { currency_symbol: "€", decimals: 2, decimal_separator: ",", thousand_separator: "." };
const jpy = { currency_symbol: "¥", decimals: 0, decimal_separator: ".", thousand_separator: "," };

describe("displayMoney", () => {
  it.each([
    [usd, 123_450, "$1,234.50"],
    [usd, -500, "-$5.00"],
    [usd, 7, "$0.07"],
    [eur, 123_450, "€1.234,50"],
    [jpy, 1_799, "¥1,799"],
  ])("formats %j %i as %s", (store, amount, expected) => {
    expect(displayMoney(toMoney(amount), store)).toBe(expected);
  });
});

describe("parseTypedMoney", () => {
  it.each([
    [usd, "12.5", 1250],
    [usd, "1,234.50", 123_450],
    [usd, "$20", 2000],
    [eur, "1.234,50", 123_450],
    [jpy, "1799", 1799],
  ])("reads %j %s as %i", (store, text, expected) => {
    expect(parseTypedMoney(text, store)).toBe(expected);
  });

  it.each([["abc"], ["12.345"], [""], ["12,50"], ["1,23,456.00"], ["1.2.3"], ["1e309"]])(
    "rejects %j",
    (text) => {
      expect(() => parseTypedMoney(text, usd)).toThrow(RangeError);
    },
  );

  it("names the text as typed", () => {
    expect(() => parseTypedMoney("abc", usd)).toThrow('amount "abc" is not valid');
    expect(() => parseTypedMoney("$12.345", usd)).toThrow('amount "$12.345" is not valid');
  });

  it("rejects a US-style amount in a euro store", () => {
    expect(() => parseTypedMoney("12.50", eur)).toThrow(RangeError);
  });
});

describe("catalogPrice", () => {
  it("reads an unset price as zero", () => {
    expect(catalogPrice("", usd)).toBe(0);
  });

  it("reads a whole-number price", () => {
    expect(catalogPrice("42", usd)).toBe(4200);
  });
});
