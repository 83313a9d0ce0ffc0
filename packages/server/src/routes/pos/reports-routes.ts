import { computeSalesReport, storeDayRange } from "@pos/core";
import type { SalesReportOptions } from "@pos/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError } from "../../http/woo-error.js";
import { loadReportOrders } from "../../reports/load-report-orders.js";
import { readStoreSettings } from "../../store/store-settings.js";

const storeDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const list = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
  )
  .optional();

const salesQuery = z.object({
  from: storeDate,
  to: storeDate,
  status: list,
  cashier: list,
  register: list,
  payment_method: list,
});

/**
 * `GET pos/v1/reports/sales`: the whole store's sales report over store days `from` to `to`,
 * computed by core's `computeSalesReport`, the function the till runs on its own orders.
 * Amounts are minor units; instants are ISO 8601 in UTC.
 */
export function registerReportRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/wp-json/pos/v1/reports/sales",
    {
      preHandler: requireCapability(context, "read_orders", "list"),
      schema: { querystring: salesQuery },
    },
    async (request) => {
      const query = request.query;
      const settings = await readStoreSettings(context.store.db);
      const cashierIds = query.cashier?.map(Number);
      if (cashierIds?.some((id) => !Number.isSafeInteger(id))) {
        throw invalidParamError(
          "cashier",
          `cashier must list user ids, got "${query.cashier?.join(",")}".`,
        );
      }
      const options: SalesReportOptions = {
        from: query.from,
        to: query.to,
        timeZone: settings.timeZone,
        statuses: query.status,
        cashierIds,
        registerIds: query.register,
        paymentMethods: query.payment_method,
        currency: { code: settings.currency, decimals: settings.decimals },
      };
      const orders = await loadReportOrders(context, rangeOf(options));
      try {
        return computeSalesReport(orders, options);
      } catch (error) {
        if (error instanceof RangeError) throw invalidParamError("from", error.message);
        throw error;
      }
    },
  );
}

/** Returns the UTC instants the report's store days run between, or a 400 for bad dates. */
function rangeOf(options: SalesReportOptions): { startUtc: Date; endUtc: Date } {
  try {
    const first = storeDayRange(options.from, options.timeZone);
    const last = storeDayRange(options.to, options.timeZone);
    if (options.to < options.from) {
      throw new RangeError(`"to" ${options.to} is before "from" ${options.from}; swap them`);
    }
    return { startUtc: first.startUtc, endUtc: last.endUtc };
  } catch (error) {
    if (error instanceof RangeError) throw invalidParamError("from", error.message);
    throw error;
  }
}
