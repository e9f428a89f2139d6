import { sql, type Kysely } from 'kysely';
import type { ApplicationTables } from '../../database.js';
import { recountAsBook, recountTallies } from '../../statistics/tally-recount.js';
import { writeTallies } from '../../statistics/tally-store.js';

/** The year holds cases someone submitted: the seed never overwrites them. */
export class LiveCasesError extends Error {
  constructor(
    readonly year: number,
    readonly liveCases: number,
  ) {
    super(
      `${year} has ${liveCases.toLocaleString('en')} case(s) from live submissions (idempotency_key set): ` +
        'the full-year seed replaces only simulated cases, and nothing was written',
    );
    this.name = 'LiveCasesError';
  }
}

/**
 * Clears a year for the full-year seed, inside its transaction: refuses when any of the year's
 * cases came from a live submission (seeded cases have no idempotency key); otherwise takes the
 * year's cases out of the maintained counters (a recount of them, subtracted) and deletes them
 * with their history, fields, materials and generated forms. Returns how many cases it removed.
 */
export async function clearSimulatedYear(trx: Kysely<ApplicationTables>, year: number): Promise<number> {
  const counts = await trx
    .selectFrom('application')
    .select([sql<number>`count(*)`.as('cases'), sql<number>`count(idempotency_key)`.as('live')])
    .where('submitted_year', '=', year)
    .executeTakeFirstOrThrow();
  if (Number(counts.live) > 0) throw new LiveCasesError(year, Number(counts.live));
  const cases = Number(counts.cases);
  if (cases === 0) return 0;
  await writeTallies(trx, recountAsBook(await recountTallies(trx, { submittedYear: year }), -1));
  const ofYear = trx.selectFrom('application').select('id').where('submitted_year', '=', year);
  for (const table of ['application_event', 'application_field', 'application_material', 'generated_form'] as const) {
    await trx.deleteFrom(table).where('application_id', 'in', ofYear).execute();
  }
  await trx.deleteFrom('application').where('submitted_year', '=', year).execute();
  return cases;
}
