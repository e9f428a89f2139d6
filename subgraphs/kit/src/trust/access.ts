import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Claims } from './claims.js';

/** The caller acts as this applicant (themself, or an enterprise they represent). */
export function actsAs(claims: Claims | null, applicantId: string): boolean {
  // Never by two missing values alike: a caller acting as nobody against a crafted representation without an id.
  return typeof claims?.applicantId === 'string' && claims.applicantId.length > 0 && claims.applicantId === applicantId;
}

/**
 * Personal data is the applicant's own: anyone else is refused with FORBIDDEN, an anonymous
 * caller with UNAUTHENTICATED. `what` finishes the sentence "Only the applicant may …".
 */
export function requireApplicant(claims: Claims | null, applicantId: string, what: string): void {
  if (!claims) throw new UnauthenticatedError();
  if (!actsAs(claims, applicantId)) throw new ForbiddenError(`Only the applicant may ${what}`);
}
