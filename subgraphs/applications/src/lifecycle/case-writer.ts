import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationTables } from '../database.js';
import { TallyBook, type TalliedCase } from '../statistics/case-tally.js';
import { writeTallies } from '../statistics/tally-store.js';
import type { CheckedField, CheckedMaterial } from '../submission/check-submission.js';

type Trx = Transaction<ApplicationTables> | Kysely<ApplicationTables>;
export type ApplicationRow = ApplicationTables['application'];

/** A case's facts the counters need, from its row. */
export function talliedCase(row: Pick<ApplicationRow, 'department_code' | 'matter_code' | 'channel' | 'case_type' | 'on_time'>): TalliedCase {
  return { departmentCode: row.department_code, matterCode: row.matter_code, channel: row.channel, caseType: row.case_type, onTime: row.on_time };
}

/** Writes of cases; every method runs inside the caller's transaction. */
export const caseWriter = {
  /** The next case sequence of a year, taken in the same transaction as the case. */
  async nextSequence(trx: Trx, year: number): Promise<number> {
    const row = await trx
      .insertInto('case_counter')
      .values({ year, value: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ value: sql<number>`case_counter.value + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  },

  /** A new case, counted under its department's status and its applicant. */
  async insertCase(trx: Trx, row: ApplicationRow): Promise<void> {
    await trx.insertInto('application').values(row).execute();
    const book = new TallyBook();
    book.status(row.department_code, null, row.status);
    book.applicantCase(row.applicant_id);
    await writeTallies(trx, book);
  },

  async replaceFields(trx: Trx, applicationId: string, fields: readonly CheckedField[]): Promise<void> {
    await trx.deleteFrom('application_field').where('application_id', '=', applicationId).execute();
    if (fields.length === 0) return;
    await trx
      .insertInto('application_field')
      .values(
        fields.map((f, position) => ({
          application_id: applicationId,
          position,
          key: f.key,
          source: f.source,
          value: f.value,
          provenance_system: f.provenance.system,
          provenance_department: f.provenance.department,
          trust_level: f.provenance.trustLevel,
          retrieved_at: f.provenance.retrievedAt,
        })),
      )
      .execute();
  },

  async replaceMaterials(trx: Trx, applicationId: string, materials: readonly CheckedMaterial[]): Promise<void> {
    await trx.deleteFrom('application_material').where('application_id', '=', applicationId).execute();
    if (materials.length === 0) return;
    await trx
      .insertInto('application_material')
      .values(materials.map((m, position) => ({ application_id: applicationId, position, requirement_code: m.requirementCode, evidence_kind: m.kind, evidence_id: m.id })))
      .execute();
  },

  /**
   * Appends entries to a case's history and counts them (case-tally.ts): `previousStatus` is the
   * status the case was in before the first entry, null for a new case.
   */
  async appendHistory(
    trx: Trx,
    kase: { id: string; tally: TalliedCase; previousStatus: string | null },
    entries: ReadonlyArray<{ at: string; status: string; actor: string; note: string | null }>,
  ): Promise<void> {
    const last = await trx
      .selectFrom('application_event')
      .select((eb) => eb.fn.max<number>('seq').as('seq'))
      .where('application_id', '=', kase.id)
      .executeTakeFirst();
    const start = Number(last?.seq ?? 0) + 1;
    await trx
      .insertInto('application_event')
      .values(entries.map((e, i) => ({ application_id: kase.id, seq: start + i, at: e.at, status: e.status, actor: e.actor, note: e.note?.slice(0, 500) ?? null })))
      .execute();
    const book = new TallyBook();
    book.entries(kase.tally, entries, kase.previousStatus);
    await writeTallies(trx, book);
  },

  /** Moves a case only if it is still in the state the caller saw: concurrent moves conflict. A new status is counted. */
  async transition(trx: Trx, kase: { id: string; departmentCode: string }, from: string, changes: Partial<ApplicationRow>): Promise<boolean> {
    const result = await trx.updateTable('application').set(changes).where('id', '=', kase.id).where('status', '=', from).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (changes.status !== undefined && changes.status !== from) {
      const book = new TallyBook();
      book.status(kase.departmentCode, from, changes.status);
      await writeTallies(trx, book);
    }
    return true;
  },
};
