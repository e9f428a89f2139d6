import { DATA_ACCESS_STREAM, UnauthenticatedError, isOfficer, mintCaseGrant, type CaseGrant, type DataAccessEvent } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { ApplicationRecord } from './application.record.js';
import { viewOf, type ViewedRecord } from './case-view.js';

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
 * officer, this case, this purpose and the view the case was fetched under (a list grant shows a
 * masked name and opens no licence) — and whose full reads they log in the applicant's log.
 */
export function caseGrantFor(ctx: ApplicationsContext, record: ViewedRecord, subjectId?: string): string {
  const view = viewOf(record);
  const grant: CaseGrant = {
    applicantId: record.applicantId,
    accountId: ctx.claims!.accountId,
    department: record.departmentCode,
    caseId: record.id,
    purpose: view.purpose,
    expiresAt: ctx.services.clock().getTime() + GRANT_LIFETIME_MS,
    scope: view.scope,
    ...(subjectId ? { subjectId } : {}),
  };
  return mintCaseGrant(ctx.services.keys, grant);
}

/** The applicant's id as this reader may pass it on to identity and licences. */
export function applicantReferenceFor(ctx: ApplicationsContext, record: ViewedRecord): string {
  return readerOf(ctx, record) === 'officer' ? caseGrantFor(ctx, record) : record.applicantId;
}

/**
 * Writes an officer's read of the case's own personal values (form values, material filenames) to
 * the applicant's data-access log — published before the values are returned, so nothing full
 * leaves unrecorded. `fields` name exactly what left, e.g. applications.field.idNumber.
 */
export async function recordOfficerRead(ctx: ApplicationsContext, record: ViewedRecord, fields: string[]): Promise<void> {
  if (fields.length === 0) return;
  const access: DataAccessEvent = {
    applicantId: record.applicantId,
    at: ctx.services.clock().toISOString(),
    accessorAccountId: ctx.claims!.accountId,
    departmentCode: record.departmentCode,
    purpose: viewOf(record).purpose,
    caseId: record.id,
    fields: [...new Set(fields)].sort(),
  };
  await ctx.services.bus.publish(DATA_ACCESS_STREAM, access);
  ctx.log.info({ caseId: record.id, applicantId: record.applicantId, fields: access.fields.length, scope: viewOf(record).scope }, 'officer read case values');
}
