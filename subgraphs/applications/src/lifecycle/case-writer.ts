import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationTables } from '../database.js';
import type { CheckedField, CheckedMaterial } from '../submission/check-submission.js';

type Trx = Transaction<ApplicationTables> | Kysely<ApplicationTables>;
export type ApplicationRow = ApplicationTables['application'];

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

  async insertCase(trx: Trx, row: ApplicationRow): Promise<void> {
    await trx.insertInto('application').values(row).execute();
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

  async appendHistory(trx: Trx, applicationId: string, entries: ReadonlyArray<{ at: string; status: string; actor: string; note: string | null }>): Promise<void> {
    const last = await trx
      .selectFrom('application_event')
      .select((eb) => eb.fn.max<number>('seq').as('seq'))
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    const start = Number(last?.seq ?? 0) + 1;
    await trx
      .insertInto('application_event')
      .values(entries.map((e, i) => ({ application_id: applicationId, seq: start + i, at: e.at, status: e.status, actor: e.actor, note: e.note?.slice(0, 500) ?? null })))
      .execute();
  },

  /** Moves a case only if it is still in the state the caller saw: concurrent moves conflict. */
  async transition(trx: Trx, id: string, from: string, changes: Partial<ApplicationRow>): Promise<boolean> {
    const result = await trx.updateTable('application').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
