import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '@govgraph/kit';
import type { ConsultationTables } from '../database.js';
import { ID_ATTEMPTS, nextId } from '../ids.js';
import type { ConsultationComplaintOutcome } from './complaint.enums.js';
import type { ConsultationComplaint } from './complaint.type.js';

export type ComplaintRow = Selectable<ConsultationTables['consultation_complaint']>;

export class ComplaintRepository {
  constructor(private readonly db: Kysely<ConsultationTables>) {}

  async byIds(ids: readonly string[]): Promise<ConsultationComplaint[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('consultation_complaint')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toComplaint);
  }

  /** Every complaint of these applicants, newest first, in one query (a DataLoader batch). */
  async ofApplicants(applicantIds: readonly string[]): Promise<ConsultationComplaint[]> {
    if (applicantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('consultation_complaint')
      .selectAll()
      .where('applicant_id', 'in', [...applicantIds])
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toComplaint);
  }

  /** Files a complaint under the next free id, in its own transaction. */
  async insert(complaint: { applicantId: string; submittedBy: string | null; departmentCode: string; matterCode: string | null; subject: string; receivedAt: string }) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const highest = await trx
            .selectFrom('consultation_complaint')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst();
          const row: ComplaintRow = {
            id: nextId('CC', highest?.id),
            applicant_id: complaint.applicantId,
            submitted_by: complaint.submittedBy,
            department_code: complaint.departmentCode,
            matter_code: complaint.matterCode,
            subject: complaint.subject,
            received_at: complaint.receivedAt,
            coordinated: 0,
            coordination_note: null,
            outcome: null,
            closed_at: null,
            rating: null,
            rated_at: null,
          };
          await trx.insertInto('consultation_complaint').values(row).execute();
          return toComplaint(row);
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < ID_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** Closes an open complaint, in one transaction; null when it was closed meanwhile. */
  async close(id: string, close: { outcome: ConsultationComplaintOutcome; coordinated: boolean; note: string | null; closedAt: string }): Promise<ConsultationComplaint | null> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('consultation_complaint')
        .set({ outcome: close.outcome, coordinated: close.coordinated ? 1 : 0, coordination_note: close.note, closed_at: close.closedAt })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return toComplaint(await trx.selectFrom('consultation_complaint').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** Rates a closed, unrated complaint, in one transaction; null when it is not closed or already rated. */
  async rate(id: string, rating: number, ratedAt: string): Promise<ConsultationComplaint | null> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('consultation_complaint')
        .set({ rating, rated_at: ratedAt })
        .where('id', '=', id)
        .where('closed_at', 'is not', null)
        .where('rating', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return toComplaint(await trx.selectFrom('consultation_complaint').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }
}

export function toComplaint(row: ComplaintRow): ConsultationComplaint {
  return {
    id: row.id,
    department: { code: row.department_code },
    matter: row.matter_code === null ? null : { code: row.matter_code },
    subject: row.subject,
    receivedAt: row.received_at,
    coordinated: Number(row.coordinated) === 1,
    outcome: row.outcome as ConsultationComplaintOutcome | null,
    closedAt: row.closed_at,
    rating: row.rating === null ? null : Number(row.rating),
    applicantId: row.applicant_id,
    departmentCode: row.department_code,
  };
}
