import type { Coupon } from "../catalog.js";
import { couponFixedAmount, couponPercent } from "./coupon-amount.js";
import { couponAppliesToLine } from "../coupons/coupon-applies-to-line.js";
import type { CouponLine } from "../coupons/coupon-applies-to-line.js";
import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";

/** A line as the discount rules see it: `price` is the line price in minor units. */
export interface DiscountItem extends CouponLine {
  key: string;
  quantity: number;
  price: Fraction;
}

export interface DiscountOptions {
  sequential: boolean;
  decimals: number;
}

/** Discount of each coupon on each line, in minor units as the store enters prices. */
export interface CouponDiscounts {
  byItem: Map<string, Fraction>;
  byCoupon: Map<string, Map<string, Fraction>>;
}

/**
 * Applies coupons in the given order as WooCommerce's `WC_Discounts` does
 * (class-wc-discounts.php). Lines are visited largest `price × quantity` first; percentages are
 * floored per line and the shortfall against the whole base (rounded half down) goes out one
 * minor unit at a time; fixed cart amounts are shared per unit, repeated, then one unit at a time.
 */
export function applyCoupons(
  items: readonly DiscountItem[],
  coupons: readonly Coupon[],
  options: DiscountOptions,
): CouponDiscounts {
  const engine = new DiscountEngine(items, options);
  for (const coupon of coupons) engine.apply(coupon);
  return engine.result();
}

class DiscountEngine {
  private readonly items: DiscountItem[];
  private readonly discounts = new Map<string, Map<string, Fraction>>();

  constructor(
    items: readonly DiscountItem[],
    private readonly options: DiscountOptions,
  ) {
    // Array.prototype.sort is stable, as PHP 8's uasort is, so ties keep the cart's order.
    this.items = [...items].sort((a, b) => F.compare(sortWeight(b), sortWeight(a)));
  }

  apply(coupon: Coupon): void {
    if (!this.discounts.has(coupon.code)) {
      this.discounts.set(coupon.code, new Map(this.items.map((item) => [item.key, F.zero])));
    }
    const targets = this.items.filter(
      (item) =>
        this.discountedPrice(item) !== 0n &&
        item.quantity > 0 &&
        (coupon.discountType === "fixed_cart" || couponAppliesToLine(coupon, item)),
    );

    if (coupon.discountType === "percent") this.applyPercent(coupon, targets);
    else if (coupon.discountType === "fixed_product") this.applyFixedProduct(coupon, targets, 0n);
    else this.applyFixedCart(coupon, targets, 0n);
  }

  result(): CouponDiscounts {
    const byItem = new Map<string, Fraction>(this.items.map((item) => [item.key, F.zero]));
    for (const perItem of this.discounts.values()) {
      for (const [key, amount] of perItem)
        byItem.set(key, F.add(byItem.get(key) ?? F.zero, amount));
    }
    return { byItem, byCoupon: this.discounts };
  }

  private applyPercent(coupon: Coupon, targets: readonly DiscountItem[]): void {
    const percent = couponPercent(coupon);
    const limit = coupon.limitUsageToXItems ?? 0;
    let totalDiscount = 0n;
    let base = F.zero;
    let applied = 0;

    for (const item of targets) {
      const discountedPrice = this.discountedPrice(item);
      const price = this.options.sequential
        ? discountedPrice
        : F.roundToInteger(item.price, "half-up");
      const quantity = applyQuantity(limit, applied, item.quantity);
      const priceToDiscount = F.fraction(price * BigInt(quantity), BigInt(item.quantity));

      const floored = F.roundToInteger(F.multiply(priceToDiscount, percent), "floor");
      const discount = floored < discountedPrice ? floored : discountedPrice;
      base = F.add(base, priceToDiscount);
      totalDiscount += discount;
      applied += quantity;
      this.record(coupon, item, F.fromInteger(discount));
    }

    const target = F.roundToInteger(F.multiply(base, percent), "half-down");
    if (totalDiscount < target) this.applyRemainder(coupon, targets, target - totalDiscount);
  }

