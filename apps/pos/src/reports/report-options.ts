import type { SalesReportOptions } from "@pos/core";

/** The report form's fields as the cashier typed them. */
export interface ReportFilters {
  from: string;
  to: string;
  status: string;
  cashier: string;
  register: string;
  method: string;
}

/**
 * Turns the report form into report options, checked before any report is built or requested.
 * Raises a `RangeError` whose message names the bad value and what to change.
 */
export function reportOptions(
  filters: ReportFilters,
  store: { timezone: string; currency: string; decimals: number },
): SalesReportOptions {
  checkReportRange(filters.from, filters.to);

  const cashierId = filters.cashier.trim();
  if (cashierId !== "" && !/^\d+$/.test(cashierId)) {
    throw new RangeError(`invalid cashier id "${cashierId}": enter the cashier's number`);
  }
  return {
    from: filters.from,
    to: filters.to,
    timeZone: store.timezone,
    currency: { code: store.currency, decimals: store.decimals },
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(cashierId ? { cashierIds: [Number(cashierId)] } : {}),
    ...(filters.register.trim() ? { registerIds: [filters.register.trim()] } : {}),
    ...(filters.method ? { paymentMethods: [filters.method] } : {}),
  };
}

/** Rejects a missing date and a range whose From date is after its To date. */
function checkReportRange(from: string, to: string): void {
  if (from === "" || to === "") {
    const missing = from === "" ? "From" : "To";
    throw new RangeError(`the ${missing} date is missing: pick a date in the ${missing} field`);
  }
  // Both are YYYY-MM-DD, as date inputs give them, so text order is date order.
  if (from > to) {
    throw new RangeError(
      `the From date ${from} is after the To date ${to}: set From on or before To, ` +
        `or swap the two dates`,
    );
  }
}
