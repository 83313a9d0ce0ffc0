import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney, sumMoney, toMoney } from "./money.js";
import {
  formatPrecise,
  moneyToPrecise,
  parsePrecise,
  preciseToMoney,
  toPrecise,
} from "./precise.js";
import { parseRatePercent } from "./tax-rate-percent.js";

describe("parseMoney", () => {
  it.each([
    ["16.02", 2, 1602],
    ["-1.5", 2, -150],
    ["1799", 0, 1799],
    ["200.00", 0, 200],
    ["1.5", 3, 1500],
    ["0.001", 3, 1],
    [" 7 ", 2, 700],
    ["+3.10", 2, 310],
    ["-0", 2, 0],
  ])("reads %s with %i decimals as %i", (text, decimals, expected) => {
    expect(parseMoney(text, decimals)).toBe(expected);
  });

  it.each([
    ["16.021", 2],
    ["1.5", 0],
    ["abc", 2],
    ["", 2],
    ["1e3", 2],
    ["1,50", 2],
    ["--1", 2],
    ["99999999999999999999", 2],
  ])("rejects %s with %i decimals", (text, decimals) => {
    expect(() => parseMoney(text, decimals)).toThrow(RangeError);
    expect(() => parseMoney(text, decimals)).toThrow(`"${text}"`);
  });

  it("rejects decimals outside 0 to 6", () => {
    expect(() => parseMoney("1", 7)).toThrow(/decimals 7/);
  });
});

describe("formatMoney", () => {
  it.each([
    [1602, 2, "16.02"],
    [1799, 0, "1799"],
    [1500, 3, "1.500"],
    [-5, 2, "-0.05"],
    [0, 2, "0.00"],
  ])("writes %i with %i decimals as %s", (amount, decimals, expected) => {
    expect(formatMoney(toMoney(amount), decimals)).toBe(expected);
  });

  it("round-trips through parseMoney", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0, 2, 3), (n, d) => {
        expect(parseMoney(formatMoney(toMoney(n), d), d)).toBe(n);
      }),
    );
  });
});

describe("toMoney", () => {
  it.each([1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])("rejects %d", (value) => {
    expect(() => toMoney(value)).toThrow(RangeError);
  });

  it("sums exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (values) => {
        expect(sumMoney(values.map(toMoney))).toBe(values.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("precise amounts", () => {
  it("reads and writes six decimals", () => {
    expect(parsePrecise("117.605042")).toBe(117_605_042);
    expect(formatPrecise(toPrecise(117_605_042), 6)).toBe("117.605042");
    expect(formatPrecise(toPrecise(117_605_042), 2)).toBe("117.61");
  });

  it("rejects a seventh decimal", () => {
    expect(() => parsePrecise("1.0000001")).toThrow(/"1.0000001"/);
  });

  it("converts money without loss", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, 2, 3), (n, d) => {
        expect(preciseToMoney(moneyToPrecise(toMoney(n), d), d)).toBe(n);
      }),
    );
  });

  it("rounds half away from zero to minor units", () => {
    expect(preciseToMoney(toPrecise(5_000), 2)).toBe(1);
    expect(preciseToMoney(toPrecise(-5_000), 2)).toBe(-1);
    expect(preciseToMoney(toPrecise(4_999), 2)).toBe(0);
  });
});

describe("parseRatePercent", () => {
  it.each([
    ["7.5000", 75_000],
    ["20.0000", 200_000],
    ["7.25", 72_500],
    ["0", 0],
  ])("reads %s as %i parts per million", (text, expected) => {
    expect(parseRatePercent(text)).toBe(expected);
  });

  it.each(["-1", "7.50001", "abc"])("rejects %s", (text) => {
    expect(() => parseRatePercent(text)).toThrow(`"${text}"`);
  });
});
