import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { seedApplications } from '../src/seed/seed-applications.js';
import { REPORT_YEAR, seededYears, seedYearsFrom, simulatedYears } from '../src/seed/seed-years.js';
import { HallStatisticsRepository } from '../src/statistics/hall-statistics.repository.js';
import { HallStatisticsResolver } from '../src/statistics/hall-statistics.resolver.js';

/** Years of history the multi-year test seeds. */
const SEVERAL = 4;

async function seeded(database: Database<ApplicationTables>, years?: number): Promise<number> {
  await migrateToLatest(database.db, applicationMigrations, database.dialect);
  const started = performance.now();
  await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }, years === undefined ? {} : { years }));
  return performance.now() - started;
}

const casesPerYear = async (database: Database<ApplicationTables>) =>
  Object.fromEntries(
    (
      await database.db
        .selectFrom('application')
        .select(['submitted_year', sql<number>`count(*)`.as('n')])
        .groupBy('submitted_year')
        .execute()
    ).map((r) => [Number(r.submitted_year), Number(r.n)]),
  );

/** Every year's hall statistics as the seed simulated it, and no case counted twice or lost. */
async function expectStatisticsRight(database: Database<ApplicationTables>, years: number[]) {
  const resolver = new HallStatisticsResolver();
  const ctx = { claims: null, services: { statistics: new HallStatisticsRepository(database.db) } } as never;
  let completed = 0;
  // A simulated year's last cases are completed in the next year's January.
  for (const year of new Set([...years, ...years.map((y) => y + 1), 2026])) {
    const stats = await resolver.hallStatistics(year, ctx);
    if (years.includes(year)) expect(stats).toMatchObject({ year, applicationsSubmitted: 20_000, instantRate: 0.6378, onTimeRate: 1 });
    completed += stats.applicationsCompleted;
  }
  const all = await database.db.selectFrom('application').select(sql<number>`count(*)`.as('n')).where('status', '=', 'COMPLETED').executeTakeFirstOrThrow();
  expect(completed).toBe(Number(all.n));
}

