import { DEPARTMENTS, isOfficer, type Claims, type DataAccessEvent } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import type { Consultation } from './consultation.type.js';

/** The hall office (市政务服务数据管理局): it answers for any department and coordinates complaints. */
export const HALL_OFFICE_CODE = DEPARTMENTS.dataAdministration.code;

/** An officer of this department (an officer's claims name their department's credit code). */
export function isOfficerOf(claims: Claims | null, departmentCode: string): boolean {
  return isOfficer(claims) && claims!.department === departmentCode;
}

/** The asker, or an officer of the department asked; to anyone else it does not exist. */
export function mayRead(claims: Claims | null, consultation: Consultation): boolean {
  if (consultation.applicantId !== null && claims?.applicantId === consultation.applicantId) return true;
  return isOfficerOf(claims, consultation.departmentCode);
}

/** An officer of the department asked, or of the hall office, which answers for every department. */
export function mayAnswer(claims: Claims | null, consultation: Consultation): boolean {
  return isOfficerOf(claims, consultation.departmentCode) || isOfficerOf(claims, HALL_OFFICE_CODE);
}

/**
 * Writes an officer's reads of applicants' consultations (the question and answer are the
 * applicant's words) to each applicant's data-access log before they leave. Anonymous desk and
 * hotline consultations name nobody and are not logged; neither is an applicant reading their own.
 */
export async function recordOfficerReads(ctx: ConsultationContext, consultations: readonly Consultation[]): Promise<void> {
  const claims = ctx.claims;
  if (!claims || !isOfficer(claims)) return;
  const read = consultations.filter((c) => c.applicantId !== null && c.applicantId !== claims.applicantId);
  if (read.length === 0) return;
  const at = ctx.services.clock().toISOString();
  for (const consultation of read) {
    const event: DataAccessEvent = {
      applicantId: consultation.applicantId!,
      at,
      accessorAccountId: claims.accountId,
      departmentCode: claims.department,
      purpose: `答复咨询 ${consultation.id}`,
      caseId: null,
      fields: ['consultation.answer', 'consultation.question'],
    };
    if (ctx.services.publishAccess) await ctx.services.publishAccess(event);
  }
  ctx.log.info({ consultations: read.map((c) => c.id), logged: ctx.services.publishAccess !== null }, 'officer read consultations');
}
