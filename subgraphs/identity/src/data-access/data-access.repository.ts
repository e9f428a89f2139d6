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

  /**
   * Newest first; the cursor is the (at, id) of an entry. Forward, `limit` entries older than the
   * cursor, newest first; backward, the `limit` entries newer than it, oldest first (the caller
   * turns them back). Both seek data_access_applicant_at (applicant_id, at, id) with a row-value
   * comparison and walk it one way or the other.
   */
  async page(applicantId: string, limit: number, cursor: { at: string; id: string } | undefined, backward = false): Promise<DataAccessRecord[]> {
    let query = this.db.selectFrom('data_access').selectAll().where('applicant_id', '=', applicantId);
    if (cursor) query = query.where((eb) => eb(eb.refTuple('at', 'id'), backward ? '>' : '<', eb.tuple(cursor.at, cursor.id)));
    const order = backward ? 'asc' : 'desc';
    const rows = await query.orderBy('at', order).orderBy('id', order).limit(limit).execute();
    return rows.map(toRecord);
  }

  /**
   * Whether an entry is the cursor's or lies on its other side: newer for a forward page
   * (`hasPreviousPage`), older for a backward one (`hasNextPage`). One seek of the index, limit 1.
   */
  async reachesPast(applicantId: string, cursor: { at: string; id: string }, backward: boolean): Promise<boolean> {
    const row = await this.db
      .selectFrom('data_access')
      .select(sql<number>`1`.as('one'))
      .where('applicant_id', '=', applicantId)
      .where((eb) => eb(eb.refTuple('at', 'id'), backward ? '<=' : '>=', eb.tuple(cursor.at, cursor.id)))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
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