describe('APPLICATIONS_SEED_YEARS', () => {
  it('is 1 when unset, takes 1–30, and refuses anything else with the variable’s name', () => {
    expect(seedYearsFrom({})).toBe(1);
    expect(seedYearsFrom({ APPLICATIONS_SEED_YEARS: '' })).toBe(1);
    expect(seedYearsFrom({ APPLICATIONS_SEED_YEARS: '10' })).toBe(10);
    for (const bad of ['0', '-1', '31', '2.5', 'ten']) {
      expect(() => seedYearsFrom({ APPLICATIONS_SEED_YEARS: bad })).toThrow(/APPLICATIONS_SEED_YEARS must be a whole number from 1 to 30/);
    }
    expect(simulatedYears(1)).toEqual([2025]);
    expect(simulatedYears(10)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('always simulates 2017, the year of the annual report, adding it when not among the years', () => {
    expect(REPORT_YEAR).toBe(2017);
    expect(seededYears(1)).toEqual([2017, 2025]);
    expect(seededYears(2)).toEqual([2017, 2024, 2025]);
    expect(seededYears(10)).toEqual(simulatedYears(10));
  });
});

/*
 * Four years, not ten: what ten add over four is only more of the same, and the suite's budget is
 * minutes (docs/testing.md). `npm run bench:growth` seeds the ten.
 */
describe('several simulated years of cases (SQLite)', () => {
  let severalYears: Database<ApplicationTables>;
  let oneYear: Database<ApplicationTables>;

  beforeAll(async () => {
    severalYears = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    oneYear = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    const ms = await seeded(severalYears, SEVERAL);
    await seeded(oneYear);
    // Speed is measured, not asserted: a loaded CI machine must not fail this.
    console.log(`applications seed, ${SEVERAL} years and 2017 (100,103 cases): ${Math.round(ms)} ms`);
  }, 300_000);
  afterAll(async () => {
    await severalYears?.close();
    await oneYear?.close();
  });

  it('writes 20,000 cases for each of 2022–2025 and 2017, and the default only 2017 and 2025 (and 2026’s demo cases)', async () => {
    expect(await casesPerYear(severalYears)).toEqual({ ...Object.fromEntries(seededYears(SEVERAL).map((y) => [y, 20_000])), 2026: 103 });
    expect(await casesPerYear(oneYear)).toEqual({ 2017: 20_000, 2025: 20_000, 2026: 103 });
    const counters = await severalYears.db.selectFrom('case_counter').selectAll().orderBy('year').execute();
    expect(counters.map((c) => [Number(c.year), Number(c.value)])).toEqual([...seededYears(SEVERAL).map((y) => [y, 20_000]), [2026, 103]]);
  });

  it('leaves 2025 and 2026 exactly as the default seed writes them', async () => {
    const recent = (database: Database<ApplicationTables>) => database.db.selectFrom('application').selectAll().where('submitted_year', '>=', 2025).orderBy('id').execute();
    const events = (database: Database<ApplicationTables>) =>
      database.db.selectFrom('application_event').selectAll().where('application_id', '>=', 'AP-2025-').orderBy('application_id').orderBy('seq').execute();
    expect(await recent(severalYears)).toEqual(await recent(oneYear));
    expect(await events(severalYears)).toEqual(await events(oneYear));
  }, 120_000);

  it('keeps every year’s hall statistics right, each case completed in exactly one year', async () => {
    await expectStatisticsRight(severalYears, seededYears(SEVERAL));
    await expectStatisticsRight(oneYear, seededYears(1));
  }, 120_000);

  it('adds 2017 to a database an earlier seed version wrote, touching nothing else', async () => {
    const database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    try {
      await seeded(database);
      // As seed version 1 left it: no 2017.
      await database.db.deleteFrom('application_event').where('application_id', 'like', 'AP-2017-%').execute();
      await database.db.deleteFrom('application_field').where('application_id', 'like', 'AP-2017-%').execute();
      await database.db.deleteFrom('application').where('submitted_year', '=', 2017).execute();
      await database.db.deleteFrom('case_counter').where('year', '=', 2017).execute();
      const before = await database.db.selectFrom('application').selectAll().orderBy('id').execute();
      await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }));
      expect(await casesPerYear(database)).toEqual({ 2017: 20_000, 2025: 20_000, 2026: 103 });
      expect(await database.db.selectFrom('application').selectAll().where('submitted_year', '<>', 2017).orderBy('id').execute()).toEqual(before);
      expect(await oneYear.db.selectFrom('application').selectAll().where('submitted_year', '=', 2017).orderBy('id').execute()).toEqual(
        await database.db.selectFrom('application').selectAll().where('submitted_year', '=', 2017).orderBy('id').execute(),
      );
    } finally {
      await database.close();
    }
  }, 60_000);

  it('reads APPLICATIONS_SEED_YEARS when no option is given', async () => {
    const database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    const previous = process.env.APPLICATIONS_SEED_YEARS;
    process.env.APPLICATIONS_SEED_YEARS = '2';
    try {
      await seeded(database);
      expect(await casesPerYear(database)).toEqual({ 2017: 20_000, 2024: 20_000, 2025: 20_000, 2026: 103 });
    } finally {
      if (previous === undefined) delete process.env.APPLICATIONS_SEED_YEARS;
      else process.env.APPLICATIONS_SEED_YEARS = previous;
      await database.close();
    }
  }, 60_000);
});

describe.runIf(await postgresAvailable())('simulated years of cases (PostgreSQL, json_populate_recordset)', () => {
  let database: Database<ApplicationTables>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createScratchSchema();
    drop = scratch.drop;
    database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: '', url: scratch.url });
    const ms = await seeded(database, 2);
    console.log(`applications seed on PostgreSQL, 2 years and 2017: ${Math.round(ms)} ms`);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('writes the same years, rows and statistics as SQLite', async () => {
    expect(await casesPerYear(database)).toEqual({ 2017: 20_000, 2024: 20_000, 2025: 20_000, 2026: 103 });
    await expectStatisticsRight(database, seededYears(2));
    // 2026's cases, their history and form values, row for row as SQLite has them.
    const sqlite = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    try {
      await seeded(sqlite);
      for (const table of ['application', 'application_event', 'application_field'] as const) {
        const column = table === 'application' ? 'id' : 'application_id';
        const of2026 = (db: Database<ApplicationTables>) => db.db.selectFrom(table).selectAll().where(column, '>=', 'AP-2026-').execute();
        const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
        const [postgresRows, sqliteRows] = [await of2026(database), await of2026(sqlite)];
        expect(postgresRows.length).toBeGreaterThan(0);
        expect(sorted(postgresRows)).toEqual(sorted(sqliteRows));
      }
    } finally {
      await sqlite.close();
    }
  }, 180_000); // it seeds a second database of its own: minutes on a saturated machine
});
