import type { Coupon } from "../catalog.js";
import { formatMoney, parseScaledDecimal } from "../money.js";
import type { Money } from "../money.js";
import { couponAppliesToLine } from "./coupon-applies-to-line.js";
import type { CouponLine } from "./coupon-applies-to-line.js";
import { emailAllowed } from "./email-allowed.js";

export interface CouponContext {
  now: Date;
  decimals: number;
  lines: readonly CouponLine[];
  /** The cart subtotal that minimum and maximum spend compare against, as the cart shows it. */
  subtotal: Money;
  /** Coupons already applied to the cart. */
  appliedCoupons: readonly Coupon[];
  /** Billing email of the customer; "" for a guest without one. */
  billingEmail: string;
  /** 0 for a guest. */
  customerId: number;
}

/**
 * Why a coupon was rejected. `errorCode` is WooCommerce's `WC_Coupon` error number; `code` is
 * the error code that WooCommerce's REST API returns.
 */
export type CouponRejection =
  | "not-found"
  | "not-yours"
  | "already-applied"
  | "individual-use-only"
  | "usage-limit-reached"
  | "expired"
  | "minimum-spend"
  | "not-applicable"
  | "sale-items"
  | "maximum-spend"
  | "excluded-products"
  | "excluded-categories";

export type CouponValidation =
  | { ok: true; replacesCoupons: string[] }
  | {
      ok: false;
      code: "woocommerce_rest_invalid_coupon";
      errorCode: number;
      reason: CouponRejection;
      message: string;
    };

const errorCodes: Record<CouponRejection, number> = {
  "not-yours": 102,
  "already-applied": 103,
  "individual-use-only": 104,
  "not-found": 105,
  "usage-limit-reached": 106,
  expired: 107,
  "minimum-spend": 108,
  "not-applicable": 109,
  "sale-items": 110,
  "maximum-spend": 112,
  "excluded-products": 113,
  "excluded-categories": 114,
};

export function rejectCoupon(reason: CouponRejection, message: string): CouponValidation {
  return {
    ok: false,
    code: "woocommerce_rest_invalid_coupon",
    errorCode: errorCodes[reason],
    reason,
    message,
  };
}

/** Builds the rejection for a code that names no coupon. */
export function couponNotFound(code: string): CouponValidation {
  return rejectCoupon("not-found", `coupon "${code}" does not exist: check the code`);
}

/**
 * Checks a coupon against a cart in the order of WooCommerce's `WC_Discounts::is_coupon_valid`
 * (class-wc-discounts.php), after `WC_Cart::apply_coupon`'s already-applied check, and then the
 * individual-use and allowed-email rules of `WC_Cart`. A valid individual-use coupon replaces the
 * coupons already applied; `replacesCoupons` lists their codes.
 */
export function validateCoupon(coupon: Coupon, context: CouponContext): CouponValidation {
  const checks = [
    checkAlreadyApplied,
    checkUsageLimit,
    checkUserUsageLimit,
    checkExpiry,
    checkMinimumSpend,
    checkMaximumSpend,
    checkProductIds,
    checkProductCategories,
    checkExcludedItems,
    checkEligibleItems,
    checkIndividualUse,
    checkEmail,
  ];
  for (const check of checks) {
    const rejection = check(coupon, context);
    if (rejection !== undefined) return rejection;
  }
  const replaced = coupon.individualUse
    ? context.appliedCoupons.map((applied) => applied.code)
    : [];
  return { ok: true, replacesCoupons: replaced };
}

type Check = (coupon: Coupon, context: CouponContext) => CouponValidation | undefined;

const sameCode = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const checkAlreadyApplied: Check = (coupon, context) => {
  if (!context.appliedCoupons.some((applied) => sameCode(applied.code, coupon.code))) return;
  return rejectCoupon("already-applied", `coupon "${coupon.code}" is already applied`);
};

const checkUsageLimit: Check = (coupon) => {
  const limit = coupon.usageLimit ?? 0;
  if (limit <= 0 || coupon.usageCount < limit) return;
  return rejectCoupon(
    "usage-limit-reached",
    `coupon "${coupon.code}" has reached its usage limit of ${limit} uses`,
  );
};

const checkUserUsageLimit: Check = (coupon, context) => {
  const limit = coupon.usageLimitPerUser ?? 0;
  if (limit <= 0) return;
  const email = context.billingEmail.trim().toLowerCase();
  const uses = coupon.usedBy.filter(
    (user) =>
      (context.customerId > 0 && user === String(context.customerId)) ||
      (email !== "" && user.toLowerCase() === email),
  ).length;
  if (uses < limit) return;
  return rejectCoupon(
    "usage-limit-reached",
    `coupon "${coupon.code}" has reached its limit of ${limit} uses per customer`,
  );
};

