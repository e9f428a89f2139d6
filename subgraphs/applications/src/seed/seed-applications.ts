import type { Kysely } from 'kysely';
import type { Dialect, SeedContext } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import { writeTallies } from '../statistics/tally-store.js';
import { bulkInsert } from './bulk-insert.js';
import { demoAccountCases, openCases } from './demo-cases.js';
import { toRows, type SeedCase } from './seed-case.js';
import { cityDateOf } from './seed-clock.js';
import { SEEDED_YEAR_CASES, seededYears, seedYearsFrom } from './seed-years.js';
import { simulateYear } from './simulated-year.js';

export { REPORT_YEAR, SEEDED_YEAR, SEEDED_YEAR_CASES } from './seed-years.js';

export interface SeedApplicationsOptions {
  /** Simulated years of history ending with 2025 (2017 is added when not among them); APPLICATIONS_SEED_YEARS (default 1) when absent. */
  years?: number;
}

/**
 * The case system's demo data, in the seed's one transaction (bulk inserts, `bulkInsert`):
 * - simulated years at the hall's 2017 shares, 2025 and the `years - 1` before it, and 2017 itself
 *   (REPORT_YEAR, the year of the demo's disclosure annual report) when not among them: 20,000
 *   cases each over the demo catalog's matters, 63.78 % instant, 99.2 % online, all completed on
 *   time (`simulateYear`; each year from its own random seed, so 2025 is the same whatever `years`);
 * - 2026, the demo accounts' own completed cases with their form values, and about a hundred
 *   open cases in November for the officers' queues (`demoAccountCases`, `openCases`);
 * - `case_counter` at the last sequence of each year, so live submissions continue the numbering.
 * Run again (a raised seedVersion), it writes only the years that have no cases yet.
 * Form values are written for the 2026 cases only; no materials (their licences and documents
 * live in other systems' seeds). A year is generated, numbered and written before the next, so
 * memory stays at one year's cases.
 */
export async function seedApplications(trx: Kysely<ApplicationTables>, context?: SeedContext<ApplicationTables>, options: SeedApplicationsOptions = {}): Promise<void> {
  const years = options.years ?? seedYearsFrom(process.env);
  const dialect: Dialect = context?.database.dialect ?? 'sqlite';
  const existing = await trx.selectFrom('case_counter').select(['year', 'value']).execute();
  let counters: ReadonlyMap<number, number> = new Map(existing.map((c) => [Number(c.year), Number(c.value)]));

  const write = async (cases: SeedCase[]) => {
    const rows = toRows(cases, counters);
    await bulkInsert(trx, dialect, 'application', rows.application);
    await bulkInsert(trx, dialect, 'application_event', rows.application_event);
    await bulkInsert(trx, dialect, 'application_field', rows.application_field);
    await writeTallies(trx, rows.tallies);
    counters = rows.counters;
  };
  // A database seeded by an earlier seed version (before 2017 was simulated) gets only the years
  // it lacks: cases already written, the demo's or anyone's, are never written twice or touched.
  const written = await trx.selectFrom('application').select('submitted_year').distinct().execute();
  const yearsWritten = new Set(written.map((r) => Number(r.submitted_year)));
  for (const year of seededYears(years)) {
    if (!yearsWritten.has(year)) await write(simulateYear({ year, cases: SEEDED_YEAR_CASES }));
  }
  const demoCases = [...demoAccountCases(), ...openCases()];
  if (!demoCases.some((c) => yearsWritten.has(Number(cityDateOf(c.submittedAt).slice(0, 4))))) await write(demoCases);

  for (const [year, value] of counters) {
    await trx
      .insertInto('case_counter')
      .values({ year, value })
      .onConflict((oc) => oc.column('year').doUpdateSet({ value }))
      .execute();
  }
}
