export * from "./catalog.js";
export * from "./money.js";
export * from "./precise.js";
export * from "./tax-rate-percent.js";
export * from "./tax-location.js";
export * from "./tax-rates.js";
export * from "./totals/totals-settings.js";
export * from "./totals/cart-input.js";
export * from "./totals/rest-order-input.js";
export * from "./totals/order-totals.js";
export * from "./totals/compute-cart-totals.js";
export * from "./totals/compute-rest-order-totals.js";
export * from "./totals/cart-to-rest-lines.js";
export * from "./totals/cart-discounts.js";
export { sortCouponsForCart } from "./totals/coupon-amount.js";
export * from "./coupons/validate-coupon.js";
export * from "./coupons/coupon-applies-to-line.js";
export * from "./coupons/email-allowed.js";
export * from "./refunds.js";
export * from "./barcodes/gtin.js";
export * from "./barcodes/scale-barcode.js";
export * from "./dates.js";
export * from "./reports/report-order.js";
export * from "./reports/sales-report.js";
export * from "./reports/compute-sales-report.js";
export * from "./reports/sales-report-csv.js";
export { escapeCsvField, toCsv } from "./reports/csv-field.js";
export { storeHourOf } from "./reports/store-hour.js";
export { openTillSession } from "./till-sessions/till-session.js";
export type {
  CashMovement,
  OpenTillSessionInput,
  TillSession,
} from "./till-sessions/till-session.js";
export { recordCashMovement } from "./till-sessions/record-cash-movement.js";
export type { CashMovementInput } from "./till-sessions/record-cash-movement.js";
export * from "./till-sessions/close-till-session.js";
export * from "./till-sessions/expected-cash.js";
export * from "./till-sessions/z-report.js";
export * from "./reports/report-order-from-wc.js";
export * from "./reports/pos-tenders-meta.js";
