import type { TaxStatus } from "../catalog.js";
import type { Fraction } from "./fraction.js";
import type { RateAmount } from "./tax-calculation.js";

/** A line's unrounded ex-tax values and taxes, in minor units. */
export interface ComputedLine {
  key: string;
  taxStatus: TaxStatus;
  taxClass: string;
  subtotal: Fraction;
  subtotalTaxes: RateAmount[];
  total: Fraction;
  taxes: RateAmount[];
  /** Coupon discount as the store enters prices (with tax when prices include it). */
  discount: Fraction;
}

export interface ComputedFee {
  key: string;
  name: string;
  taxable: boolean;
  taxClass: string;
  total: Fraction;
  taxes: RateAmount[];
}

export interface ComputedShipping {
  key: string;
  taxable: boolean;
  total: Fraction;
  taxes: RateAmount[];
}
