import type { Kysely } from 'kysely';
import type { ApplicationTables } from '../database.js';
import type { FormSnapshot } from './form-snapshot.js';

/** The last form each applicant opened per matter: what their submission is checked against. */
export class FormSessionRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  async save(applicantId: string, snapshot: FormSnapshot): Promise<void> {
    const row = { applicant_id: applicantId, matter_code: snapshot.matter.code, snapshot: JSON.stringify(snapshot), taken_at: snapshot.takenAt };
    await this.db
      .insertInto('form_session')
      .values(row)
      .onConflict((oc) => oc.columns(['applicant_id', 'matter_code']).doUpdateSet({ snapshot: row.snapshot, taken_at: row.taken_at }))
      .execute();
  }

  async latest(applicantId: string, matterCode: string): Promise<FormSnapshot | null> {
    const row = await this.db.selectFrom('form_session').select('snapshot').where('applicant_id', '=', applicantId).where('matter_code', '=', matterCode).executeTakeFirst();
    return row ? (JSON.parse(row.snapshot) as FormSnapshot) : null;
  }
}
