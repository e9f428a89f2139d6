import { cityDate } from '../city-time.js';
import { BadUserInputError } from '../errors.js';
import { isCityDepartment } from './departments.js';

/** The first year an annual report is asked for. */
export const ANNUAL_REPORT_FIRST_YEAR = 2000;

/** Whether a report may be asked for this year: a whole year from 2000 to the city's current one. */
export function isAnnualReportYear(year: unknown, now: Date): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= ANNUAL_REPORT_FIRST_YEAR && year <= Number(cityDate(now).slice(0, 4));
}

/**
 * An `AnnualReport` key as any caller could craft it, checked the same way in every department
 * that adds a section: a department of the city and a year from 2000 to the current one, else
 * BAD_USER_INPUT naming the field — so an `_entities` call gets no figures for nonsense.
 */
export function checkAnnualReportKey(ref: { departmentCode?: unknown; year?: unknown }, now: Date): { departmentCode: string; year: number } {
  const { departmentCode, year } = ref;
  if (!isCityDepartment(departmentCode)) throw new BadUserInputError('departmentCode is not a department of the city', 'departmentCode');
  if (!isAnnualReportYear(year, now)) {
    throw new BadUserInputError(`year must be from ${ANNUAL_REPORT_FIRST_YEAR} to ${cityDate(now).slice(0, 4)}`, 'year');
  }
  return { departmentCode, year };
}
