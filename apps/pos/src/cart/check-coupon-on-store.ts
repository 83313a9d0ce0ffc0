import { couponNotFound, type Coupon, type CouponValidation } from "@pos/core";
import {
  WooApiError,
  WooNetworkError,
  WooResponseError,
  mapWcCoupon,
  wcCouponSchema,
} from "@pos/woo";
import { z } from "zod";
import {
  validateCouponOnTill,
  type CouponCheck,
  type CouponCheckContext,
  type CouponStore,
} from "./check-coupon.js";

/** How long the cashier waits for the store's response before the till checks the code alone. */
const storeCheckTimeoutMs = 5_000;

const posCouponCheckSchema = z.object({
  code: z.string(),
  valid: z.literal(true),
  coupon: wcCouponSchema,
});

/**
 * Asks the store about a coupon code. Our server checks it with the rules of order creation
 * (`POST pos/v1/coupons/check`). A plain WooCommerce store has no such route, so the till looks
 * the code up with `GET wc/v3/coupons?code=` and checks the store's current record with core's
 * rules. A valid coupon's record is stored on the till, so the totals include its discount.
 * Returns null when the store sent no usable response (unreachable, timed out, failing, or the
 * session was rejected), so the caller falls back to the offline check.
 */
export async function checkCouponOnStore(
  code: string,
  store: CouponStore,
  context: CouponCheckContext,
): Promise<CouponCheck | null> {
  try {
    const coupon =
      store.kind === "pos"
        ? await checkWithServer(code, store, context)
        : await checkWithWooCommerce(code, store, context);
    await context.catalog.coupons.put(coupon);
    return { ok: true, code, toBeConfirmed: false };
  } catch (error) {
    if (error instanceof CouponRejected) return { ok: false, message: error.message };
    if (error instanceof WooApiError && error.status === 400) {
      return { ok: false, message: error.message };
    }
    if (isNoAnswer(error)) return null;
    throw error;
  }
}

class CouponRejected extends Error {
  override name = "CouponRejected";
}

async function checkWithServer(
  code: string,
  store: CouponStore,
  context: CouponCheckContext,
): Promise<Coupon> {
  const { order } = context;
  const response = await store.client.request({
    method: "POST",
    route: "pos/v1/coupons/check",
    body: {
      code,
      ...(order.customer ? { customer_id: order.customer.id } : {}),
      line_items: order.lines.map((line) => ({
        product_id: line.productId,
        ...(line.variationId ? { variation_id: line.variationId } : {}),
        quantity: line.quantity,
      })),
      coupon_lines: order.coupons.map((coupon) => ({ code: coupon.code })),
    },
    schema: posCouponCheckSchema,
    idempotent: true,
    timeoutMs: storeCheckTimeoutMs,
  });
  return mapWcCoupon(response.data.coupon);
}

async function checkWithWooCommerce(
  code: string,
  store: CouponStore,
  context: CouponCheckContext,
): Promise<Coupon> {
  const response = await store.client.request({
    route: "wc/v3/coupons",
    query: { code },
    schema: z.array(wcCouponSchema),
    timeoutMs: storeCheckTimeoutMs,
  });
  // The till compares the codes itself instead of trusting how the store's `code` filter matches.
  const wire = response.data.find((candidate) => candidate.code.toLowerCase() === code);
  if (!wire) throw rejection(couponNotFound(code));

  const coupon = mapWcCoupon(wire);
  const validation = await validateCouponOnTill(coupon, context);
  if (!validation.ok) throw rejection(validation);
  return coupon;
}

function rejection(validation: CouponValidation): CouponRejected {
  return new CouponRejected(validation.ok ? "the coupon was rejected" : validation.message);
}

/**
 * Tells whether a failure leaves the code unchecked rather than rejected: no response, an
 * unreadable one, a failing store, a rejected session, or a server without the check route.
 */
function isNoAnswer(error: unknown): boolean {
  if (error instanceof WooNetworkError || error instanceof WooResponseError) return true;
  if (!(error instanceof WooApiError)) return false;
  return error.status >= 500 || noAnswerStatuses.has(error.status);
}

const noAnswerStatuses: ReadonlySet<number> = new Set([401, 403, 404, 408, 429]);
