import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { applyLineDiscountPercent, cartDiscountFee } from "./cart-discounts.js";
import { computeCartTotals } from "./compute-cart-totals.js";
import { cart, coupon, line, settings, storeLocation, taxRate } from "./test-carts.js";

describe("applyLineDiscountPercent", () => {
  it.each([
    [1800, 10, 1620],
    [1449, 10, 1304],
    [1445, 10, 1301],
    [999, 0, 999],
    [999, 100, 0],
    [1999, 12.5, 1749],
  ])("unit price %i less %s percent is %i", (price, percent, expected) => {
    expect(applyLineDiscountPercent(toMoney(price), percent, 2)).toBe(expected);
  });

  it("rejects a percentage above 100", () => {
    expect(() => applyLineDiscountPercent(toMoney(100), 120, 2)).toThrow(/120/);
  });

  it("edited price is the coupon base", () => {
    const price = applyLineDiscountPercent(toMoney(1800), 10, 2);
    const totals = computeCartTotals(
      cart([line("0", 1, { unitPrice: price, regularUnitPrice: toMoney(1800), onSale: true })], {
        coupons: [coupon("ten", "percent", "10")],
      }),
      settings({ calcTaxes: false }),
      [],
      storeLocation,
    );
    expect(totals.total).toBe(1458);
  });
});

describe("cartDiscountFee", () => {
  it("percent comes off the ex-tax total", () => {
    const fee = cartDiscountFee(
      { kind: "percent", percent: 10 },
      { itemsTotal: toMoney(2005), itemsTax: toMoney(401), pricesIncludeTax: false },
    );
    expect(fee).toEqual({
      key: "cart-discount",
      name: "Cart discount",
      amount: -200,
      taxable: false,
      taxClass: "",
    });
  });

  it("gross amount saves that gross with inclusive prices", () => {
    const rates = [taxRate(1, "20.0000")];
    const store = settings({ pricesIncludeTax: true });
    const before = computeCartTotals(cart([line("12.00")]), store, rates, storeLocation);
    const fee = cartDiscountFee(
      { kind: "amount", amount: toMoney(300) },
      { itemsTotal: before.itemsTotal, itemsTax: before.cartTax, pricesIncludeTax: true },
    );
    const after = computeCartTotals(
      cart([line("12.00")], { fees: [fee] }),
      store,
      rates,
      storeLocation,
    );
    expect(fee.amount).toBe(-250);
    expect(after.total).toBe(900);
  });
});
