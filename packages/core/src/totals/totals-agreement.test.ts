import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Coupon, TaxRate } from "../catalog.js";
import { toMoney } from "../money.js";
import { cartToRestLines } from "./cart-to-rest-lines.js";
import type { CartInput, CartLineInput, FeeInput, ShippingInput } from "./cart-input.js";
import { computeCartTotals } from "./compute-cart-totals.js";
import { computeRestOrderTotals } from "./compute-rest-order-totals.js";
import { sortCouponsForCart } from "./coupon-amount.js";
import type { OrderTotals } from "./order-totals.js";
import type { RestOrderInput } from "./rest-order-input.js";
import { coupon, settings, storeLocation, taxRate } from "./test-carts.js";
import type { TotalsSettings } from "./totals-settings.js";

const ratePercents = ["20.0000", "10.0000", "7.2500", "5.0000", "19.0000", "21.0000", "7.5000"];

const settingsArbitrary: fc.Arbitrary<TotalsSettings> = fc
  .record({
    decimals: fc.constantFrom(0, 2, 3),
    pricesIncludeTax: fc.boolean(),
    roundTaxAtSubtotal: fc.boolean(),
    calcTaxes: fc.constantFrom(true, true, true, false),
    couponsSequential: fc.boolean(),
  })
  .map((value) => settings(value));

const ratesArbitrary: fc.Arbitrary<TaxRate[]> = fc
  .tuple(
    fc.constantFrom(...ratePercents),
    fc.option(fc.constantFrom("2.0000", "8.5000"), { nil: undefined }),
    fc.option(fc.constantFrom(...ratePercents), { nil: undefined }),
  )
  .map(([standard, compound, reduced]) => {
    const rates = [taxRate(1, standard)];
    if (compound !== undefined) rates.push(taxRate(2, compound, { compound: true, priority: 2 }));
    if (reduced !== undefined) rates.push(taxRate(3, reduced, { taxClass: "reduced-rate" }));
    return rates;
  });

const lineArbitrary = (index: number): fc.Arbitrary<CartLineInput> =>
  fc
    .record({
      unitPrice: fc.integer({ min: 0, max: 60_000 }),
      quantity: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 })),
      taxStatus: fc.constantFrom("taxable", "taxable", "none" as const),
      taxClass: fc.constantFrom("", "", "reduced-rate"),
      categoryId: fc.constantFrom(1, 2),
      onSale: fc.boolean(),
    })
    .map((value) => ({
      key: `line-${index}`,
      productId: 10 + index,
      variationId: 0,
      quantity: value.quantity,
      unitPrice: toMoney(value.unitPrice),
      regularUnitPrice: toMoney(value.unitPrice),
      onSale: value.onSale,
      taxStatus: value.taxStatus,
      taxClass: value.taxClass,
      categoryIds: [value.categoryId],
    }));

const couponArbitrary = (index: number): fc.Arbitrary<Coupon> =>
  fc.oneof(
    fc
      .constantFrom("5", "10", "12.5", "33", "100")
      .map((amount) => coupon(`pct${index}`, "percent", amount, { id: index + 1 })),
    fc
      .integer({ min: 1, max: 20_000 })
      .map((amount) => coupon(`cart${index}`, "fixed_cart", String(amount), { id: index + 1 })),
    fc.tuple(fc.integer({ min: 1, max: 900 }), fc.constantFrom(0, 1, 2)).map(([amount, category]) =>
      coupon(`item${index}`, "fixed_product", String(amount), {
        id: index + 1,
        productCategories: category === 0 ? [] : [category],
      }),
    ),
  );

const feeArbitrary = (index: number): fc.Arbitrary<FeeInput> =>
  fc
    .record({ amount: fc.integer({ min: -30_000, max: 3_000 }), taxable: fc.boolean() })
    .map(({ amount, taxable }) => ({
      key: `fee-${index}`,
      name: amount < 0 ? "Cart discount" : "Service",
      amount: toMoney(amount),
      taxable,
      taxClass: "",
    }));

