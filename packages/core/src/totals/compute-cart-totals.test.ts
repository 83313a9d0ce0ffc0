import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "../money.js";
import { computeCartTotals } from "./compute-cart-totals.js";
import { cart, coupon, fee, line, settings, storeLocation, taxRate } from "./test-carts.js";

const usd = (amount: number): string => formatMoney(amount as never, 2);

describe("computeCartTotals: cases", () => {
  it("T1 percent coupon floors per line and tops up the larger line", () => {
    const small = line("1.59");
    const large = line("2.06");
    const totals = computeCartTotals(
      cart([small, large], { coupons: [coupon("ten", "percent", "10")] }),
      settings({ calcTaxes: false }),
      [],
      storeLocation,
    );
    expect(usd(totals.discountTotal)).toBe("0.36");
    expect(usd(totals.total)).toBe("3.29");
    expect(totals.lines.find((l) => l.key === large.key)?.discount).toBe(21);
    expect(totals.lines.find((l) => l.key === small.key)?.discount).toBe(15);
  });

  it("T1 five units of 14.49 with 10% discount 7.24", () => {
    const totals = computeCartTotals(
      cart([line("14.49", 5)], { coupons: [coupon("ten", "percent", "10")] }),
      settings({ calcTaxes: false }),
      [],
      storeLocation,
    );
    expect(usd(totals.discountTotal)).toBe("7.24");
    expect(usd(totals.total)).toBe("65.21");
  });

  it("T2 fixed cart coupon spread per unit then by cents", () => {
    const totals = computeCartTotals(
      cart([line("5.99", 34)], { coupons: [coupon("flat", "fixed_cart", "59.90")] }),
      settings(),
      [taxRate(1, "6.0000")],
      storeLocation,
    );
    expect(usd(totals.discountTotal)).toBe("59.90");
    expect(usd(totals.itemsTotal)).toBe("143.76");
    expect(usd(totals.totalTax)).toBe("8.63");
    expect(usd(totals.total)).toBe("152.39");
  });

  it("T3 inclusive prices total the shelf prices", () => {
    const totals = computeCartTotals(
      cart([line("0.01", 2), line("16.00")]),
      settings({ pricesIncludeTax: true }),
      [taxRate(1, "10.0000")],
      storeLocation,
    );
    expect(totals.lines.map((l) => l.totalTax)).toEqual([0, 145]);
    expect(usd(totals.total)).toBe("16.02");
  });

  it("T4 inclusive 19% tax rounded once", () => {
    const totals = computeCartTotals(
      cart([line("139.95")]),
      settings({ pricesIncludeTax: true }),
      [taxRate(1, "19.0000")],
      storeLocation,
    );
    expect(usd(totals.totalTax)).toBe("22.34");
    expect(usd(totals.itemsTotal)).toBe("117.61");
    expect(usd(totals.total)).toBe("139.95");
  });

  it("T5 inclusive coupon comes off the gross", () => {
    const totals = computeCartTotals(
      cart([line("447.00")], { coupons: [coupon("ten", "percent", "10")] }),
      settings({ pricesIncludeTax: true }),
      [taxRate(1, "21.0000")],
      storeLocation,
    );
    expect(usd(totals.lines[0]?.discount ?? 0)).toBe("44.70");
    expect(usd(totals.totalTax)).toBe("69.82");
    expect(usd(totals.total)).toBe("402.30");
  });

  it("T6 coupon base is the price edited at the till", () => {
    const edited = line("16.00", 1, { regularUnitPrice: parseMoney("18.00", 2), onSale: true });
    const totals = computeCartTotals(
      cart([edited], { coupons: [coupon("ten", "percent", "10")] }),
      settings({ calcTaxes: false }),
      [],
      storeLocation,
    );
    expect(usd(totals.discountTotal)).toBe("1.60");
    expect(usd(totals.lines[0]?.total ?? 0)).toBe("14.40");
    expect(edited.regularUnitPrice).toBe(1800);
  });

  it("T8 exclusive 7.5% tax without float error", () => {
    const rates = [taxRate(1, "7.5000")];
    const exempt = { taxStatus: "none" as const };
    const totals = computeCartTotals(
      cart([line("1.99", 57, exempt), line("4.99", 5, exempt), line("469.00")]),
      settings(),
      rates,
      storeLocation,
    );
    expect(totals.lines.map((l) => usd(l.total))).toEqual(["113.43", "24.95", "469.00"]);
    expect(usd(totals.totalTax)).toBe("35.18");
    expect(usd(totals.total)).toBe("642.56");
  });

  it("T8 tax on the 469.00 line alone totals 504.18", () => {
    const totals = computeCartTotals(
      cart([line("469.00")]),
      settings(),
      [taxRate(1, "7.5000")],
      storeLocation,
    );
    expect(usd(totals.totalTax)).toBe("35.18");
    expect(usd(totals.total)).toBe("504.18");
  });
});

