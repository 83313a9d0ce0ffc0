import { parsePrecise } from "@pos/core";
import { WooError } from "../http/woo-error.js";
import type { CouponDetails } from "./coupon-records.js";

/**
 * Checks the amount and the email restrictions of a coupon about to be stored, as WooCommerce's
 * `WC_Coupon::set_amount` and `set_email_restrictions` do. An amount below 0, or above 100 for a
 * percent coupon, gets 400 `coupon_invalid_amount`. An email restriction that is not an address
 * gets 400 `coupon_invalid_email_address`, and a `*` wildcard in it is allowed.
 */
export function assertValidCouponDetails(details: CouponDetails): void {
  const amount = parsePrecise(details.amount);
  const negative = amount < 0;
  const overHundred = details.discount_type === "percent" && amount > parsePrecise("100");
  if (negative || overHundred) {
    const limit = details.discount_type === "percent" ? "from 0 to 100" : "of 0 or more";
    throw new WooError(
      400,
      "coupon_invalid_amount",
      `Invalid discount amount ${details.amount}: a ${details.discount_type} coupon needs an ` +
        `amount ${limit}.`,
    );
  }
  for (const email of details.email_restrictions) {
    if (!isEmailAddress(email)) {
      throw new WooError(
        400,
        "coupon_invalid_email_address",
        `Invalid email address restriction "${email}": send addresses such as ` +
          `"name@example.com" or "*@example.com".`,
      );
    }
  }
}

/** Lower-cases and trims email restrictions and drops empty ones, as WooCommerce stores them. */
export function normalizeEmailRestrictions(emails: readonly string[]): string[] {
  return emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== "");
}

/** Checks an address as WordPress's `is_email` does: allowed local-part characters, a dotted domain. */
function isEmailAddress(email: string): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1 || email.length < 6) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  return labels.every((label) => /^[a-z0-9-]+$/i.test(label) && !/^-|-$/.test(label));
}
