import { storeDayRange } from "../dates.js";
import type { StoreDate, StoreDayRange } from "../dates.js";

/** A store day with the UTC instants it runs between. */
export interface ReportDay extends StoreDayRange {
  date: StoreDate;
}

const dayMs = 86_400_000;

// NOTE: a chosen bound, not a measured one. About ten years of day rows is enough for a report,
// and the bound keeps a mistyped year ("0202-07-04") from building hundreds of thousands of rows.
export const maxReportDays = 3700;

/** Lists the store days from `from` to `to`, both included, with their UTC bounds. */
export function listReportDays(from: StoreDate, to: StoreDate, timeZone: string): ReportDay[] {
  const first = storeDayRange(from, timeZone);
  storeDayRange(to, timeZone);
  if (to < from) {
    throw new RangeError(`invalid report range ${from} to ${to}: "to" must not be before "from"`);
  }

  const dayCount = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1;
  if (dayCount > maxReportDays) {
    throw new RangeError(
      `invalid report range ${from} to ${to}: ${dayCount} days is more than ${maxReportDays}, ` +
        `so choose a shorter range`,
    );
  }

  const days: ReportDay[] = [{ date: from, ...first }];
  for (let index = 1; index < dayCount; index += 1) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + index * dayMs)
      .toISOString()
      .slice(0, 10);
    days.push({ date, ...storeDayRange(date, timeZone) });
  }
  return days;
}
