import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { HallStatistics } from './hall-statistics.type.js';

export const STATISTICS_YEARS = { min: 2000, max: 2100 } as const;

/** A share to four decimals; 0 when nothing to divide by. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

@Resolver(() => HallStatistics)
export class HallStatisticsResolver {
  @Query(() => HallStatistics, { description: 'The online hall’s figures for a calendar year, from its cases; public.' })
  async hallStatistics(@Arg('year', () => Int) year: number, @Ctx() ctx: ApplicationsContext): Promise<HallStatistics> {
    if (!Number.isInteger(year) || year < STATISTICS_YEARS.min || year > STATISTICS_YEARS.max) {
      throw new BadUserInputError(`year must be from ${STATISTICS_YEARS.min} to ${STATISTICS_YEARS.max}`, 'year');
    }
    const { totals, departments } = await ctx.services.statistics.countsForYear(year);
    return {
      year,
      applicationsSubmitted: totals.submitted,
      applicationsCompleted: totals.completed,
      instantRate: rate(totals.instant, totals.submitted),
      onTimeRate: rate(totals.onTime, totals.decided),
      onlineCompletionRate: rate(totals.completedOnline, totals.completed),
      byDepartment: departments.map((d) => ({
        department: { code: d.departmentCode },
        submitted: d.submitted,
        completed: d.completed,
        onTimeRate: rate(d.onTime, d.decided),
      })),
    };
  }
}
