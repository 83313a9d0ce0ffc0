import { computeSalesReport, storeDayRange } from "@pos/core";
import type { SalesReportOptions } from "@pos/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";
import { orderStatuses } from "../../orders/order-input.js";
import { loadReportOrdersWithProblems } from "../../reports/load-report-orders.js";
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
 * Amounts are minor units; instants are ISO 8601 in UTC. `unreadableTenders` counts the orders
 * created or refunded in the range, before any filter, whose stored `_pos_tenders` could not be
 * read, so their payments are missing from `payments`.
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
      rejectRepeatedParams(request.url);
      const query = request.query;
      checkStatuses(query.status);
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
      const loaded = await loadReportOrdersWithProblems(context, rangeOf(options), request.log);
      const unreadableTenders = {
        orders: loaded.unreadableTenderOrderIds.length,
        orderIds: loaded.unreadableTenderOrderIds,
      };
      try {
        return { ...computeSalesReport(loaded.orders, options), unreadableTenders };
      } catch (error) {
        if (error instanceof RangeError) throw invalidParamError("from", error.message);
        throw error;
      }
    },
  );
}

/** Returns the UTC instants the report's store days run between, or a 400 for bad dates. */
function rangeOf(options: SalesReportOptions): { startUtc: Date; endUtc: Date } {
  let first, last;
  try {
    first = storeDayRange(options.from, options.timeZone);
    last = storeDayRange(options.to, options.timeZone);
  } catch (error) {
    if (error instanceof RangeError) throw invalidParamError("from", error.message);
    throw error;
  }
  if (options.to < options.from) throw backwardsRangeError(options.from, options.to);
  return { startUtc: first.startUtc, endUtc: last.endUtc };
}

/**
 * Rejects a query that gives one parameter twice, such as `from=2026-12-01&from=2026-12-04`.
 * The query parser keeps the last value as PHP does, so without this check the report would
 * silently cover a range the client did not mean.
 */
function rejectRepeatedParams(url: string): void {
  const search = new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1) : "");
  for (const name of Object.keys(salesQuery.shape)) {
    const values = search.getAll(name);
    if (values.length > 1) {
      throw invalidParamError(
        name,
        `${name} was given ${values.length} times (${values.map((value) => JSON.stringify(value)).join(", ")}); ` +
          `send it once${name === "from" || name === "to" ? "" : ", as a comma-separated list"}.`,
      );
    }
  }
}

function checkStatuses(statuses: readonly string[] | undefined): void {
  const unknown = statuses?.filter(
    (status) => !(orderStatuses as readonly string[]).includes(status),
  );
  if (unknown === undefined || unknown.length === 0) return;
  throw invalidParamError(
    "status",
    `status "${unknown.join(",")}" is not an order status; send any of ${orderStatuses.join(", ")}.`,
  );
}

/**
 * Builds the 400 for a range whose `from` is after its `to`. The top-level message names both
 * dates, because clients such as the till show only that message.
 */
export function backwardsRangeError(from: string, to: string): WooError {
  const message =
    `Invalid report range: "from" ${from} is after "to" ${to}. ` +
    `Send a "from" date on or before the "to" date, or swap the two dates.`;
  return new WooError(400, "rest_invalid_param", message, {
    params: { from: message, to: message },
  });
}
