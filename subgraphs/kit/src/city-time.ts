/** The city keeps China Standard Time (UTC+8, no daylight saving): validity and deadlines count its days. */
const CITY_OFFSET_MS = 8 * 3600_000;

/** The city's calendar date at an instant, YYYY-MM-DD. */
export function cityDate(instant: Date): string {
  return new Date(instant.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 10);
}
