import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';

export interface DataAccessRecord {
  id: string;
  applicantId: string;
  at: string;
  accessorAccountId: string;
  accessorName: string;
  departmentCode: string | null;
  purpose: string;
  caseId: string | null;
  fields: string[];
}

function toRecord(row: IdentityTables['data_access']): DataAccessRecord {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    at: row.at,
    accessorAccountId: row.accessor_account_id,
    accessorName: row.accessor_name,
    departmentCode: row.department_code,
    purpose: row.purpose,
    caseId: row.case_id,
    fields: JSON.parse(row.fields) as string[],
  };
}

export class DataAccessRepository {
  constructor(private readonly db: Kysely<IdentityTables>) {}

  /** Records a read; with an id (from another department's event) a second delivery changes nothing. */
  async record(entry: Omit<DataAccessRecord, 'id'> & { id?: string }): Promise<void> {
    if (entry.id && (await this.db.selectFrom('data_access').select('id').where('id', '=', entry.id).executeTakeFirst())) return;
    await this.db
      .insertInto('data_access')
      .values(toRow(entry, entry.id ?? randomUUID()))
      .execute();
  }

  /** Reads by officers in one request (a queue of cases), in one statement. */
  async recordMany(entries: ReadonlyArray<Omit<DataAccessRecord, 'id'>>): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto('data_access')
      .values(entries.map((entry) => toRow(entry, randomUUID())))
      .execute();
  }

  async count(applicantId: string): Promise<number> {
    const row = await this.db.selectFrom('data_access').select(sql<number>`count(*)`.as('count')).where('applicant_id', '=', applicantId).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Newest first; the cursor is the (at, id) of the last entry seen. */
  async page(applicantId: string, first: number, after: { at: string; id: string } | undefined): Promise<DataAccessRecord[]> {
    let query = this.db.selectFrom('data_access').selectAll().where('applicant_id', '=', applicantId);
    if (after) {
      query = query.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(first).execute();
    return rows.map(toRecord);
  }
}

/** A read as its table row (fields as JSON text). */
function toRow(entry: Omit<DataAccessRecord, 'id'>, id: string) {
  return {
    id,
    applicant_id: entry.applicantId,
    at: entry.at,
    accessor_account_id: entry.accessorAccountId,
    accessor_name: entry.accessorName,
    department_code: entry.departmentCode,
    purpose: entry.purpose,
    case_id: entry.caseId,
    fields: JSON.stringify(entry.fields),
  };
}
