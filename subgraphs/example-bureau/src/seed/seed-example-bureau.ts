import type { Kysely } from 'kysely';
import { insertInBatches, integer, pick, seededRandom } from '@govgraph/kit';
import type { ExampleBureauTables } from '../database.js';
import { DEPARTMENT_NAME } from '../department.js';

/** The demo accounts as identity seeds them: zhangsan, lisi, wangwu, and wangwu's company. */
export const DEMO_APPLICANTS = ['P-000001', 'P-000002', 'P-000003', 'E-000001'] as const;
const TITLES = ['Account opened', 'Annual statement', 'Contact details changed', 'Certificate issued'] as const;

/** Deterministic demo data: the same rows on every machine (seededRandom), written once, in one transaction. */
export async function seedExampleBureau(trx: Kysely<ExampleBureauTables>): Promise<void> {
  // A seed of its own: new-subgraph derives each department's from its name.
  const random = seededRandom(564100);
  const rows: Array<ExampleBureauTables['example_bureau_record']> = [];
  for (const applicantId of DEMO_APPLICANTS) {
    const count = integer(random, 1, 3);
    for (let i = 0; i < count; i += 1) {
      const month = String(integer(random, 1, 12)).padStart(2, '0');
      const day = String(integer(random, 1, 28)).padStart(2, '0');
      rows.push({
        id: `EB-${String(rows.length + 1).padStart(6, '0')}`,
        applicant_id: applicantId,
        title: pick(random, TITLES),
        status: random() < 0.7 ? 'CLOSED' : 'OPEN',
        recorded_on: `2025-${month}-${day}`,
        department: DEPARTMENT_NAME,
      });
    }
  }
  await insertInBatches(trx, 'example_bureau_record', rows);
}