describe("computeCartTotals: fees and shipping", () => {
  it("negative fee is capped at the cart total", () => {
    const totals = computeCartTotals(
      cart([line("10.00")], { fees: [fee("Cart discount", "-25.00")] }),
      settings(),
      [taxRate(1, "10.0000")],
      storeLocation,
    );
    expect(totals.fees[0]?.total).toBe(-1000);
    expect(totals.fees[0]?.totalTax).toBe(-100);
    expect(totals.total).toBe(0);
  });

  it("negative fee tax is split over tax classes by cost", () => {
    const rates = [
      taxRate(1, "20.0000"),
      taxRate(2, "5.0000", { taxClass: "reduced-rate", priority: 1 }),
    ];
    const totals = computeCartTotals(
      cart([line("30.00"), line("10.00", 1, { taxClass: "reduced-rate" })], {
        fees: [fee("Cart discount", "-4.00", { taxable: false })],
      }),
      settings(),
      rates,
      storeLocation,
    );
    // 3/4 of -4.00 at 20% and 1/4 at 5%.
    expect(totals.fees[0]?.taxes).toEqual([
      { rateId: 1, subtotal: -60, total: -60 },
      { rateId: 2, subtotal: -5, total: -5 },
    ]);
    expect(usd(totals.total)).toBe("41.85");
  });

  it("shipping is taxed with the standard class and listed per rate", () => {
    const totals = computeCartTotals(
      cart([line("10.00")], {
        shipping: [
          {
            key: "ship",
            methodId: "flat_rate",
            methodTitle: "Flat",
            total: 500 as never,
            taxable: true,
          },
        ],
      }),
      settings(),
      [taxRate(1, "10.0000")],
      storeLocation,
    );
    expect(totals.shippingTax).toBe(50);
    expect(totals.taxLines).toEqual([
      {
        rateId: 1,
        label: "Tax 10.0000%",
        compound: false,
        ratePercent: 10,
        taxTotal: 100,
        shippingTaxTotal: 50,
      },
    ]);
    expect(totals.total).toBe(1650);
  });

  it("compound rate applies on top of the regular rate", () => {
    const rates = [taxRate(1, "5.0000"), taxRate(2, "10.0000", { compound: true, priority: 2 })];
    const totals = computeCartTotals(cart([line("100.00")]), settings(), rates, storeLocation);
    expect(totals.lines[0]?.taxes.map((t) => t.total)).toEqual([500, 1050]);
    expect(totals.total).toBe(11550);
  });
});

describe("computeCartTotals: rounding at subtotal", () => {
  it("tax lines add up to the rounded total tax", () => {
    const totals = computeCartTotals(
      cart([line("57.14")], {
        shipping: [
          {
            key: "ship",
            methodId: "flat_rate",
            methodTitle: "Flat",
            total: 500 as never,
            taxable: true,
          },
        ],
      }),
      settings({ roundTaxAtSubtotal: true }),
      [taxRate(1, "7.5000")],
      storeLocation,
    );
    // 4.2855 + 0.375 = 4.6605: the parts round to 4.29 and 0.38 but the total tax to 4.66.
    expect(totals.totalTax).toBe(466);
    expect(totals.shippingTax).toBe(38);
    expect(totals.cartTax).toBe(428);
    expect(totals.taxLines[0]?.taxTotal).toBe(428);
    expect(totals.total).toBe(6680);
  });

  it.each([
    ["zero-price line", [line("0.00", 3)], [], 0],
    ["full percent coupon", [line("9.99", 2)], [coupon("all", "percent", "100")], 0],
    ["coupon above the cart", [line("5.00")], [coupon("big", "fixed_cart", "50.00")], 0],
    [
      "fixed product on each unit",
      [line("5.00", 3)],
      [coupon("one", "fixed_product", "1.00")],
      1320,
    ],
  ])("%s totals %i", (_name, lines, coupons, expected) => {
    const totals = computeCartTotals(
      cart(lines, { coupons }),
      settings(),
      [taxRate(1, "10.0000")],
      storeLocation,
    );
    expect(totals.total).toBe(expected);
  });
});
