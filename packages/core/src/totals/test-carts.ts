// Builders for totals tests: small carts, rates and coupons with every field filled in.
import type { Coupon, TaxRate } from "../catalog.js";
import { parseMoney } from "../money.js";
import type { TaxLocation } from "../tax-location.js";
import type { CartInput, CartLineInput, FeeInput } from "./cart-input.js";
import type { RestLineInput } from "./rest-order-input.js";
import type { TotalsSettings } from "./totals-settings.js";

export const storeLocation: TaxLocation = {
  country: "US",
  state: "CA",
  postcode: "90001",
  city: "Sampleton",
};

export function settings(overrides: Partial<TotalsSettings> = {}): TotalsSettings {
  return {
    decimals: 2,
    pricesIncludeTax: false,
    roundTaxAtSubtotal: false,
    calcTaxes: true,
    couponsSequential: false,
    ...overrides,
  };
}

export function taxRate(id: number, percent: string, overrides: Partial<TaxRate> = {}): TaxRate {
  return {
    id,
    country: "",
    state: "",
    postcodes: [],
    cities: [],
    rate: percent,
    name: `Tax ${percent}%`,
    priority: id,
    compound: false,
    shipping: true,
    order: 0,
    taxClass: "standard",
    ...overrides,
  };
}

let lineCounter = 0;

export function line(
  unitPrice: string,
  quantity = 1,
  overrides: Partial<CartLineInput> = {},
  decimals = 2,
): CartLineInput {
  lineCounter += 1;
  const price = parseMoney(unitPrice, decimals);
  return {
    key: `line-${lineCounter}`,
    productId: 100 + lineCounter,
    variationId: 0,
    quantity,
    unitPrice: price,
    regularUnitPrice: price,
    onSale: false,
    taxStatus: "taxable",
    taxClass: "",
    categoryIds: [],
    ...overrides,
  };
}

export function coupon(
  code: string,
  discountType: Coupon["discountType"],
  amount: string,
  overrides: Partial<Coupon> = {},
): Coupon {
  return {
    id: code.length,
    code,
    discountType,
    amount,
    dateExpiresGmt: null,
    usageCount: 0,
    usageLimit: null,
    usageLimitPerUser: null,
    limitUsageToXItems: null,
    individualUse: false,
    productIds: [],
    excludedProductIds: [],
    productCategories: [],
    excludedProductCategories: [],
    excludeSaleItems: false,
    minimumAmount: "0.00",
    maximumAmount: "0.00",
    emailRestrictions: [],
    usedBy: [],
    freeShipping: false,
    dateModifiedGmt: "2026-01-01T00:00:00",
    ...overrides,
  };
}

export function fee(key: string, amount: string, overrides: Partial<FeeInput> = {}): FeeInput {
  return {
    key,
    name: key,
    amount: parseMoney(amount, 2),
    taxable: true,
    taxClass: "",
    ...overrides,
  };
}

export function cart(lines: CartLineInput[], extra: Partial<CartInput> = {}): CartInput {
  return { lines, fees: [], shipping: [], coupons: [], ...extra };
}

/** Builds a REST line item for a product sold at `price`, without explicit subtotal or total. */
export function restLine(
  key: string,
  price: string,
  quantity = 1,
  overrides: Partial<RestLineInput> = {},
  decimals = 2,
): RestLineInput {
  return {
    key,
    productId: 1,
    variationId: 0,
    quantity,
    price: parseMoney(price, decimals),
    taxStatus: "taxable",
    taxClass: "",
    categoryIds: [],
    onSale: false,
    ...overrides,
  };
}
