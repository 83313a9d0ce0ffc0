import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { couponWire } from "../../coupons/coupon-records.js";
import { loadValidCoupons } from "../../coupons/order-coupons.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { orderCreateBody } from "../../orders/order-input.js";
import { resolveOrderLines } from "../../orders/resolve-order-lines.js";
import { readStoreSettings } from "../../store/store-settings.js";

/**
 * The cart a coupon is checked against: its lines, customer and billing email as in
 * `POST wc/v3/orders`, the coupons already applied in `coupon_lines`, and the new `code`.
 */
export const couponCheckBody = orderCreateBody
  .pick({ customer_id: true, billing: true, line_items: true, coupon_lines: true })
  .extend({ code: z.string().trim().min(1).max(200) });

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
