import { BadUserInputError, DEPARTMENTS, checkText, isCityDepartment } from '@govgraph/kit';

/**
 * The department that runs this subgraph, as the hall names it: the service's `department`. The
 * government information disclosure office sits in the city's data administration (ZWSJ).
 */
export const DEPARTMENT_NAME = DEPARTMENTS.dataAdministration.name;

export { isCityDepartment };

/** A department code given as input: one of the city's, else BAD_USER_INPUT naming the field. */
export function checkDepartmentCode(code: string, field: string): string {
  checkText(code, field, { max: 32 });
  if (!isCityDepartment(code)) throw new BadUserInputError(`${field} is not a department of the city`, field);
  return code;
}

/**
 * Free text an applicant or officer writes: trimmed, then between min and max characters, so a
 * blank answer cannot pass as one.
 */
export function checkWords(value: string, field: string, min: number, max: number): string {
  checkText(value, field, { max: max + 64 });
  const trimmed = value.trim();
  if ([...trimmed].length < min) throw new BadUserInputError(`${field} must have at least ${min} characters`, field);
  return checkText(trimmed, field, { max });
}
