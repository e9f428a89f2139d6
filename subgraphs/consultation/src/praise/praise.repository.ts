import type { Kysely } from 'kysely';
import { isUniqueViolation } from '@govgraph/kit';
import type { ConsultationTables } from '../database.js';
import { ID_ATTEMPTS, nextId } from '../ids.js';
import type { ConsultationPraiseKind } from './praise.enums.js';

/** Praise a department received: counted in its annual report, never tied to a person. */
export class PraiseRepository {
  constructor(private readonly db: Kysely<ConsultationTables>) {}

  /** Records one piece of praise under the next free id, in its own transaction; its id. */
  async insert(praise: { departmentCode: string; kind: ConsultationPraiseKind; receivedOn: string; note: string | null }): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const highest = await trx
            .selectFrom('consultation_praise')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst();
          const id = nextId('CP', highest?.id);
          await trx
            .insertInto('consultation_praise')
            .values({ id, department_code: praise.departmentCode, kind: praise.kind, received_on: praise.receivedOn, note: praise.note })
            .execute();
          return id;
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < ID_ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
