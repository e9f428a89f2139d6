import { UnauthenticatedError, isOfficer, mintCaseGrant, type CaseGrant } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { ApplicationRecord } from './application.record.js';

/** How long a grant handed to an officer with a case stays good: one review session. */
const GRANT_LIFETIME_MS = 10 * 60_000;

export type Reader = 'applicant' | 'officer';

/** The applicant, or an officer of the case's department; anyone else does not see the case at all. */
export function readerOf(ctx: ApplicationsContext, record: ApplicationRecord): Reader | null {
  const claims = ctx.claims;
  if (!claims) throw new UnauthenticatedError();
  if (claims.applicantId === record.applicantId) return 'applicant';
  if (isOfficer(claims) && claims.department === record.departmentCode) return 'officer';
  return null;
}

/**
 * What an officer gets instead of a bare id: a reference identity and licences open only for this
 * officer, this case and this purpose — and log in the applicant's data-access log.
 */
export function caseGrantFor(ctx: ApplicationsContext, record: ApplicationRecord, subjectId?: string): string {
  const grant: CaseGrant = {
    applicantId: record.applicantId,
    accountId: ctx.claims!.accountId,
    department: record.departmentCode,
    caseId: record.id,
    purpose: `审查办件 ${record.number}`,
    expiresAt: ctx.services.clock().getTime() + GRANT_LIFETIME_MS,
    ...(subjectId ? { subjectId } : {}),
  };
  return mintCaseGrant(ctx.services.keys, grant);
}

/** The applicant's id as this reader may pass it on to identity and licences. */
export function applicantReferenceFor(ctx: ApplicationsContext, record: ApplicationRecord): string {
  return readerOf(ctx, record) === 'officer' ? caseGrantFor(ctx, record) : record.applicantId;
}
