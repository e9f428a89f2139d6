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
 * A consultation the caller may read, or null (an unknown id and someone else's consultation look
 * the same); an officer's read is logged for the asker first.
 */
export async function visibleConsultation(ctx: ConsultationContext, id: unknown): Promise<Consultation | null> {
  if (typeof id !== 'string' || id.length > 32) return null;
  const consultation = await ctx.loaders.consultationById.load(id);
  if (!consultation || !mayRead(ctx.claims, consultation)) return null;
  await recordOfficerReads(ctx, [consultation]);
  return consultation;
}

/** What an officer read of an applicant's record, as their data-access log names it. */
export interface ReadOf {
  /** e.g. 答复咨询; the record's id follows. */
  purpose: string;
  fields: string[];
}

export const CONSULTATION_READ: ReadOf = { purpose: '答复咨询', fields: ['consultation.answer', 'consultation.question'] };
export const COMPLAINT_READ: ReadOf = { purpose: '协调投诉', fields: ['consultation.complaint'] };

/**
 * Writes an officer's reads of applicants' records (a consultation's question and answer, a
 * complaint's subject: the applicant's words) to each applicant's data-access log before they
 * leave. Anonymous desk and hotline consultations name nobody and are not logged; neither is an
 * applicant reading their own.
 */
export async function recordOfficerReads(
  ctx: ConsultationContext,
  records: ReadonlyArray<{ id: string; applicantId: string | null }>,
  what: ReadOf = CONSULTATION_READ,
): Promise<void> {
  const claims = ctx.claims;
  if (!claims || !isOfficer(claims)) return;
  const read = records.filter((r): r is { id: string; applicantId: string } => r.applicantId !== null && r.applicantId !== claims.applicantId);
  if (read.length === 0) return;
  const at = ctx.services.clock().toISOString();
  const publish = ctx.services.publishAccess;
  if (publish) {
    await Promise.all(
      read.map((record) => {
        const event: DataAccessEvent = {
          applicantId: record.applicantId,
          at,
          accessorAccountId: claims.accountId,
          departmentCode: claims.department,
          purpose: `${what.purpose} ${record.id}`,
          caseId: null,
          fields: what.fields,
        };
        return publish(event);
      }),
    );
  }
  ctx.log.info({ records: read.map((r) => r.id), logged: publish !== null }, 'officer read applicants’ records');
}
