import {
  applyLineDiscountPercent,
  cartDiscountFee,
  computeCartTotals,
  sortCouponsForCart,
  toMoney,
  type CartInput,
  type Coupon,
  type CartLineInput,
  type FeeInput,
  type OrderTotals,
  type TaxLocation,
  type TaxRate,
  type TotalsSettings,
} from "@pos/core";
import type { PosStore } from "@pos/woo";
import type { CartAdjustment, CartLine, StoredOrder } from "../db/stored-order.js";
import { totalStoreRecordedOrder } from "../outbox/store-recorded-order.js";

export interface TotalsContext {
  store: PosStore;
  taxRates: readonly TaxRate[];
  /** The synced records of the order's coupons; a code without a record adds no discount. */
  coupons?: readonly Coupon[];
}

export interface CartTotals {
  input: CartInput;
  totals: OrderTotals;
}

/**
 * Totals an order with core's WooCommerce rules, taxed at the store's base address as for a
 * counter sale. The cart discount or fee is a fee line, as WooCommerce records it. A sale the
 * store recorded without its rejected coupons is totalled from the amounts the store recorded.
 */
export function totalOrder(order: StoredOrder, context: TotalsContext): CartTotals {
  const settings = totalsSettings(context.store);
  const location = storeLocation(context.store);
  const lines = order.lines.map((line) => lineInput(line, settings.decimals));
  const coupons = orderCoupons(order, context.coupons ?? []);
  const withoutFees: CartInput = { lines, fees: [], shipping: [], coupons };
  if (order.storeRecorded) {
    const tax = { settings, taxRates: context.taxRates, location };
    return { input: withoutFees, totals: totalStoreRecordedOrder(order, order.storeRecorded, tax) };
  }
  const base = computeCartTotals(withoutFees, settings, context.taxRates, location);

  const fee = order.adjustment && adjustmentFee(order.adjustment, base, settings.pricesIncludeTax);
  if (!fee) return { input: withoutFees, totals: base };

  const input: CartInput = { ...withoutFees, fees: [fee] };
  return { input, totals: computeCartTotals(input, settings, context.taxRates, location) };
}

/** Returns the order's coupons that have a synced record, in the order WooCommerce applies them. */
function orderCoupons(order: StoredOrder, records: readonly Coupon[]): Coupon[] {
  const codes = new Set(order.coupons.map((coupon) => coupon.code));
  return sortCouponsForCart(records.filter((record) => codes.has(record.code)));
}

/** Returns the unit price the line sells at: the cashier's price or the catalogue's, less its discount. */
export function lineUnitPrice(line: CartLine, decimals: number) {
  const price = toMoney(line.priceOverrideMinor ?? line.catalogPriceMinor);
  if (line.discountBasisPoints === 0) return price;
  return applyLineDiscountPercent(price, line.discountBasisPoints / 100, decimals);
}

function lineInput(line: CartLine, decimals: number): CartLineInput {
  return {
    key: line.lineId,
    productId: line.productId,
    variationId: line.variationId ?? 0,
    quantity: line.quantity,
    unitPrice: lineUnitPrice(line, decimals),
    regularUnitPrice: toMoney(line.catalogPriceMinor),
    onSale: line.onSale || line.priceOverrideMinor !== null || line.discountBasisPoints > 0,
    taxStatus: line.taxStatus,
    taxClass: line.taxClass,
    categoryIds: line.categoryIds,
  };
}

function adjustmentFee(
  adjustment: CartAdjustment,
  totals: OrderTotals,
  pricesIncludeTax: boolean,
): FeeInput | null {
  if (adjustment.value === 0) return null;
  if (adjustment.kind === "fee") {
    const amount = toMoney(adjustment.value);
    return { key: "fee", name: "Fee", amount, taxable: false, taxClass: "" };
  }
  const discount =
    adjustment.basis === "amount"
      ? { kind: "amount" as const, amount: toMoney(adjustment.value) }
      : { kind: "percent" as const, percent: adjustment.value / 100 };
  // The totals were worked out without fees, so the cart tax is the tax on the lines alone.
  const base = { itemsTotal: totals.itemsTotal, itemsTax: totals.cartTax, pricesIncludeTax };
  return cartDiscountFee(discount, base);
}

export function totalsSettings(store: PosStore): TotalsSettings {
  return {
    decimals: store.decimals,
    pricesIncludeTax: store.prices_include_tax,
    roundTaxAtSubtotal: store.tax_round_at_subtotal,
    calcTaxes: store.calc_taxes,
    couponsSequential: store.coupons_sequential,
  };
}

/** Returns the store's base address, where counter sales are taxed. */
export function storeLocation(store: PosStore): TaxLocation {
  const { country, state, postcode, city } = store.address;
  return { country, state, postcode, city };
}
