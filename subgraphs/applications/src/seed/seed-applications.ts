import type { Kysely } from 'kysely';
import { insertInBatches, type SeedContext } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import { demoAccountCases, openCases } from './demo-cases.js';
import { toRows } from './seed-case.js';
import { simulateYear } from './simulated-year.js';

/** The simulated year: the hall's most recent full year of cases. */
export const SEEDED_YEAR = 2025;
export const SEEDED_YEAR_CASES = 20_000;

/**
 * The case system's demo data, in the seed's one transaction (multi-row inserts):
 * - 2025, a simulated year at the hall's 2017 shares: 20,000 cases over the demo catalog's
 *   matters, 63.78 % instant, 99.2 % online, all completed on time (`simulateYear`);
 * - 2026, the demo accounts' own completed cases with their form values, and about a hundred
 *   open cases in November for the officers' queues (`demoAccountCases`, `openCases`);
 * - `case_counter` at the last sequence of each year, so live submissions continue the numbering.
 * Form values are written for the 2026 cases only; no materials (their licences and documents
 * live in other systems' seeds).
 */
export async function seedApplications(trx: Kysely<ApplicationTables>, _context?: SeedContext<ApplicationTables>): Promise<void> {
  const cases = [...simulateYear({ year: SEEDED_YEAR, cases: SEEDED_YEAR_CASES }), ...demoAccountCases(), ...openCases()];
  const existing = await trx.selectFrom('case_counter').select(['year', 'value']).execute();
  const rows = toRows(cases, new Map(existing.map((c) => [Number(c.year), Number(c.value)])));

  await insertInBatches(trx, 'application', rows.application);
  await insertInBatches(trx, 'application_event', rows.application_event);
  await insertInBatches(trx, 'application_field', rows.application_field);
  for (const [year, value] of rows.counters) {
    await trx
      .insertInto('case_counter')
      .values({ year, value })
      .onConflict((oc) => oc.column('year').doUpdateSet({ value }))
      .execute();
  }
}
