import { BadUserInputError, grantOpensFullValues, isGrantReference, openCaseGrant } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';

/** Who a licence is issued to, and for which case. */
export interface IssueTarget {
  holderId: string;
  caseId: string | undefined;
}

/**
 * An officer knows a case's applicant only as the case grant the case system handed them (never a
 * bare P-/E- id); issuing the case's licence names the holder by that grant. It must be this
 * officer's, of their department, a review grant (a list grant opens nothing), still valid, and
 * for the case named — which it names itself when caseId is left out. A bare id is taken as it is
 * (an officer issuing outside a case, or a client that knows the id); requireApprovedCase then
 * checks the case either way.
 */
export function issueTarget(ctx: LicencesContext, holderId: string, caseId: string | undefined): IssueTarget {
  if (!isGrantReference(holderId)) return { holderId, caseId };
  const grant = openCaseGrant(ctx.services.trust, holderId);
  const claims = ctx.claims;
  const usable = grant && claims && claims.accountId === grant.accountId && claims.department === grant.department && grantOpensFullValues(grant);
  if (!grant || !usable) {
    throw new BadUserInputError('input.holderId is a case grant that is not valid here (another officer’s, expired, or a list grant): open the case again', 'input.holderId');
  }
  if (caseId && caseId !== grant.caseId) throw new BadUserInputError('input.holderId is the applicant of another case than input.caseId', 'input.holderId');
  return { holderId: grant.applicantId, caseId: grant.caseId };
}
