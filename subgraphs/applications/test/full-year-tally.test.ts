import { describe, expect, it } from 'vitest';
import { TallyBook } from '../src/statistics/case-tally.js';
import { toRows, type SeedCase } from '../src/seed/seed-case.js';
import { simulateYearByDay } from '../src/seed/full-year/simulate-by-day.js';
import { planYear } from '../src/seed/full-year/year-plan.js';
import { YearTally } from '../src/seed/full-year/year-tally.js';

const sorted = <T>(map: Map<string, T>) => [...map.values()].map((row) => JSON.stringify(row)).sort();
const asRows = (book: TallyBook) => ({ days: sorted(book.days), years: sorted(book.years), statuses: sorted(book.statuses), applicants: sorted(book.applicants) });

/** A withdrawn case, and one that was asked for a correction and resumed: histories the simulated year lacks. */
function unusualCases(template: SeedCase): SeedCase[] {
  const at = template.submittedAt;
  const entry = (minutes: number, status: string) => ({ at: at + minutes * 60_000, status, actor: 'x', note: null });
  return [
    { ...template, status: 'WITHDRAWN', onTime: null, history: [entry(0, 'SUBMITTED'), entry(5, 'WITHDRAWN')] },
    {
      ...template,
      channel: 'WINDOW',
      onTime: 0,
      history: [
        entry(0, 'SUBMITTED'),
        entry(10, 'CORRECTION_REQUESTED'),
        entry(60 * 24 * 3, 'SUBMITTED'),
        entry(60 * 24 * 4, 'ACCEPTED'),
        entry(60 * 24 * 40, 'APPROVED'),
        entry(60 * 24 * 40 + 5, 'COMPLETED'),
      ],
    },
  ];
}

describe('the full year’s counters (YearTally)', () => {
  it('are the ones TallyBook gathers through toRows, whether taken once or in parts', () => {
    const plan = planYear({ year: 2017, scale: 0.002 });
    const reference = new TallyBook();
    const once = new YearTally();
    const inParts = new YearTally();
    const parts = new TallyBook();
    const merge = (into: TallyBook, book: TallyBook) => {
      const add = <T extends { cases: number }>(map: Map<string, T>, from: Map<string, T>) => {
        for (const [key, row] of from) {
          const existing = map.get(key) as Record<string, number> | undefined;
          if (!existing) map.set(key, { ...row });
          else for (const [column, value] of Object.entries(row)) if (typeof value === 'number' && column !== 'year') existing[column] = existing[column]! + value;
        }
      };
      add(into.days, book.days);
      add(into.years, book.years);
      add(into.statuses, book.statuses);
      add(into.applicants, book.applicants);
    };
    let counters: ReadonlyMap<number, number> = new Map();
    let day = 0;
    let unusual: SeedCase[] = [];
    for (const { cases } of simulateYearByDay(plan)) {
      if (unusual.length === 0) unusual = unusualCases(cases[0]!);
      const all = day === 10 ? [...cases, ...unusual] : cases;
      counters = toRows(all, counters, reference).counters;
      for (const c of all) {
        once.add(c);
        inParts.add(c);
      }
      if (++day % 30 === 0) merge(parts, inParts.take());
    }
    merge(parts, inParts.take());
    const expected = asRows(reference);
    expect(expected.days.length).toBeGreaterThan(10_000);
    expect(expected.days.some((row) => row.includes('"event":"RESUMED"'))).toBe(true);
    expect(asRows(once.take())).toEqual(expected);
    expect(asRows(parts)).toEqual(expected);
  });
});
