import type { Kysely } from 'kysely';
import type { ApplicationTables } from '../database.js';
import { toApplicationRecord, type ApplicationRecord } from './application.record.js';

export type FieldRow = ApplicationTables['application_field'];
export type MaterialRow = ApplicationTables['application_material'];
export type HistoryRow = ApplicationTables['application_event'];

export interface Page<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
}

/** A field value the applicant entered in an earlier case, with that case's outcome. */
export interface EarlierField extends FieldRow {
  applicant_id: string;
  case_status: string;
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

  /** The applicant's cases, newest first; `after` is the last (submitted_at, id) seen. */
  async ofApplicant(applicantId: string, first: number, after: { at: string; id: string } | null): Promise<Page<ApplicationRecord>> {
    let query = this.db.selectFrom('application').selectAll().where('applicant_id', '=', applicantId);
    // A row-value comparison, not `a < x or (a = x and id < y)`: see `queue`.
    if (after) query = query.where((eb) => eb(eb.refTuple('submitted_at', 'id'), '<', eb.tuple(after.at, after.id)));
    const [rows, count] = await Promise.all([
      query
        .orderBy('submitted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(first + 1)
        .execute(),
      this.db
        .selectFrom('application')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('applicant_id', '=', applicantId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.slice(0, first).map(toApplicationRecord), totalCount: Number(count.n), hasNextPage: rows.length > first };
  }

  /** A department's cases in the given states, earliest deadline first. */
  async queue(departmentCode: string, statuses: readonly string[], first: number, after: { deadline: string; id: string } | null): Promise<Page<ApplicationRecord>> {
    const base = this.db
      .selectFrom('application')
      .where('department_code', '=', departmentCode)
      .where('status', 'in', [...statuses]);
    let query = base.selectAll();
    // `(deadline, id) > (x, y)` lets SQLite and PostgreSQL seek the application_queue index to the
    // cursor; the equivalent `or` made both scan the department's cases from the first, so a late
    // page cost more the more history there was (docs/benchmarks.md, growth section).
    if (after) query = query.where((eb) => eb(eb.refTuple('deadline', 'id'), '>', eb.tuple(after.deadline, after.id)));
    const [rows, count] = await Promise.all([
      query
        .orderBy('deadline')
        .orderBy('id')
        .limit(first + 1)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.slice(0, first).map(toApplicationRecord), totalCount: Number(count.n), hasNextPage: rows.length > first };
  }

  /** Values applicants entered themselves in earlier cases (not the ones other systems supplied). */
  earlierDeclaredFields(applicantIds: readonly string[]): Promise<EarlierField[]> {
    return this.db
      .selectFrom('application_field as f')
      .innerJoin('application as a', 'a.id', 'f.application_id')
      .selectAll('f')
      .select(['a.applicant_id', 'a.status as case_status'])
      .where('a.applicant_id', 'in', [...applicantIds])
      .where('f.provenance_system', '=', 'applications')
      .where('a.status', '!=', 'WITHDRAWN')
      .execute() as Promise<EarlierField[]>;
  }

  /** Documents applicants gave in earlier cases, by requirement. */
  earlierDocumentMaterials(applicantIds: readonly string[]): Promise<Array<{ applicant_id: string; requirement_code: string; evidence_id: string; submitted_at: string }>> {
    return this.db
      .selectFrom('application_material as m')
      .innerJoin('application as a', 'a.id', 'm.application_id')
      .select(['a.applicant_id', 'm.requirement_code', 'm.evidence_id', 'a.submitted_at'])
      .where('a.applicant_id', 'in', [...applicantIds])
      .where('m.evidence_kind', '=', 'Document')
      .orderBy('a.submitted_at', 'desc')
      .execute();
  }
}