  private applyFixedProduct(
    coupon: Coupon,
    targets: readonly DiscountItem[],
    amount: bigint,
  ): bigint {
    const unitAmount = F.fromInteger(
      amount !== 0n ? amount : couponFixedAmount(coupon, this.options.decimals),
    );
    const limit = coupon.limitUsageToXItems ?? 0;
    let totalDiscount = F.zero;
    let applied = 0;

    for (const item of targets) {
      const discountedPrice = F.fromInteger(this.discountedPrice(item));
      let discount: Fraction;
      let quantity = item.quantity;
      if (limit > 0) {
        quantity = applyQuantity(limit, applied, item.quantity);
        const unitPrice = F.divide(item.price, F.fromInteger(item.quantity));
        discount = F.multiply(F.min(unitAmount, unitPrice), F.fromInteger(quantity));
      } else {
        discount = F.multiply(unitAmount, F.fromInteger(quantity));
      }

      discount = F.min(discountedPrice, discount);
      totalDiscount = F.add(totalDiscount, discount);
      applied += quantity;
      this.record(coupon, item, discount);
    }
    return F.roundToInteger(totalDiscount, "floor");
  }

  private applyFixedCart(coupon: Coupon, targets: readonly DiscountItem[], amount: bigint): bigint {
    const remaining = amount !== 0n ? amount : couponFixedAmount(coupon, this.options.decimals);
    const priced = targets.filter((item) => this.discountedPrice(item) > 0n);
    const units = BigInt(priced.reduce((total, item) => total + item.quantity, 0));
    if (units === 0n || remaining === 0n) return 0n;

    const perUnit = remaining / units;
    if (perUnit > 0n) {
      let totalDiscount = this.applyFixedProduct(coupon, priced, perUnit);
      if (totalDiscount > 0n && totalDiscount < remaining) {
        totalDiscount += this.applyFixedCart(coupon, priced, remaining - totalDiscount);
      }
      return totalDiscount;
    }
    return this.applyRemainder(coupon, priced, remaining);
  }

  /** Gives one minor unit per unit of quantity, largest line first, until `amount` is reached. */
  private applyRemainder(coupon: Coupon, targets: readonly DiscountItem[], amount: bigint): bigint {
    let totalDiscount = 0n;
    for (const item of targets) {
      for (let unit = 0; unit < item.quantity; unit++) {
        const discount = this.discountedPrice(item) > 0n ? 1n : 0n;
        totalDiscount += discount;
        this.record(coupon, item, F.fromInteger(discount));
        if (totalDiscount >= amount) return totalDiscount;
      }
    }
    return totalDiscount;
  }

  private record(coupon: Coupon, item: DiscountItem, amount: Fraction): void {
    const perItem = this.discounts.get(coupon.code);
    if (perItem === undefined) return;
    perItem.set(item.key, F.add(perItem.get(item.key) ?? F.zero, amount));
  }

  private discountOf(item: DiscountItem): Fraction {
    let total = F.zero;
    for (const perItem of this.discounts.values())
      total = F.add(total, perItem.get(item.key) ?? F.zero);
    return total;
  }

  /** WooCommerce's `get_discounted_price_in_cents`: |round(price − discount)|. */
  private discountedPrice(item: DiscountItem): bigint {
    const rounded = F.roundToInteger(F.subtract(item.price, this.discountOf(item)), "half-up");
    return rounded < 0n ? -rounded : rounded;
  }
}

function sortWeight(item: DiscountItem): Fraction {
  return F.multiply(item.price, F.fromInteger(item.quantity));
}

function applyQuantity(limit: number, applied: number, quantity: number): number {
  const remaining = limit - applied;
  return Math.max(0, limit > 0 && remaining < quantity ? remaining : quantity);
}
