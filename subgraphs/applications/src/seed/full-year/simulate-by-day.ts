import { seededRandom } from '@govgraph/kit';
import type { SeedCase } from '../seed-case.js';
import { YearSimulator } from '../simulated-year.js';
import { dayShare, type YearPlan } from './year-plan.js';

export interface DayOfCases {
  /** City date (YYYY-MM-DD), a working day of the year. */
  date: string;
  cases: SeedCase[];
}

/**
 * A year's cases one working day at a time, in calendar order, from the pieces simulateYear draws
 * from: every day takes its even share of each channel's cases, and of their instant ones, so the
 * year's totals are exact whatever the scale (a running total rounded per day). Only one day is
 * held at a time: a full year (8.5 million cases) streams in about 250 chunks of some 34,000.
 */
export function* simulateYearByDay(plan: YearPlan, seed = plan.year): Generator<DayOfCases> {
  const random = seededRandom(seed);
  const simulator = new YearSimulator(plan.year, random);
  const days = simulator.submissionDays.length;
  for (let day = 0; day < days; day++) {
    const cases: SeedCase[] = [];
    const onDay = () => day;
    const draw = (count: number, instant: boolean, window: boolean) => {
      for (let i = 0; i < count; i++) cases.push(simulator.caseOn(instant, window, onDay));
    };
    const online = dayShare(plan.online, day, days);
    const hall = dayShare(plan.hall, day, days);
    draw(online.instant, true, false);
    draw(online.cases - online.instant, false, false);
    draw(hall.instant, true, true);
    draw(hall.cases - hall.instant, false, true);
    yield { date: simulator.submissionDays[day]!, cases };
  }
}
