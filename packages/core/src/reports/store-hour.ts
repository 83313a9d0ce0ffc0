const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Returns the hour on the store's wall clock (0 to 23) at an instant. On the day the clocks go
 * back, two real hours share one number. On the day they go forward, one number has no instant.
 */
export function storeHourOf(instant: Date, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, formatter);
  }
  const hour = formatter.formatToParts(instant).find((part) => part.type === "hour")?.value;
  return Number(hour);
}
