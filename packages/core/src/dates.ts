/** A calendar date in the store's time zone, "YYYY-MM-DD". */
export type StoreDate = string;

/** A store day as UTC instants: `startUtc` is included, `endUtc` (the next day's start) is not. */
export interface StoreDayRange {
  startUtc: Date;
  endUtc: Date;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const hourMs = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Returns the calendar date of an instant in a time zone, from the Intl time zone data. Reports
 * cut days this way, so an order at 23:30 UTC in London's summer counts on the next day.
 */
export function storeDateOf(instant: Date, timeZone: string): StoreDate {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError("invalid instant: expected a valid Date");
  }
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * Returns the UTC instants a store day runs between. A day is 23 or 25 hours long when the clocks
 * change. If midnight itself is skipped, the day starts at the first instant that has its date.
 */
export function storeDayRange(date: StoreDate, timeZone: string): StoreDayRange {
  const midnightUtcMs = parseStoreDate(date);
  formatterFor(timeZone);
  const next = new Date(midnightUtcMs + 24 * hourMs).toISOString().slice(0, 10);
  return {
    startUtc: new Date(firstInstantOf(date, midnightUtcMs, timeZone)),
    endUtc: new Date(firstInstantOf(next, midnightUtcMs + 24 * hourMs, timeZone)),
  };
}

/**
 * Searches for the first second whose local date is `date` or later. Offsets from UTC stay
 * within ±14 hours, so the start lies within 15 hours of the same wall time in UTC.
 */
function firstInstantOf(date: StoreDate, wallTimeUtcMs: number, timeZone: string): number {
  let low = wallTimeUtcMs - 15 * hourMs;
  let high = wallTimeUtcMs + 15 * hourMs;
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (storeDateOf(new Date(middle), timeZone) >= date) high = middle;
    else low = middle;
  }
  return high;
}

function parseStoreDate(date: StoreDate): number {
  const match = datePattern.exec(date);
  const milliseconds =
    match === null ? Number.NaN : Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!);
  if (Number.isNaN(milliseconds) || new Date(milliseconds).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`invalid store date "${date}": expected a real date as YYYY-MM-DD`);
  }
  return milliseconds;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      throw new RangeError(
        `invalid time zone "${timeZone}": expected an IANA name such as "Europe/London"`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
