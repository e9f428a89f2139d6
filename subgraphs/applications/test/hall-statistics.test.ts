import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_DEPARTMENTS, DEPARTMENTS, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { seedApplications } from '../src/seed/seed-applications.js';
import { HallStatisticsRepository } from '../src/statistics/hall-statistics.repository.js';
import { HallStatisticsResolver } from '../src/statistics/hall-statistics.resolver.js';

/** The same figures on both dialects, from the demo seed. */
function statisticsContract(open: () => Promise<{ database: Database<ApplicationTables>; cleanup(): Promise<void> }>) {
  let database: Database<ApplicationTables>;
  let cleanup: () => Promise<void>;
  let repository: HallStatisticsRepository;
  const resolver = new HallStatisticsResolver();
  const ctx = () => ({ claims: null, services: { statistics: repository } }) as never;

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }));
    repository = new HallStatisticsRepository(database.db);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('reports 2025 as the seed simulated it: the hall’s 2017 shares', async () => {
    const stats = await resolver.hallStatistics(2025, ctx());
    expect(stats).toMatchObject({ year: 2025, applicationsSubmitted: 20_000, instantRate: 0.6378, onTimeRate: 1 });
    // Cases submitted in the last days of December are completed in January.
    expect(stats.applicationsCompleted).toBeGreaterThan(19_800);
    expect(stats.applicationsCompleted).toBeLessThan(20_000);
    expect(stats.onlineCompletionRate).toBeGreaterThanOrEqual(0.99);
    expect(stats.onlineCompletionRate).toBeLessThanOrEqual(0.994);
  });

  it('breaks the year down by department, adding up to the hall', async () => {
    const stats = await resolver.hallStatistics(2025, ctx());
    expect(stats.byDepartment).toHaveLength(CITY_DEPARTMENTS.length);
    expect(stats.byDepartment.reduce((n, d) => n + d.submitted, 0)).toBe(stats.applicationsSubmitted);
    expect(stats.byDepartment.reduce((n, d) => n + d.completed, 0)).toBe(stats.applicationsCompleted);
    expect(stats.byDepartment.every((d) => d.onTimeRate === 1)).toBe(true);
    const submitted = stats.byDepartment.map((d) => d.submitted);
    expect(submitted).toEqual([...submitted].sort((a, b) => b - a));
    expect(stats.byDepartment.map((d) => d.department.code)).toContain(DEPARTMENTS.trafficPolice.code);
  });

  it('counts a case where it happened: submitted in one year, completed in the next', async () => {
    const [y2025, y2026] = await Promise.all([repository.countsForYear(2025), repository.countsForYear(2026)]);
    const of2026 = await database.db.selectFrom('application').select(['status']).where('submitted_year', '=', 2026).execute();
    expect(y2026.totals.submitted).toBe(of2026.length);
    const completedOf2026 = of2026.filter((c) => c.status === 'COMPLETED').length;
    expect(y2025.totals.completed + (y2026.totals.completed - completedOf2026)).toBe(20_000);
    // The open November cases are neither decided nor completed.
    expect(y2026.totals.decided).toBe(y2026.totals.completed);
  });

  it('gives zeros for a year without cases, and refuses a year out of range', async () => {
    expect(await resolver.hallStatistics(2016, ctx())).toEqual({
      year: 2016,
      applicationsSubmitted: 0,
      applicationsCompleted: 0,
      instantRate: 0,
      onTimeRate: 0,
      onlineCompletionRate: 0,
      byDepartment: [],
    });
    for (const year of [1999, 2101, -1]) {
      await expect(resolver.hallStatistics(year, ctx())).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
    }
  });
}

describe('hall statistics on SQLite', () => {
  statisticsContract(async () => ({ database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.runIf(await postgresAvailable())('hall statistics on PostgreSQL', () => {
  statisticsContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});
