/**
 * Formats an instant (epoch milliseconds or an ISO date) as a date and time in the store's time
 * zone, the zone its reports cut days in, so a receipt shows the shop's clock whatever the
 * device is set to. A zone the browser does not know falls back to UTC, marked "UTC".
 */
export function formatStoreDateTime(instant: number | string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return `invalid date ${String(instant)}`;

  const style = { dateStyle: "medium", timeStyle: "short" } as const;
  try {
    return new Intl.DateTimeFormat(undefined, { ...style, timeZone }).format(date);
  } catch {
    return `${new Intl.DateTimeFormat(undefined, { ...style, timeZone: "UTC" }).format(date)} UTC`;
  }
}
