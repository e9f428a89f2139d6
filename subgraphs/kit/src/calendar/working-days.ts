/**
 * The official working-day calendar that case deadlines are counted in (docs/domain.md, "Time limits").
 *
 * A day is a working day when it is Monday–Friday and not an official day off, or when it is a
 * weekend day that the State Council made a make-up working day (调休上班). The days come from
 * cn-holidays.json, one entry per year, each citing its notice (docs/working-days.md).
 *
 * Outside the covered years only weekends are skipped: we know no holidays there and refuse to
 * guess them, but a deadline must still be computable, so these functions never throw for a
 * well-formed date in an uncovered year.
 *
 * Dates are city dates as `YYYY-MM-DD`. They are turned into whole days since 1970-01-01 (the UTC
 * day count), so no time zone or daylight-saving rule can shift a date.
 */
import holidayFile from './cn-holidays.json' with { type: 'json' };

interface CalendarYear {
  provisional: boolean;
  holidays: Record<string, string[]>;
  makeUpWorkingDays: string[];
}

const calendarFile: { years: Record<string, CalendarYear> } = holidayFile;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The day number of a `YYYY-MM-DD` date; a TypeError for anything else, e.g. `2026-02-30`. */
function toDayNumber(date: string): number {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) throw new TypeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new TypeError(`Not a calendar date: ${date}`);
  }
  return daysFromCivil(year, month, day);
}

/** Back from a day number to `YYYY-MM-DD`; Date is safe here because the number is already UTC. */
function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function isWeekend(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

// Precomputed once: these functions run for every seeded case at startup.
const daysOff = new Set<number>();
const makeUpWorkingDays = new Set<number>();

for (const [year, calendar] of Object.entries(calendarFile.years)) {
  const inYear = (date: string): number => {
    if (!date.startsWith(`${year}-`)) throw new Error(`cn-holidays.json: ${date} is filed under ${year}`);
    return toDayNumber(date);
  };
  for (const dates of Object.values(calendar.holidays)) for (const date of dates) daysOff.add(inYear(date));
  for (const date of calendar.makeUpWorkingDays) {
    const dayNumber = inYear(date);
    // A make-up day is by definition a weekend day that is not off; anything else is a typo.
    if (!isWeekend(dayNumber) || daysOff.has(dayNumber)) {
      throw new Error(`cn-holidays.json: make-up working day ${date} is not a weekend day outside the holidays`);
    }
    makeUpWorkingDays.add(dayNumber);
  }
}

/** The years cn-holidays.json has, ascending. */
export const CALENDAR_YEARS: readonly number[] = Object.freeze(
  Object.keys(calendarFile.years)
    .map(Number)
    .sort((a, b) => a - b),
);

/**
 * Covered years whose State Council notice was not yet published: they hold only the statutory
 * holidays the law fixes, without the notice's extra days off and make-up working days.
 */
export const PROVISIONAL_YEARS: readonly number[] = Object.freeze(CALENDAR_YEARS.filter((year) => calendarFile.years[String(year)]?.provisional === true));

/** Whether the calendar knows the holidays of this date's year (outside: weekends only). */
export function calendarCovers(date: string): boolean {
  toDayNumber(date);
  return CALENDAR_YEARS.includes(Number(date.slice(0, 4)));
}

function isWorkingDayNumber(dayNumber: number): boolean {
  if (isWeekend(dayNumber)) return makeUpWorkingDays.has(dayNumber);
  return !daysOff.has(dayNumber);
}

/** Mon–Fri unless an official day off; Sat/Sun only when a make-up working day. */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/**
 * The date that is `days` working days after `start`. The start itself is not counted, so a
 * Friday + 1 is the next working day (a Monday, unless that is a holiday); 0 returns `start`.
 */
export function addWorkingDays(start: string, days: number): string {
  let dayNumber = toDayNumber(start);
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`Expected a whole, non-negative number of working days, got ${days}`);
  }
  for (let remaining = days; remaining > 0; ) {
    dayNumber += 1;
    if (isWorkingDayNumber(dayNumber)) remaining -= 1;
  }
  return days === 0 ? start : fromDayNumber(dayNumber);
}

/** How many working days d satisfy fromExclusive < d <= toInclusive (0 when to <= from). */
export function workingDaysBetween(fromExclusive: string, toInclusive: string): number {
  const from = toDayNumber(fromExclusive);
  const to = toDayNumber(toInclusive);
  let count = 0;
  for (let dayNumber = from + 1; dayNumber <= to; dayNumber += 1) {
    if (isWorkingDayNumber(dayNumber)) count += 1;
  }
  return count;
}
