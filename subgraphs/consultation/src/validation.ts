import { BadUserInputError, CITY_DEPARTMENTS, MATTER_CODE_RULE, checkText, cityDate } from '@govgraph/kit';

const DEPARTMENT_CODES = new Set(CITY_DEPARTMENTS.map((d) => d.code));

/** A department stationed in the hall, by its credit code; anything else is BAD_USER_INPUT naming the field. */
export function checkDepartmentCode(code: string, field: string): string {
  if (!isCityDepartment(code)) throw new BadUserInputError(`${field} is not a department of the hall`, field);
  return code;
}

export function isCityDepartment(code: unknown): code is string {
  return typeof code === 'string' && DEPARTMENT_CODES.has(code);
}

export function checkMatterCode(code: string | null | undefined, field: string): string | null {
  if (code === null || code === undefined) return null;
  return checkText(code, field, MATTER_CODE_RULE);
}

/** Trims, then checks the length: surrounding blanks do not count towards the minimum. */
export function checkTrimmed(value: string, field: string, min: number, max: number): string {
  return checkText(value.trim(), field, { min, max });
}

export function checkOptionalTrimmed(value: string | null | undefined, field: string, min: number, max: number): string | null {
  if (value === null || value === undefined) return null;
  return checkTrimmed(value, field, min, max);
}

/** The current city year: the last year a report can be asked for. */
export function currentCityYear(now: Date): number {
  return Number(cityDate(now).slice(0, 4));
}

export function isReportYear(year: unknown, now: Date): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= currentCityYear(now);
}
