import { describe, expect, it } from 'vitest';
import holidayFile from '../src/calendar/cn-holidays.json' with { type: 'json' };
import { CALENDAR_YEARS, PROVISIONAL_YEARS, addWorkingDays, calendarCovers, isWorkingDay, workingDaysBetween } from '../src/calendar/working-days.js';

/** Every date from `from` to `to`, both included. */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

describe('the holiday file', () => {
  it('covers 2017 and 2025–2027, citing the State Council notice for each published year', () => {
    expect(CALENDAR_YEARS).toEqual([2017, 2025, 2026, 2027]);
    const years: Record<string, { provisional: boolean; source: { title: string; documentNumber: string; publishedOn: string } }> = holidayFile.years;
    expect(years['2025']?.source).toMatchObject({ documentNumber: '国办发明电〔2024〕12号', publishedOn: '2024-11-12' });
    expect(years['2026']?.source).toMatchObject({ documentNumber: '国办发明电〔2025〕7号', publishedOn: '2025-11-04' });
    expect(years['2017']?.source).toMatchObject({ documentNumber: '国办发明电〔2016〕14号', publishedOn: '2016-12-01' });
    for (const year of ['2017', '2025', '2026']) {
      expect(years[year]?.provisional).toBe(false);
      expect(years[year]?.source.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
    }
  });

  it('counts 249 working days in 2017, as the hall report’s 4,921 hall cases a day (1,225,224 in all) implies', () => {
    expect(workingDaysBetween('2016-12-31', '2017-12-31')).toBe(249);
    expect(isWorkingDay('2017-01-22')).toBe(true); // a Sunday worked before the Spring Festival
    expect(isWorkingDay('2017-10-06')).toBe(false); // a Friday inside the National Day week
  });

  it('marks 2027 provisional: the statutory days only, make-up days pending the notice', () => {
    expect(PROVISIONAL_YEARS).toEqual([2027]);
    expect(holidayFile.years['2027'].makeUpWorkingDays).toEqual([]);
    // 除夕 and 正月初一–初三 (2027-02-05..08), 清明 04-05, 端午 06-09, 中秋 09-15.
    for (const date of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01']) {
      expect(isWorkingDay(date), date).toBe(false);
    }
    expect(isWorkingDay('2027-02-09')).toBe(true); // 初四: off only if the notice grants it
  });
});

describe('isWorkingDay', () => {
  it('keeps ordinary weekdays and weekends', () => {
    expect(isWorkingDay('2026-11-26')).toBe(true); // a Thursday
    expect(isWorkingDay('2026-11-28')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // a Sunday
  });

  it('takes the whole Spring Festival 2026 block off and works its two make-up Saturdays', () => {
    for (const date of datesFrom('2026-02-15', '2026-02-23')) expect(isWorkingDay(date), date).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('takes National Day and Mid-Autumn 2025 off together and works 28 Sep and 11 Oct', () => {
    for (const date of datesFrom('2025-10-01', '2025-10-08')) expect(isWorkingDay(date), date).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });

  it('follows the 2025 rules: one day for New Year, five for Labour Day with 27 Apr worked', () => {
    expect(isWorkingDay('2025-01-01')).toBe(false);
    expect(isWorkingDay('2025-01-02')).toBe(true);
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday before Spring Festival
    for (const date of datesFrom('2025-05-01', '2025-05-05')) expect(isWorkingDay(date), date).toBe(false);
    expect(isWorkingDay('2025-04-27')).toBe(true);
  });

  it('has no weekday off that is missing from the 2026 notice (33 days off, 6 make-up days)', () => {
    const offWeekdays = datesFrom('2026-01-01', '2026-12-31').filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6 && !isWorkingDay(date);
    });
    expect(offWeekdays).toHaveLength(19);
    const workingWeekends = datesFrom('2026-01-01', '2026-12-31').filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return (weekday === 0 || weekday === 6) && isWorkingDay(date);
    });
    expect(workingWeekends).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});

describe('addWorkingDays', () => {
  it('returns the start for 0 and does not count the start itself', () => {
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday + 1 = Monday
    expect(addWorkingDays('2026-11-26', 1)).toBe('2026-11-27');
  });

  it('lands on a make-up Saturday and jumps the Spring Festival block', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('counts a 20-working-day decision across the 2025 National Day week', () => {
    // Naively 20 weekdays after Fri 26 Sep is 24 Oct; the holiday pushes it, the make-up days pull it back.
    expect(addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts fromExclusive < d <= toInclusive across a holiday', () => {
    // 14 Feb (make-up), 24–27 Feb, 28 Feb (make-up).
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysBetween('2025-09-26', '2025-10-30')).toBe(20);
  });

  it('is 0 when to is not after from', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-05', '2026-03-02')).toBe(0);
  });

  it('agrees with addWorkingDays', () => {
    for (const start of ['2025-01-20', '2025-09-19', '2026-02-10', '2026-09-18', '2026-12-28']) {
      for (const days of [1, 5, 20, 45]) expect(workingDaysBetween(start, addWorkingDays(start, days))).toBe(days);
    }
  });
});

describe('outside the covered years', () => {
  it('skips weekends only and never throws', () => {
    expect(calendarCovers('2024-10-01')).toBe(false);
    expect(calendarCovers('2028-01-03')).toBe(false);
    expect(calendarCovers('2026-10-01')).toBe(true);
    expect(isWorkingDay('2024-10-01')).toBe(true); // a holiday in fact, but 2024 is not in the file
    expect(isWorkingDay('2028-01-01')).toBe(false); // a Saturday
    expect(addWorkingDays('2028-01-07', 1)).toBe('2028-01-10');
    expect(workingDaysBetween('2023-12-31', '2024-01-31')).toBe(23);
  });

  it('picks up the holidays again when a count crosses into a covered year', () => {
    expect(addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
  });
});

describe('bad input', () => {
  it('throws a TypeError for malformed or impossible dates', () => {
    for (const bad of ['', '2026-2-1', '2026/02/01', '20260201', '2026-13-01', '2026-02-30', '2026-02-29', '2026-02-01T00:00:00Z']) {
      expect(() => isWorkingDay(bad), bad).toThrow(TypeError);
    }
    expect(() => addWorkingDays('tomorrow', 1)).toThrow(TypeError);
    expect(() => workingDaysBetween('2026-01-01', '2026-1-31')).toThrow(TypeError);
    expect(() => calendarCovers('2026-00-10')).toThrow(TypeError);
    expect(() => isWorkingDay(undefined as unknown as string)).toThrow(TypeError);
  });

  it('accepts a real leap day', () => {
    expect(isWorkingDay('2028-02-29')).toBe(true); // a Tuesday
  });
});
