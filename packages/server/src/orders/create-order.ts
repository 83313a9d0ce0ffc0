import {
  computeRestOrderTotals,
  multiplyMoney,
  parsePrecise,
  preciseToMoney,
  sumMoney,
  validateCoupon,
} from "@pos/core";
import type { Coupon, TaxLocation } from "@pos/core";
import type { Kysely } from "kysely";
import type { AppContext } from "../app-context.js";
import { listTaxRateRows, taxRateRecord } from "../catalog/tax-rate-store.js";
import { couponRecord } from "../coupons/coupon-records.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { SqlDialectName } from "../db/store-database.js";
import { takeNextCounterValue } from "../db/counters.js";
import { appendChange, writeTransaction } from "../db/change-journal.js";
import { WooError } from "../http/woo-error.js";
import { readStoreSettings } from "../store/store-settings.js";
import type { StoreSettings } from "../store/store-settings.js";
import { toGmtDateString } from "../time/wp-date.js";
import { buildStoredOrder } from "./build-stored-order.js";
import { splitCouponDiscounts } from "./coupon-discounts.js";
import { checkExpectedTotal } from "./expected-total.js";
import { assertRepeatOfStoredOrder } from "./client-uuid-repeat.js";
import { clientUuidOf } from "./order-input.js";
import type { OrderCreateBody } from "./order-input.js";
import { restOrderInput, totalsSettingsOf } from "./order-totals-input.js";
import type { OrderRow } from "./order-wire.js";
import { reduceStockForLines } from "./reduce-stock.js";
import { resolveOrderLines } from "./resolve-order-lines.js";
import type { ResolvedLine } from "./resolve-order-lines.js";

type Db = Kysely<DatabaseSchema>;

/** Statuses in which WooCommerce keeps an order's stock reduced (`wc_maybe_reduce_stock_levels`). */
export const stockHoldingStatuses: ReadonlySet<string> = new Set([
  "processing",
  "completed",
  "on-hold",
]);

/**
 * Creates an order in one transaction with its stock reduction. A repeat of an order whose
 * `_pos_client_uuid` is already stored gets that order back (`created: false`) and nothing
 * changes, so a till that retries after a lost reply gets exactly one order.
 */
export async function createOrder(
  context: AppContext,
  body: OrderCreateBody,
): Promise<{ row: OrderRow; created: boolean }> {
  const db = context.store.db;
  const clientUuid = clientUuidOf(body.meta_data);
  if (clientUuid !== null) {
    const existing = await findOrderByClientUuid(db, clientUuid);
    if (existing !== undefined) {
      assertRepeatOfStoredOrder(existing, body, clientUuid);
      return { row: existing, created: false };
    }
  }
  try {
    const id = await writeTransaction(db, (trx) => insertOrder(context, trx, body, clientUuid));
    const row = await db
      .selectFrom("orders")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { row, created: true };
  } catch (error) {
    // A concurrent request with the same client UUID committed first: return its order.
    const existing = clientUuid === null ? undefined : await findOrderByClientUuid(db, clientUuid);
    if (existing === undefined) throw error;
    assertRepeatOfStoredOrder(existing, body, clientUuid!);
    return { row: existing, created: false };
  }
}

export function findOrderByClientUuid(db: Db, clientUuid: string): Promise<OrderRow | undefined> {
  return db
    .selectFrom("orders")
    .selectAll()
    .where("client_uuid", "=", clientUuid)
    .executeTakeFirst();
}

