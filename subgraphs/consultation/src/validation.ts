import { BadUserInputError, MATTER_CODE_RULE, checkText, isCityDepartment } from '@govgraph/kit';

/** A department stationed in the hall, by its credit code; anything else is BAD_USER_INPUT naming the field. */
export function checkDepartmentCode(code: string, field: string): string {
  if (!isCityDepartment(code)) throw new BadUserInputError(`${field} is not a department of the hall`, field);
  return code;
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
