/**
 * WordPress date strings: `YYYY-MM-DDTHH:MM:SS` with no zone. The `_gmt` fields are UTC; the
 * others are in the store's time zone (the `timezone_string` setting).
 */

/** Formats an instant as a WordPress GMT date string. */
export function toGmtDateString(instant: Date): string {
  return instant.toISOString().slice(0, 19);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const localCache = new Map<string, string>();
const localCacheLimit = 10_000;

/** Converts a GMT date string to the store's local wall-clock time in the same format. */
export function gmtToLocalDateString(gmt: string, timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC" || timeZone === "GMT") return gmt;
  const key = `${timeZone} ${gmt}`;
  const cached = localCache.get(key);
  if (cached !== undefined) return cached;
  const local = formatLocal(new Date(`${gmt}Z`), timeZone);
  if (localCache.size >= localCacheLimit) localCache.clear();
  localCache.set(key, local);
  return local;
}

/** Formats with one cached `Intl.DateTimeFormat` per zone: building one costs far more than using it. */
function formatLocal(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}`;
}

/** Converts a local wall-clock date string in `timeZone` to a GMT date string. */
export function localToGmtDateString(local: string, timeZone: string): string {
  const asIfUtc = new Date(`${local}Z`).getTime();
  const offsetMs = new Date(`${gmtToLocalDateString(local, timeZone)}Z`).getTime() - asIfUtc;
  const firstGuess = asIfUtc - offsetMs;
  const offsetAtGuessMs =
    new Date(
      `${gmtToLocalDateString(toGmtDateString(new Date(firstGuess)), timeZone)}Z`,
    ).getTime() - firstGuess;
  return toGmtDateString(new Date(asIfUtc - offsetAtGuessMs));
}

/**
 * Parses an ISO 8601 date as the REST API accepts it (`2026-12-04T15:30:59`, optionally with
 * `Z` or an offset). Returns the GMT date string, or null when the text is not a date.
 */
export function parseRestDate(text: string, datesAreGmt: boolean, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (match === null) return null;
  const local = `${match[1]}T${match[2]}`;
  const parsed = new Date(`${local}Z`);
  // Date rolls 2020-02-30 over to 2020-03-01, so a date that does not read back is off the calendar.
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 19) !== local) return null;
  if (match[4] !== undefined) return toGmtDateString(new Date(text));
  return datesAreGmt ? local : localToGmtDateString(local, timeZone);
}
