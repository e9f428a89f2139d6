import { workingDaysBetween } from '@govgraph/kit';
import type { HallStatisticsRepository } from '../statistics/hall-statistics.repository.js';
import { rate } from '../statistics/hall-statistics.resolver.js';
import type { CaseAnnualOverview } from './annual-report.type.js';

/** The hall's cases of a year, every department, from hallStatistics' two aggregate queries. */
export async function caseOverview(statistics: Pick<HallStatisticsRepository, 'countsForYear'>, year: number): Promise<CaseAnnualOverview> {
  const { totals } = await statistics.countsForYear(year);
  const hallCases = totals.submitted - totals.submittedOnline;
  const workingDays = workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
  return {
    casesSubmitted: totals.submitted,
    onlineCases: totals.submittedOnline,
    hallCases,
    workingDays,
    hallDailyAverage: workingDays === 0 ? 0 : Math.round(hallCases / workingDays),
    instantCases: totals.instant,
    instantRate: rate(totals.instant, totals.submitted),
    onTimeRate: rate(totals.onTime, totals.decided),
    onlineApplicationRate: rate(totals.submittedOnline, totals.submitted),
    onlineCompletionRate: rate(totals.completedOnline, totals.completed),
    casesCompleted: totals.completed,
  };
}
