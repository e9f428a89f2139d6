import { ForbiddenError, NotFoundError, UnauthenticatedError, isOfficer, type Claims, type DataAccessEvent } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import type { RequestRecord } from './request.type.js';

type Reader = 'requester' | 'officer';

/** The requester, or an officer of the department asked; anyone else does not see the request at all. */
function readerOf(claims: Claims, record: RequestRecord): Reader | null {
  if (claims.applicantId === record.requesterId) return 'requester';
  if (isOfficer(claims) && claims.department === record.departmentCode) return 'officer';
  return null;
}

/**
 * Writes an officer's read of requests to each requester's data-access log (identity), before
 * the requests leave: a request's description is the requester's own words about what they want.
 */
export async function recordOfficerReads(ctx: DisclosureContext, records: readonly RequestRecord[], purpose: string): Promise<void> {
  const at = ctx.services.clock().toISOString();
  // One event per request, published together: a page of 100 is not 100 round trips in a row.
  await Promise.all(
    records.map((record) => {
      const access: DataAccessEvent = {
        applicantId: record.requesterId,
        at,
        accessorAccountId: ctx.claims!.accountId,
        departmentCode: record.departmentCode,
        purpose: `${purpose} ${record.id}`,
        caseId: null,
        fields: ['disclosure.disclosureRequest'],
      };
      return ctx.services.reportAccess(access);
    }),
  );
  if (records.length > 0) ctx.log.info({ requests: records.length, department: ctx.claims!.department }, 'officer read disclosure requests');
}

/** 办理政府信息公开申请: what the requester reads in their data-access log. */
export const HANDLING_PURPOSE = '办理政府信息公开申请';

/**
 * A request the caller may see, or null (an unknown id and someone else's request look the same).
 * An anonymous caller is refused before anything is read, so the refusal says nothing of the id.
 * An officer's read is logged for the requester first.
 */
export async function visibleRequest(ctx: DisclosureContext, id: unknown): Promise<RequestRecord | null> {
  const claims = ctx.claims;
  if (!claims) throw new UnauthenticatedError();
  if (typeof id !== 'string' || id.length > 16) return null;
  const record = await ctx.loaders.requestById.load(id);
  if (!record) return null;
  const reader = readerOf(claims, record);
  if (reader === 'officer') await recordOfficerReads(ctx, [record], HANDLING_PURPOSE);
  return reader ? record : null;
}

/** The caller's department, when they are an officer of one; FORBIDDEN otherwise. */
export function officerDepartment(ctx: DisclosureContext, what: string): string {
  if (!ctx.claims) throw new UnauthenticatedError();
  if (!isOfficer(ctx.claims) || !ctx.claims.department) throw new ForbiddenError(`Only officers may ${what}`);
  return ctx.claims.department;
}

/**
 * A request an officer acts on: their own department's, else NOT_FOUND — the same answer as for
 * an id that does not exist, so another department's requests are not revealed.
 */
export async function requestOfOfficer(ctx: DisclosureContext, id: string, what: string): Promise<RequestRecord> {
  const department = officerDepartment(ctx, what);
  const record = await ctx.loaders.requestById.load(id);
  if (!record || record.departmentCode !== department) throw new NotFoundError('Disclosure request', id);
  return record;
}
