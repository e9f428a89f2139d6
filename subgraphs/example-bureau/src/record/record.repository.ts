import type { Kysely, Selectable } from 'kysely';
import type { ExampleBureauTables } from '../database.js';
import type { ExampleBureauRecordStatus } from './record.enums.js';
import type { ExampleBureauRecord } from './record.type.js';

type RecordRow = Selectable<ExampleBureauTables['example_bureau_record']>;

export class RecordRepository {
  constructor(private readonly db: Kysely<ExampleBureauTables>) {}

  async byIds(ids: readonly string[]): Promise<ExampleBureauRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('example_bureau_record')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toRecord);
  }

  /** Every record of these applicants, newest first, in one query (a DataLoader batch). */
  async ofApplicants(applicantIds: readonly string[]): Promise<ExampleBureauRecord[]> {
    if (applicantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('example_bureau_record')
      .selectAll()
      .where('applicant_id', 'in', [...applicantIds])
      .orderBy('recorded_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  }
}

function toRecord(row: RecordRow): ExampleBureauRecord {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    title: row.title,
    status: row.status as ExampleBureauRecordStatus,
    recordedOn: row.recorded_on,
    department: row.department,
  };
}
