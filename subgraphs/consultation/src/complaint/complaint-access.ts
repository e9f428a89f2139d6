import type { Claims } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { COMPLAINT_READ, HALL_OFFICE_CODE, isOfficerOf, recordOfficerReads } from '../consultation/consultation-access.js';
import type { ConsultationComplaint } from './complaint.type.js';

/** The complainant, an officer of the department complained about, or of the hall office that coordinates. */
export function mayReadComplaint(claims: Claims | null, complaint: ConsultationComplaint): boolean {
  if (claims?.applicantId === complaint.applicantId) return true;
  return isOfficerOf(claims, complaint.departmentCode) || isOfficerOf(claims, HALL_OFFICE_CODE);
}

/** A complaint the caller may read, or null; an officer's read is logged for the complainant first. */
export async function visibleComplaint(ctx: ConsultationContext, id: unknown): Promise<ConsultationComplaint | null> {
  if (typeof id !== 'string' || id.length > 32) return null;
  const complaint = await ctx.loaders.complaintById.load(id);
  if (!complaint || !mayReadComplaint(ctx.claims, complaint)) return null;
  await recordOfficerReads(ctx, [complaint], COMPLAINT_READ);
  return complaint;
}