async function insertOrder(
  context: AppContext,
  trx: Db,
  body: OrderCreateBody,
  clientUuid: string | null,
): Promise<number> {
  const settings = await readStoreSettings(trx);
  if (body.currency !== undefined && body.currency !== settings.currency) {
    throw new WooError(400, "rest_invalid_param", `Invalid parameter(s): currency`, {
      params: {
        currency: `currency ${body.currency} differs from the store's ${settings.currency}; send ${settings.currency} or omit it.`,
      },
    });
  }
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
  const nowGmt = toGmtDateString(context.now());
  const lines = await resolveOrderLines(trx, body.line_items);
  const taxRates = (await listTaxRateRows(trx)).map(taxRateRecord);
  const coupons = await loadValidCoupons(trx, body, lines, settings, context.now());

  const totalsInput = restOrderInput(body, lines, coupons, settings.decimals);
  const totalsSettings = totalsSettingsOf(settings);
  const location = taxLocation(settings, body);
  const totals = computeRestOrderTotals(totalsInput, totalsSettings, taxRates, location);
  const couponDiscounts = splitCouponDiscounts(totalsInput, totalsSettings, taxRates, location);
  checkExpectedTotal(body.meta_data, totals.total, settings.decimals, settings.currency);

  const status = orderStatusOnCreate(body, lines);
  const reducedStock = stockHoldingStatuses.has(status)
    ? await reduceStockForLines(trx, context.store.dialect, lines, nowGmt)
    : new Map<number, number>();
  const stored = await buildStoredOrder({
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
  await recordCouponUsage(trx, context.store.dialect, coupons, body);

  const row = await trx
    .insertInto("orders")
    .values({
      status,
      currency: settings.currency,
      customer_id: body.customer_id,
      client_uuid: clientUuid,
      total: stored.total,
      date_created_gmt: nowGmt,
      date_modified_gmt: nowGmt,
      details: JSON.stringify(stored),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
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

/** Loads the order's coupons and checks each with core's rules; the first failure rejects the order. */
async function loadValidCoupons(
  trx: Db,
  body: OrderCreateBody,
  lines: readonly ResolvedLine[],
  settings: StoreSettings,
  now: Date,
): Promise<Coupon[]> {
  const coupons: Coupon[] = [];
  for (const { code } of body.coupon_lines) {
    const normalized = code.trim().toLowerCase();
    const row = await trx
      .selectFrom("coupons")
      .selectAll()
      .where("code", "=", normalized)
      .executeTakeFirst();
    if (row === undefined) {
      throw couponError(`Coupon "${code}" cannot be applied because it does not exist.`);
    }
    const coupon = couponRecord(row);
    const couponLines = lines.map((line) => ({
      productId: line.parent?.id ?? line.item.id,
      variationId: line.parent === undefined ? 0 : line.item.id,
      categoryIds: line.categoryIds,
      onSale: line.item.sale_price !== "" && line.item.price === line.item.sale_price,
      lineSubtotal: multiplyMoney(
        preciseToMoney(parsePrecise(line.item.price || "0"), settings.decimals),
        line.input.quantity,
      ),
    }));
    const result = validateCoupon(coupon, {
      now,
      decimals: settings.decimals,
      lines: couponLines,
      subtotal: sumMoney(couponLines.map((line) => line.lineSubtotal)),
      appliedCoupons: coupons,
      billingEmail: body.billing.email ?? "",
      customerId: body.customer_id,
    });
    if (!result.ok) throw new WooError(400, result.code, result.message);
    coupons.push(coupon);
  }
  return coupons;
}

function couponError(message: string): WooError {
  return new WooError(400, "woocommerce_rest_invalid_coupon", message);
}

/** Counts a use of each coupon; on PostgreSQL the row is locked so no concurrent use is lost. */
async function recordCouponUsage(
  trx: Db,
  dialect: SqlDialectName,
  coupons: readonly Coupon[],
  body: OrderCreateBody,
) {
  for (const coupon of coupons) {
    let select = trx.selectFrom("coupons").selectAll().where("id", "=", coupon.id);
    if (dialect === "postgres") select = select.forUpdate();
    const row = await select.executeTakeFirstOrThrow();
    const details = JSON.parse(row.details) as { used_by?: string[] };
    const usedBy = [
      ...(details.used_by ?? []),
      body.customer_id > 0 ? String(body.customer_id) : (body.billing.email ?? ""),
    ];
    await trx
      .updateTable("coupons")
      .set({
        usage_count: row.usage_count + 1,
        details: JSON.stringify({ ...details, used_by: usedBy }),
      })
      .where("id", "=", coupon.id)
      .execute();
    appendChange(trx, "coupons", coupon.id);
  }
}
