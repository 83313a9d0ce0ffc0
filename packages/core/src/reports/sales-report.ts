import type { StoreDate } from "../dates.js";
import type { Money } from "../money.js";

// A fully refunded order has status "refunded". Its sale happened and its refund is shown apart,
// so leaving it out would drop both. Pending, failed, cancelled and draft orders took no money.
/** Order statuses a report counts when `statuses` is not given. */
export const defaultReportStatuses: readonly string[] = [
  "completed",
  "processing",
  "on-hold",
  "refunded",
];

export interface SalesReportOptions {
  /** First store day, "YYYY-MM-DD". */
  from: StoreDate;
  /** Last store day, included. */
  to: StoreDate;
  /** The store's IANA time zone, such as "Europe/London", in which days and hours are cut. */
  timeZone: string;
  statuses?: readonly string[];
  cashierIds?: readonly number[];
  registerIds?: readonly string[];
  /** Methods of which an order needs at least one tender to count; it then counts whole. */
  paymentMethods?: readonly string[];
  /** The store's currency, used when no order matches and checked against those that do. */
  currency?: ReportCurrency;
}

export interface ReportCurrency {
  code: string;
  decimals: number;
}

/** A number of orders with the ex-tax amount they share and the tax on it. */
export interface AmountWithTax {
  count: number;
  amount: Money;
  tax: Money;
}

export interface TaxRateTotal {
  rateId: number;
  label: string;
  ratePercent: string;
  /** Orders that carry this rate. */
  orders: number;
  taxTotal: Money;
  shippingTaxTotal: Money;
  /** `taxTotal + shippingTaxTotal`. */
  total: Money;
}

/** Discounts by kind, where `count` is the number of orders with that kind of discount. */
export interface DiscountTotals {
  coupons: AmountWithTax;
  lineDiscounts: AmountWithTax;
  cartDiscounts: AmountWithTax;
}

/** Money taken by one payment method. `received = tendered - change`. */
export interface PaymentMethodTotal {
  methodId: string;
  methodTitle: string;
  /** Number of tenders, so a split-tender order counts once for each of its methods. */
  tenders: number;
  tendered: Money;
  change: Money;
  received: Money;
}

export interface RefundMethodTotal {
  methodId: string;
  methodTitle: string;
  refunds: number;
  amount: Money;
}

/** Refunds dated inside the report's range, from the orders that pass the filters. */
export interface RefundTotals {
  count: number;
  amount: Money;
  tax: Money;
  itemsRefunded: number;
  byMethod: readonly RefundMethodTotal[];
}

export interface SalesFigures {
  orders: number;
  /** Sum of order totals, tax included. */
  grossSales: Money;
  /** `grossSales - tax`. */
  netSales: Money;
  tax: Money;
  itemsSold: number;
  refunds: Money;
}

/** One store day. `hours` is its length, 23 or 25 on the days the clocks change. */
export interface SalesDay extends SalesFigures {
  date: StoreDate;
  startUtc: Date;
  endUtc: Date;
  hours: number;
}

/** Orders by the hour on the store's wall clock, summed over every day of the range. */
export interface SalesHour {
  hour: number;
  orders: number;
  grossSales: Money;
}

export interface SalesReport extends SalesFigures {
  from: StoreDate;
  to: StoreDate;
  timeZone: string;
  startUtc: Date;
  endUtc: Date;
  /** Null when no order matched and `options.currency` was not given. */
  currency: ReportCurrency | null;
  /** `grossSales / orders`, rounded half up, or 0 without orders. */
  averageOrderValue: Money;
  taxByRate: readonly TaxRateTotal[];
  discounts: DiscountTotals;
  payments: readonly PaymentMethodTotal[];
  /** Gross of the counted orders that carry no tender (unpaid or taken outside the till). */
  untenderedTotal: Money;
  refundTotals: RefundTotals;
  days: readonly SalesDay[];
  /** 24 entries, hour 0 to 23. */
  hours: readonly SalesHour[];
}