const checkExpiry: Check = (coupon, context) => {
  if (coupon.dateExpiresGmt === null || coupon.dateExpiresGmt === "") return;
  const expiresMs = Date.parse(`${coupon.dateExpiresGmt.replace(/Z$/, "")}Z`);
  if (Number.isNaN(expiresMs)) {
    return rejectCoupon(
      "expired",
      `coupon "${coupon.code}" has an unreadable expiry date "${coupon.dateExpiresGmt}"`,
    );
  }
  if (context.now.getTime() <= expiresMs) return;
  const day = new Date(expiresMs).toISOString().slice(0, 10);
  return rejectCoupon("expired", `coupon "${coupon.code}" expired on ${day}`);
};

const checkMinimumSpend: Check = (coupon, context) => {
  const minimum = spendLimit(coupon.minimumAmount, context.decimals);
  if (minimum === undefined || minimum <= BigInt(context.subtotal)) return;
  return rejectCoupon(
    "minimum-spend",
    `coupon "${coupon.code}" needs a minimum spend of ${format(minimum, context)}; ` +
      `the cart subtotal is ${formatMoney(context.subtotal, context.decimals)}`,
  );
};

const checkMaximumSpend: Check = (coupon, context) => {
  const maximum = spendLimit(coupon.maximumAmount, context.decimals);
  if (maximum === undefined || maximum >= BigInt(context.subtotal)) return;
  return rejectCoupon(
    "maximum-spend",
    `coupon "${coupon.code}" allows a maximum spend of ${format(maximum, context)}; ` +
      `the cart subtotal is ${formatMoney(context.subtotal, context.decimals)}`,
  );
};

const checkProductIds: Check = (coupon, context) => {
  if (coupon.productIds.length === 0) return;
  const found = context.lines.some((line) =>
    [line.productId, line.variationId].some((id) => id !== 0 && coupon.productIds.includes(id)),
  );
  if (found) return;
  return notApplicable(coupon);
};

const checkProductCategories: Check = (coupon, context) => {
  if (coupon.productCategories.length === 0) return;
  const found = context.lines.some(
    (line) =>
      !(coupon.excludeSaleItems && line.onSale) &&
      line.categoryIds.some((id) => coupon.productCategories.includes(id)),
  );
  if (found) return;
  return notApplicable(coupon);
};

/** Requires a product coupon to discount at least one line. */
const checkExcludedItems: Check = (coupon, context) => {
  if (coupon.discountType === "fixed_cart" || context.lines.length === 0) return;
  if (context.lines.some((line) => couponAppliesToLine(coupon, line))) return;
  return notApplicable(coupon);
};

/** Rejects a cart coupon outright when the cart has a sale item or an excluded product. */
const checkEligibleItems: Check = (coupon, context) => {
  if (coupon.discountType !== "fixed_cart") return;
  if (coupon.excludeSaleItems && context.lines.some((line) => line.onSale)) {
    return rejectCoupon("sale-items", `coupon "${coupon.code}" is not valid for sale items`);
  }

  const excludedIds = context.lines
    .flatMap((line) => [line.productId, line.variationId])
    .filter((id) => id !== 0 && coupon.excludedProductIds.includes(id));
  if (excludedIds.length > 0) {
    return rejectCoupon(
      "excluded-products",
      `coupon "${coupon.code}" cannot be used with products ${unique(excludedIds)} in the cart`,
    );
  }

  const excludedCategories = context.lines
    .flatMap((line) => line.categoryIds)
    .filter((id) => coupon.excludedProductCategories.includes(id));
  if (excludedCategories.length === 0) return;
  return rejectCoupon(
    "excluded-categories",
    `coupon "${coupon.code}" cannot be used with categories ${unique(excludedCategories)} in the cart`,
  );
};

const checkIndividualUse: Check = (coupon, context) => {
  const exclusive = context.appliedCoupons.find((applied) => applied.individualUse);
  if (exclusive === undefined) return;
  return rejectCoupon(
    "individual-use-only",
    `coupon "${coupon.code}" cannot be added: coupon "${exclusive.code}" is for individual use ` +
      `only; remove it first`,
  );
};

const checkEmail: Check = (coupon, context) => {
  if (coupon.emailRestrictions.length === 0) return;
  if (emailAllowed(context.billingEmail, coupon.emailRestrictions)) return;
  const customer =
    context.billingEmail.trim() === "" ? "a customer without an email" : context.billingEmail;
  return rejectCoupon(
    "not-yours",
    `coupon "${coupon.code}" is restricted to other email addresses than ${customer}`,
  );
};

function notApplicable(coupon: Coupon): CouponValidation {
  return rejectCoupon(
    "not-applicable",
    `coupon "${coupon.code}" does not apply to any product in the cart`,
  );
}

/** Parses a minimum or maximum spend. WooCommerce treats empty, zero and negative as no limit. */
function spendLimit(text: string, decimals: number): bigint | undefined {
  if (text.trim() === "") return undefined;
  const value = parseScaledDecimal(text, decimals);
  if (value === undefined) {
    throw new RangeError(`invalid spend limit "${text}": expected a decimal amount`);
  }
  return value > 0n ? value : undefined;
}

function format(amount: bigint, context: CouponContext): string {
  return formatMoney(Number(amount) as Money, context.decimals);
}

function unique(ids: readonly number[]): string {
  return [...new Set(ids)].join(", ");
}
