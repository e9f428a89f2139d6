import { ANNUAL_REPORT_FIRST_YEAR, BadUserInputError, NotFoundError, isAnnualReportYear, isCityDepartment } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import type { ReportKey } from './report.type.js';

/** A calendar year from 2000 to the current city year, else BAD_USER_INPUT on `field`. */
export function checkYear(ctx: DisclosureContext, year: unknown, field = 'year'): number {
  const now = ctx.services.clock();
  if (!isAnnualReportYear(year, now)) throw new BadUserInputError(`${field} must be from ${ANNUAL_REPORT_FIRST_YEAR} to ${ctx.services.today().slice(0, 4)}`, field);
  return year;
}

/**
 * Which report: the year (BAD_USER_INPUT outside 2000..this year) and a department of the city
 * (NOT_FOUND otherwise). Query.annualReport and the reference resolver check the same way, so a
 * crafted `_entities` call gets no figures for a key the query would refuse.
 */
export function checkReportKey(ctx: DisclosureContext, departmentCode: unknown, year: unknown): ReportKey {
  checkYear(ctx, year);
  if (typeof departmentCode !== 'string' || departmentCode.length > 32) throw new BadUserInputError('departmentCode must be a department code', 'departmentCode');
  if (!isCityDepartment(departmentCode)) throw new NotFoundError('Department', departmentCode);
  return { departmentCode, year: year as number };
}
