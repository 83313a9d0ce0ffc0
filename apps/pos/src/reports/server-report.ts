import type { SalesReport, SalesReportOptions } from "@pos/core";
import type { WooClient } from "@pos/woo";
import { z } from "zod";

const money = z.number().int();
const amountWithTax = z.object({ count: z.number().int(), amount: money, tax: money });
const figures = {
  orders: z.number().int(),
  grossSales: money,
  netSales: money,
  tax: money,
  itemsSold: z.number(),
  refunds: money,
};

/** `GET pos/v1/reports/sales` as the server sends it: core's `SalesReport`, instants as text. */
const serverReportSchema = z.object({
  ...figures,
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  startUtc: z.iso.datetime(),
  endUtc: z.iso.datetime(),
  currency: z.object({ code: z.string(), decimals: z.number().int() }).nullable(),
  averageOrderValue: money,
  taxByRate: z.array(
    z.object({
      rateId: z.number().int(),
      label: z.string(),
      ratePercent: z.string(),
      orders: z.number().int(),
      taxTotal: money,
      shippingTaxTotal: money,
      total: money,
    }),
  ),
  discounts: z.object({
    coupons: amountWithTax,
    lineDiscounts: amountWithTax,
    cartDiscounts: amountWithTax,
  }),
  payments: z.array(
    z.object({
      methodId: z.string(),
      methodTitle: z.string(),
      tenders: z.number().int(),
      tendered: money,
      change: money,
      received: money,
    }),
  ),
  untenderedTotal: money,
  refundTotals: z.object({
    count: z.number().int(),
    amount: money,
    tax: money,
    itemsRefunded: z.number(),
    byMethod: z.array(
      z.object({
        methodId: z.string(),
        methodTitle: z.string(),
        refunds: z.number().int(),
        amount: money,
      }),
    ),
  }),
  days: z.array(
    z.object({
      ...figures,
      date: z.string(),
      startUtc: z.iso.datetime(),
      endUtc: z.iso.datetime(),
      hours: z.number(),
    }),
  ),
  hours: z.array(z.object({ hour: z.number().int(), orders: z.number().int(), grossSales: money })),
});

/** Reads the whole store's report from the server for the same options as a local report. */
export async function readServerReport(
  client: WooClient,
  options: SalesReportOptions,
): Promise<SalesReport> {
  const list = (values: readonly (string | number)[] | undefined) =>
    values && values.length > 0 ? values.join(",") : undefined;
  const response = await client.request({
    route: "pos/v1/reports/sales",
    query: {
      from: options.from,
      to: options.to,
      status: list(options.statuses),
      cashier: list(options.cashierIds),
      register: list(options.registerIds),
      payment_method: list(options.paymentMethods),
    },
    schema: serverReportSchema,
    timeoutMs: 30_000,
  });
  const report = response.data;
  // The schema checked every amount is an integer, so the brand cast below is sound.
  return {
    ...report,
    startUtc: new Date(report.startUtc),
    endUtc: new Date(report.endUtc),
    days: report.days.map((day) => ({
      ...day,
      startUtc: new Date(day.startUtc),
      endUtc: new Date(day.endUtc),
    })),
  } as unknown as SalesReport;
}
