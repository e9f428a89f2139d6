import { addWorkingDays, isWorkingDay } from '@govgraph/kit';

/*
 * Time arithmetic for the demo seed. Instants are kept as milliseconds since the epoch while
 * cases are simulated and written as ISO instants (UTC, `…Z`); dates are city dates (UTC+8).
 */

const CITY_OFFSET_MS = 8 * 3_600_000;
export const MINUTE_MS = 60_000;

/** The instant of `minuteOfDay` minutes after midnight, city time, on a city date. */
export function cityInstant(date: string, minuteOfDay: number): number {
  return Date.parse(`${date}T00:00:00.000Z`) - CITY_OFFSET_MS + minuteOfDay * MINUTE_MS;
}

/** The city date of an instant given in milliseconds. */
export function cityDateOf(instant: number): string {
  return new Date(instant + CITY_OFFSET_MS).toISOString().slice(0, 10);
}

export function isoInstant(instant: number): string {
  return new Date(instant).toISOString();
}

/** The working days from `from` to `to` (both inclusive, city dates), in order. */
export function workingDaysIn(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00.000Z`), end = Date.parse(`${to}T00:00:00.000Z`); t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (isWorkingDay(date)) days.push(date);
  }
  return days;
}

/** The date itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}
