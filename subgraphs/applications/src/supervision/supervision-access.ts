import { BadUserInputError, ForbiddenError, UnauthenticatedError, isCityDepartment, isOfficer, isSupervisor, type Claims } from '@govgraph/kit';

/**
 * Whose board a caller may see: a supervisor (an officer of the hall office holding the
 * supervisor role) any department's or all of them (null); any other officer their own
 * department's only; nobody else any. A department code that is not one of the city's is refused
 * before it is compared with anything.
 */
export function supervisedDepartment(claims: Claims | null, departmentCode: string | null | undefined): string | null {
  if (!claims) throw new UnauthenticatedError();
  if (!isOfficer(claims) || !claims.department) throw new ForbiddenError('Only officers see a supervision board');
  if (departmentCode != null && !isCityDepartment(departmentCode)) throw new BadUserInputError('departmentCode is not a city department', 'departmentCode');
  if (isSupervisor(claims)) return departmentCode ?? null;
  if (departmentCode !== claims.department) {
    throw new ForbiddenError('An officer sees the supervision board of their own department only; every department’s is the hall office supervisor’s');
  }
  return departmentCode;
}
