import { BadUserInputError, CITY_DEPARTMENTS, cityDate, type EntityReference } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { AnnualReport } from './annual-report.type.js';

export const ANNUAL_REPORT_FIRST_YEAR = 2000;
const DEPARTMENT_CODES = new Set(CITY_DEPARTMENTS.map((d) => d.code));

/** A report's key as any caller could craft it: a department of the hall and a year from 2000 to the city's current year. */
export function checkAnnualReportKey(ref: { departmentCode?: unknown; year?: unknown }, now: Date): { departmentCode: string; year: number } {
  const { departmentCode, year } = ref;
  if (typeof departmentCode !== 'string' || !DEPARTMENT_CODES.has(departmentCode)) {
    throw new BadUserInputError('departmentCode is not a department of the city', 'departmentCode');
  }
  const currentYear = Number(cityDate(now).slice(0, 4));
  if (typeof year !== 'number' || !Number.isInteger(year) || year < ANNUAL_REPORT_FIRST_YEAR || year > currentYear) {
    throw new BadUserInputError(`year must be from ${ANNUAL_REPORT_FIRST_YEAR} to ${currentYear}`, 'year');
  }
  return { departmentCode, year };
}

/**
 * Public aggregates, no personal data: any caller may have them, but only for a real key, so a
 * crafted `_entities` call gets no figures for nonsense. One computation per year per request
 * (`ctx.loaders.caseOverviewByYear`), however many departments' reports the plan hands over.
 */
export const annualReportReference: EntityReference<{ departmentCode: string; year: number }, ApplicationsContext, AnnualReport> = {
  async __resolveReference(ref, ctx) {
    const key = checkAnnualReportKey(ref, ctx.services.clock());
    return { ...key, caseOverview: await ctx.loaders.caseOverviewByYear.load(key.year) };
  },
};
