const zonePattern = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a `*_gmt` date as WooCommerce sends it ("2022-07-04T22:30:00", UTC without a zone
 * designator) or a full ISO 8601 instant. `valueName` names the value in the error, such as
 * `order 1042 date_created_gmt`.
 */
export function parseGmtInstant(text: string, valueName: string): Date {
  const instant = isoPattern.test(text)
    ? new Date(zonePattern.test(text) ? text : `${text}Z`)
    : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(
      `invalid ${valueName} "${text}": expected an ISO 8601 date and time such as "2022-07-04T22:30:00"`,
    );
  }
  return instant;
}
