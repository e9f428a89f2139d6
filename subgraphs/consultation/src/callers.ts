import { ForbiddenError, UnauthenticatedError, isOfficer, type Claims } from '@govgraph/kit';

/** The applicant the caller acts as: UNAUTHENTICATED without a sign-in, FORBIDDEN for an account acting for nobody. */
export function requireActingApplicant(claims: Claims | null, what: string): { applicantId: string; personId: string | null } {
  if (!claims) throw new UnauthenticatedError();
  if (!claims.applicantId) throw new ForbiddenError(`Only an applicant may ${what}`);
  return { applicantId: claims.applicantId, personId: claims.personId };
}

/** An officer and their department: UNAUTHENTICATED without a sign-in, FORBIDDEN for anyone else. */
export function requireOfficer(claims: Claims | null, what: string): { accountId: string; department: string } {
  if (!claims) throw new UnauthenticatedError();
  if (!isOfficer(claims) || !claims.department) throw new ForbiddenError(`Only an officer may ${what}`);
  return { accountId: claims.accountId, department: claims.department };
}