const shippingArbitrary: fc.Arbitrary<ShippingInput[]> = fc
  .option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined })
  .map((total) =>
    total === undefined
      ? []
      : [
          {
            key: "ship",
            methodId: "flat_rate",
            methodTitle: "Flat rate",
            total: toMoney(total),
            taxable: true,
          },
        ],
  );

const cartArbitrary: fc.Arbitrary<CartInput> = fc
  .record({
    lineCount: fc.integer({ min: 1, max: 5 }),
    couponCount: fc.integer({ min: 0, max: 2 }),
    feeCount: fc.integer({ min: 0, max: 2 }),
  })
  .chain(({ lineCount, couponCount, feeCount }) =>
    fc.record({
      lines: fc.tuple(...Array.from({ length: lineCount }, (_, i) => lineArbitrary(i))),
      coupons:
        couponCount === 0
          ? fc.constant([])
          : fc.tuple(...Array.from({ length: couponCount }, (_, i) => couponArbitrary(i))),
      fees:
        feeCount === 0
          ? fc.constant([])
          : fc.tuple(...Array.from({ length: feeCount }, (_, i) => feeArbitrary(i))),
      shipping: shippingArbitrary,
    }),
  );

function restOrderFor(cart: CartInput, totals: OrderTotals): RestOrderInput {
  const values = cartToRestLines(cart, totals);
  return {
    lines: cart.lines.map((line, index) => ({
      ...line,
      price: line.unitPrice,
      subtotal: values[index]?.subtotal,
      total: values[index]?.total,
    })),
    fees: cart.fees,
    shipping: cart.shipping,
    coupons: sortCouponsForCart(cart.coupons),
  };
}

function summary(totals: OrderTotals): unknown {
  return {
    total: totals.total,
    totalTax: totals.totalTax,
    cartTax: totals.cartTax,
    shippingTax: totals.shippingTax,
    itemsTotal: totals.itemsTotal,
    feeTotal: totals.feeTotal,
    lines: totals.lines.map((line) => [line.key, line.total, line.totalTax]),
    taxLines: totals.taxLines.map((line) => [line.rateId, line.taxTotal, line.shippingTaxTotal]),
  };
}

const sumOf = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);

describe("cart totals properties", () => {
  it("add up, tax lines included, and never go below zero", () => {
    fc.assert(
      fc.property(settingsArbitrary, ratesArbitrary, cartArbitrary, (store, rates, cart) => {
        const totals = computeCartTotals(cart, store, rates, storeLocation);
        const parts = totals.itemsTotal + totals.feeTotal + totals.shippingTotal + totals.totalTax;

        expect(totals.total).toBeGreaterThanOrEqual(0);
        if (parts >= 0) expect(totals.total).toBe(parts);
        expect(totals.cartTax + totals.shippingTax).toBe(totals.totalTax);
        expect(sumOf(totals.taxLines.map((line) => line.taxTotal))).toBe(totals.cartTax);
        expect(sumOf(totals.taxLines.map((line) => line.shippingTaxTotal))).toBe(
          totals.shippingTax,
        );
        if (!store.roundTaxAtSubtotal) {
          expect(sumOf(totals.lines.map((line) => line.total))).toBe(totals.itemsTotal);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("cart and REST order totals", () => {
  it("agree to the minor unit on random carts", () => {
    fc.assert(
      fc.property(settingsArbitrary, ratesArbitrary, cartArbitrary, (store, rates, cart) => {
        const totals = computeCartTotals(cart, store, rates, storeLocation);
        const rest = computeRestOrderTotals(
          restOrderFor(cart, totals),
          store,
          rates,
          storeLocation,
        );
        expect(summary(rest)).toEqual(summary(totals));
      }),
      { numRuns: 10_000 },
    );
  });
});
