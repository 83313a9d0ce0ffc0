import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { couponWire } from "../../coupons/coupon-records.js";
import { loadValidCoupons } from "../../coupons/order-coupons.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { WooError } from "../../http/woo-error.js";
import { orderCreateBody } from "../../orders/order-input.js";
import { resolveOrderLines } from "../../orders/resolve-order-lines.js";
import { readStoreSettings } from "../../store/store-settings.js";

/** Maximum length of a coupon code that the check accepts. */
const maxCodeLength = 200;

/**
 * The cart a coupon is checked against: its lines, customer and billing email as in
 * `POST wc/v3/orders`, the coupons already applied in `coupon_lines`, and the new `code`.
 */
export const couponCheckBody = orderCreateBody
  .pick({ customer_id: true, billing: true, line_items: true, coupon_lines: true })
  .extend({
    code: z
      .string()
      .trim()
      .min(1, "code is empty: send the coupon code to check")
      .max(maxCodeLength, `code is longer than ${maxCodeLength} characters: send a coupon code`),
  });

/**
 * `POST pos/v1/coupons/check`: checks a coupon against a cart with the rules order creation
 * applies, so the till can reject a code when the cashier enters it. It writes nothing: no
 * order, no usage count. A valid coupon returns 200 with the coupon as `wc/v3/coupons` sends
 * it, and an invalid one the same 400 order creation would return.
 */
export function registerCouponCheckRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/wp-json/pos/v1/coupons/check",
    {
      preHandler: requireCapability(context, "create_orders", "create"),
      schema: { body: couponCheckBody },
    },
    async (request) => {
      const { code, ...cart } = request.body;
      const db = context.store.db;
      const settings = await readStoreSettings(db);
      await assertCustomerExists(db, cart.customer_id);
      const lines = await resolveOrderLines(db, cart.line_items);
      const order = { ...cart, coupon_lines: [...cart.coupon_lines, { code }] };
      const coupons = await loadValidCoupons(db, order, lines, settings, context.now());

      const checked = coupons[coupons.length - 1];
      const row = await db
        .selectFrom("coupons")
        .selectAll()
        .where("id", "=", checked?.id ?? 0)
        .executeTakeFirstOrThrow();
      const wire = { baseUrl: requestBaseUrl(request), timeZone: settings.timeZone };
      return { code: row.code, valid: true, coupon: couponWire(row, wire) };
    },
  );
}

/**
 * Rejects an unknown customer as order creation does, so a coupon limited per customer is not
 * checked against a customer the order would be rejected for.
 */
async function assertCustomerExists(db: AppContext["store"]["db"], customerId: number) {
  if (customerId === 0) return;

  const customer = await db
    .selectFrom("customers")
    .select("id")
    .where("id", "=", customerId)
    .executeTakeFirst();
  if (customer === undefined) {
    throw new WooError(400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.", {
      customer_id: customerId,
    });
  }
}
