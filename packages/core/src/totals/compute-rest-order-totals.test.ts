import { describe, expect, it } from "vitest";
import { formatMoney } from "../money.js";
import { parsePrecise } from "../precise.js";
import { computeRestOrderTotals } from "./compute-rest-order-totals.js";
import { coupon, restLine, settings, storeLocation, taxRate } from "./test-carts.js";

const usd = (amount: number): string => formatMoney(amount as never, 2);
const californiaTax = taxRate(1, "7.2500", { country: "US", state: "CA", name: "CA State Tax" });

describe("computeRestOrderTotals: cases", () => {
  it("T7 product price with tax is read back ex-tax", () => {
    const totals = computeRestOrderTotals(
      { lines: [restLine("a", "22.00")], fees: [], shipping: [], coupons: [] },
      settings({ pricesIncludeTax: true }),
      [taxRate(1, "10.0000")],
      storeLocation,
    );
    expect(usd(totals.lines[0]?.subtotal ?? 0)).toBe("20.00");
    expect(usd(totals.lines[0]?.total ?? 0)).toBe("20.00");
    expect(usd(totals.totalTax)).toBe("2.00");
    expect(usd(totals.total)).toBe("22.00");
  });

  it("T9 yen order with percent coupon", () => {
    const totals = computeRestOrderTotals(
      {
        lines: [restLine("a", "1999", 1, {}, 0)],
        fees: [],
        shipping: [],
        coupons: [coupon("ten", "percent", "10.00")],
      },
      settings({ decimals: 0, calcTaxes: false }),
      [],
      storeLocation,
    );
    expect(totals.discountTotal).toBe(200);
    expect(totals.total).toBe(1799);
    expect(formatMoney(totals.total, 0)).toBe("1799");
  });

  it("T4 net sent with 6 decimals keeps the shelf total", () => {
    const net = parsePrecise("117.605042");
    const totals = computeRestOrderTotals(
      {
        lines: [restLine("a", "139.95", 1, { subtotal: net, total: net })],
        fees: [],
        shipping: [],
        coupons: [],
      },
      settings({ pricesIncludeTax: true }),
      [taxRate(1, "19.0000")],
      storeLocation,
    );
    expect(usd(totals.total)).toBe("139.95");
  });

  it("T4 net rounded to cents lands one cent off", () => {
    const net = parsePrecise("117.61");
    const totals = computeRestOrderTotals(
      {
        lines: [restLine("a", "139.95", 1, { subtotal: net, total: net })],
        fees: [],
        shipping: [],
        coupons: [],
      },
      settings({ pricesIncludeTax: true }),
      [taxRate(1, "19.0000")],
      storeLocation,
    );
    expect(usd(totals.totalTax)).toBe("22.35");
    expect(usd(totals.total)).toBe("139.96");
  });
});

describe("computeRestOrderTotals: recorded WooCommerce 11.0.1 orders", () => {
  const lines = [restLine("a", "18.00", 2), restLine("b", "15.00", 1)];

  it("exclusive tax order matches the recorded totals", () => {
    const totals = computeRestOrderTotals(
      { lines, fees: [], shipping: [], coupons: [] },
      settings(),
      [californiaTax],
      storeLocation,
    );
    expect(totals.lines.map((l) => [usd(l.total), usd(l.totalTax)])).toEqual([
      ["36.00", "2.61"],
      ["15.00", "1.09"],
    ]);
    expect(usd(totals.total)).toBe("54.70");
  });

  it("inclusive tax order matches the recorded totals", () => {
    const totals = computeRestOrderTotals(
      { lines, fees: [], shipping: [], coupons: [] },
      settings({ pricesIncludeTax: true }),
      [californiaTax],
      storeLocation,
    );
    expect(totals.lines.map((l) => l.subtotalPrecise)).toEqual([33_566_434, 13_986_014]);
    expect(totals.lines.map((l) => [usd(l.total), usd(l.totalTax)])).toEqual([
      ["33.57", "2.43"],
      ["13.99", "1.01"],
    ]);
    expect(usd(totals.cartTax)).toBe("3.44");
    expect(usd(totals.total)).toBe("51.00");
  });

  it("coupon and taxable fee match the recorded totals", () => {
    const totals = computeRestOrderTotals(
      {
        lines,
        fees: [
          { key: "wrap", name: "Gift wrapping", amount: 250 as never, taxable: true, taxClass: "" },
        ],
        shipping: [],
        coupons: [coupon("pos10", "percent", "10.00")],
      },
      settings(),
      [californiaTax],
      storeLocation,
    );
    expect(usd(totals.discountTotal)).toBe("5.10");
    expect(usd(totals.discountTax)).toBe("0.37");
    expect(totals.lines.map((l) => [usd(l.total), usd(l.totalTax)])).toEqual([
      ["32.40", "2.35"],
      ["13.50", "0.98"],
    ]);
    expect(usd(totals.fees[0]?.totalTax ?? 0)).toBe("0.18");
    expect(usd(totals.cartTax)).toBe("3.51");
    expect(usd(totals.total)).toBe("51.91");
  });
});
