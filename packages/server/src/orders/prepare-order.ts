import { computeRestOrderTotals } from "@pos/core";
import type { TaxLocation } from "@pos/core";
import type { Kysely } from "kysely";
import type { AppContext } from "../app-context.js";
import { listTaxRateRows, taxRateRecord } from "../catalog/tax-rate-store.js";
import { loadValidCoupons } from "../coupons/order-coupons.js";
import { recordCouponUsage } from "../coupons/record-coupon-usage.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import { takeNextCounterValue } from "../db/counters.js";
import { WooError } from "../http/woo-error.js";
import { readStoreSettings } from "../store/store-settings.js";
import type { StoreSettings } from "../store/store-settings.js";
import { buildStoredOrder } from "./build-stored-order.js";
import { splitCouponDiscounts } from "./coupon-discounts.js";
import { withinExactRange } from "./exact-range.js";
import { checkExpectedTotal } from "./expected-total.js";
import { clientUuidOf, openOrderStatus } from "./order-input.js";
import { checkPosTendersMeta, checkPosTendersPayTotal } from "./pos-tenders-check.js";
import type { OrderCreateBody } from "./order-input.js";
import { restOrderInput, totalsSettingsOf } from "./order-totals-input.js";
import { reduceStockForLines } from "./reduce-stock.js";
import { resolveOrderLines } from "./resolve-order-lines.js";
import type { ResolvedLine } from "./resolve-order-lines.js";
import type { StoredOrder } from "./stored-order.js";

type Db = Kysely<DatabaseSchema>;

/** Statuses in which WooCommerce keeps an order's stock reduced (`wc_maybe_reduce_stock_levels`). */
export const stockHoldingStatuses: ReadonlySet<string> = new Set([
  "processing",
  "completed",
  "on-hold",
]);

/**
 * Checks a request body and builds its stored order inside the transaction: customer, lines,
 * coupons and totals, the stock reduction for a status that takes stock, and the coupons' usage
 * counts. An open order (`pos-open`) takes neither stock nor coupon uses until it is paid.
 */
export async function prepareOrder(
  context: AppContext,
  trx: Db,
  body: OrderCreateBody,
  nowGmt: string,
): Promise<{ status: string; stored: StoredOrder }> {
  const settings = await readStoreSettings(trx);
  if (body.currency !== undefined && body.currency !== settings.currency) {
    throw new WooError(400, "rest_invalid_param", `Invalid parameter(s): currency`, {
      params: {
        currency: `currency ${body.currency} differs from the store's ${settings.currency}; send ${settings.currency} or omit it.`,
      },
    });
  }
  const orderNumber = clientUuidOf(body.meta_data) ?? "being created";
  const tenders = checkPosTendersMeta(body.meta_data, settings.decimals, orderNumber);
  if (body.customer_id > 0) {
    const customer = await trx
      .selectFrom("customers")
      .select("id")
      .where("id", "=", body.customer_id)
      .executeTakeFirst();
    if (customer === undefined) {
      throw new WooError(400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.", {
        customer_id: body.customer_id,
      });
    }
  }
  const lines = await resolveOrderLines(trx, body.line_items);
  const taxRates = (await listTaxRateRows(trx)).map(taxRateRecord);
  const coupons = await loadValidCoupons(trx, body, lines, settings, context.now());

  const totalsInput = restOrderInput(body, lines, coupons, settings.decimals);
  const totalsSettings = totalsSettingsOf(settings);
  const location = taxLocation(settings, body);
  const { totals, couponDiscounts } = withinExactRange(() => ({
    totals: computeRestOrderTotals(totalsInput, totalsSettings, taxRates, location),
    couponDiscounts: splitCouponDiscounts(totalsInput, totalsSettings, taxRates, location),
  }));
  checkExpectedTotal(body.meta_data, totals.total, settings.decimals, settings.currency);

  const status = orderStatusOnCreate(body, lines);
  checkPosTendersPayTotal(body.meta_data, tenders, {
    total: totals.total,
    decimals: settings.decimals,
    status,
    paid: body.set_paid === true,
    number: orderNumber,
  });
  const reducedStock = stockHoldingStatuses.has(status)
    ? await reduceStockForLines(trx, context.store.dialect, lines, nowGmt)
    : new Map<number, number>();
  const stored: StoredOrder = await buildStoredOrder({
    body,
    lines,
    totals,
    taxRates,
    coupons,
    couponDiscounts,
    currency: settings.currency,
    decimals: settings.decimals,
    pricesIncludeTax: settings.pricesIncludeTax,
    status,
    nowGmt,
    datePaidGmt: body.set_paid ? nowGmt : null,
    reducedStock,
    nextItemId: () => takeNextCounterValue(trx, "order_item"),
  });
  if (status !== openOrderStatus) {
    await recordCouponUsage(trx, context.store.dialect, coupons, {
      customerId: body.customer_id,
      billingEmail: body.billing.email ?? "",
    });
  }
  return { status, stored };
}

/**
 * Sets the status as WooCommerce does: the status sent (pending by default), then for
 * `set_paid` its `payment_complete`, which moves pending, on-hold and failed orders to
 * processing, or to completed when nothing needs shipping.
 */
function orderStatusOnCreate(body: OrderCreateBody, lines: readonly ResolvedLine[]): string {
  const status = body.status ?? "pending";
  if (!body.set_paid || !["pending", "on-hold", "failed"].includes(status)) return status;
  return paidStatus(lines);
}

/** Returns processing, or completed when every line is virtual and downloadable. */
function paidStatus(lines: readonly ResolvedLine[]): string {
  const needsProcessing = lines.some((line) => {
    const details = JSON.parse(line.item.details) as { virtual?: boolean; downloadable?: boolean };
    return !(details.virtual === true && details.downloadable === true);
  });
  return needsProcessing || lines.length === 0 ? "processing" : "completed";
}

function taxLocation(settings: StoreSettings, body: OrderCreateBody): TaxLocation {
  const address =
    settings.taxBasedOn === "billing"
      ? body.billing
      : settings.taxBasedOn === "shipping"
        ? body.shipping
        : undefined;
  if (address?.country) {
    return {
      country: address.country,
      state: address.state ?? "",
      postcode: address.postcode ?? "",
      city: address.city ?? "",
    };
  }
  return {
    country: settings.country,
    state: settings.state,
    postcode: settings.address.postcode,
    city: settings.address.city,
  };
}
