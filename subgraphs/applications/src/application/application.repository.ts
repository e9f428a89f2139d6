import type { Kysely } from 'kysely';
import { keysetPage, type PageRequest } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import { documentCategoriesOf } from '../prefill/earlier-submissions.js';
import { toApplicationRecord, type ApplicationRecord } from './application.record.js';

export type FieldRow = ApplicationTables['application_field'];
export type MaterialRow = ApplicationTables['application_material'];
export type HistoryRow = ApplicationTables['application_event'];

export interface Page<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A field value the applicant entered in an earlier case, with that case's number, time and outcome. */
export interface EarlierField extends FieldRow {
  applicant_id: string;
  case_number: string;
  submitted_at: string;
  case_status: string;
}

/** A document the applicant gave in an earlier case, with the category of the requirement it was given for. */
export interface EarlierDocumentMaterial {
  applicant_id: string;
  application_id: string;
  case_number: string;
  requirement_code: string;
  evidence_id: string;
  submitted_at: string;
  /** From the case's form snapshot; null for cases submitted before the catalog declared categories. */
  document_category: string | null;
}

/** Reads of cases; each method serves a DataLoader batch or one list. */
export class ApplicationRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  async byIds(ids: readonly string[]): Promise<ApplicationRecord[]> {
    const rows = await this.db
      .selectFrom('application')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toApplicationRecord);
  }

  async byIdempotencyKey(applicantId: string, key: string): Promise<ApplicationRecord | null> {
    const row = await this.db.selectFrom('application').selectAll().where('applicant_id', '=', applicantId).where('idempotency_key', '=', key).executeTakeFirst();
    return row ? toApplicationRecord(row) : null;
  }

  fieldsOf(ids: readonly string[]): Promise<FieldRow[]> {
    return this.db
      .selectFrom('application_field')
      .selectAll()
      .where('application_id', 'in', [...ids])
      .orderBy('position')
      .execute();
  }

  materialsOf(ids: readonly string[]): Promise<MaterialRow[]> {
    return this.db
      .selectFrom('application_material')
      .selectAll()
      .where('application_id', 'in', [...ids])
      .orderBy('position')
      .execute();
  }

  historyOf(ids: readonly string[]): Promise<HistoryRow[]> {
    return this.db
      .selectFrom('application_event')
      .selectAll()
      .where('application_id', 'in', [...ids])
      .orderBy('seq')
      .execute();
  }

  /**
   * The applicant's cases, newest first; the count from the applicant's counter (applicant_case_count). The cursor is a (submitted_at, id); a forward page reads
   * below it descending, a backward one above it ascending (then turned back to newest first).
   */
  async ofApplicant(applicantId: string, page: PageRequest<{ at: string; id: string }>): Promise<Page<ApplicationRecord>> {
    const own = this.db.selectFrom('application').where('applicant_id', '=', applicantId);
    const totalCount = async () => {
      const row = await this.db.selectFrom('applicant_case_count').select('cases').where('applicant_id', '=', applicantId).executeTakeFirst();
      return Number(row?.cases ?? 0);
    };
    return keysetPage({ base: own, sortColumn: 'submitted_at', direction: 'desc', page, cursorKey: 'at', toRecord: toApplicationRecord, totalCount });
  }

  /**
   * A department's cases in the given states, earliest deadline first; the count from the
   * department's status counters (case_status_count), so a queue of completed cases costs the same in any year. The cursor is a (deadline, id);
   * a forward page reads above it ascending, a backward one below it descending (then turned back).
   */
  async queue(departmentCode: string, statuses: readonly string[], page: PageRequest<{ deadline: string; id: string }>): Promise<Page<ApplicationRecord>> {
    const base = this.db
      .selectFrom('application')
      .where('department_code', '=', departmentCode)
      .where('status', 'in', [...statuses]);
    const totalCount = async () => {
      const row = await this.db
        .selectFrom('case_status_count')
        .select((eb) => eb.fn.sum<number>('cases').as('cases'))
        .where('department_code', '=', departmentCode)
        .where('status', 'in', [...statuses])
        .executeTakeFirst();
      return Number(row?.cases ?? 0);
    };
    return keysetPage({ base, sortColumn: 'deadline', direction: 'asc', page, cursorKey: 'deadline', toRecord: toApplicationRecord, totalCount });
  }

  /** Values applicants entered themselves in earlier cases (not the ones other systems supplied). */
  earlierDeclaredFields(applicantIds: readonly string[]): Promise<EarlierField[]> {
    return this.db
      .selectFrom('application_field as f')
      .innerJoin('application as a', 'a.id', 'f.application_id')
      .selectAll('f')
      .select(['a.applicant_id', 'a.number as case_number', 'a.submitted_at', 'a.status as case_status'])
      .where('a.applicant_id', 'in', [...applicantIds])
      .where('f.provenance_system', '=', 'applications')
      .where('a.status', '!=', 'WITHDRAWN')
      .execute() as Promise<EarlierField[]>;
  }

  /** Documents applicants gave in earlier cases, newest case first, with the category each requirement had. */
  async earlierDocumentMaterials(applicantIds: readonly string[]): Promise<EarlierDocumentMaterial[]> {
    const rows = await this.db
      .selectFrom('application_material as m')
      .innerJoin('application as a', 'a.id', 'm.application_id')
      .select(['a.applicant_id', 'a.id as application_id', 'a.number as case_number', 'm.requirement_code', 'm.evidence_id', 'a.submitted_at'])
      .where('a.applicant_id', 'in', [...applicantIds])
      .where('m.evidence_kind', '=', 'Document')
      .orderBy('a.submitted_at', 'desc')
      .execute();
    const caseIds = [...new Set(rows.map((r) => r.application_id))];
    const snapshots = caseIds.length
      ? await this.db.selectFrom('application').select(['id', 'form_snapshot']).where('id', 'in', caseIds).where('form_snapshot', 'is not', null).execute()
      : [];
    const categories = new Map(snapshots.map((s) => [s.id, documentCategoriesOf(s.form_snapshot)] as const));
    return rows.map((r) => ({ ...r, document_category: categories.get(r.application_id)?.get(r.requirement_code) ?? null }));
  }
}
