import { parseRestDate } from "../time/wp-date.js";
import { invalidParamError } from "./woo-error.js";

/**
 * Parses a date parameter of a REST request into a GMT date string, as `parseRestDate` does,
 * but also rejects dates that are not on the calendar, such as `2020-02-30`, which JavaScript's
 * `Date` would quietly move to March 1. Throws a 400 `rest_invalid_param` naming the parameter
 * and the value.
 */
export function parseRestDateParam(
  name: string,
  text: string,
  datesAreGmt: boolean,
  timeZone: string,
): string {
  const gmt = isCalendarDate(text) ? parseRestDate(text, datesAreGmt, timeZone) : null;
  if (gmt === null) {
    throw invalidParamError(
      name,
      `Invalid date: ${name} is "${text}", expected an ISO 8601 date such as 2026-12-04T15:30:59.`,
      "rest_invalid_date",
    );
  }
  return gmt;
}

/** Checks that the `YYYY-MM-DD` at the start of `text` names a real day. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (daysInMonth[month - 1] ?? 0);
}
