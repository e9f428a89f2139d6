import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CITY_DEPARTMENTS, DEPARTMENTS, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { annualReportReference, checkAnnualReportKey } from '../src/annual-report/annual-report.reference.js';
import { createApplicationsLoaders, type ApplicationsContext } from '../src/context.js';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { buildApplicationsSchema } from '../src/schema.js';
import { seedApplications } from '../src/seed/seed-applications.js';
import { HallStatisticsRepository } from '../src/statistics/hall-statistics.repository.js';

describe('AnnualReport.caseOverview', () => {
  let database: Database<ApplicationTables>;
  const now = new Date('2026-11-30T04:00:00Z');
  const context = (): ApplicationsContext => {
    const services = { statistics: new HallStatisticsRepository(database.db), clock: () => now } as unknown as ApplicationsContext['services'];
    return { claims: null, services, loaders: createApplicationsLoaders(services) } as unknown as ApplicationsContext;
  };
  const report = async (departmentCode: string, year: number, ctx = context()) => annualReportReference.__resolveReference({ departmentCode, year }, ctx);

  beforeAll(async () => {
    database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }, { years: 1 }));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('gives the hall’s 2017 as the demo seed simulated it: 99.2 % applied and completed online', async () => {
    const overview = (await report(DEPARTMENTS.dataAdministration.code, 2017))!.caseOverview;
    expect(overview).toMatchObject({
      casesSubmitted: 20_000,
      onlineCases: 19_840,
      hallCases: 160,
      workingDays: 249,
      hallDailyAverage: 1,
      instantCases: 12_756,
      instantRate: 0.6378,
      onTimeRate: 1,
      onlineApplicationRate: 0.992,
    });
    // Cases submitted in the last days of December are completed in January 2018.
    expect(overview.casesCompleted).toBeGreaterThan(19_800);
    expect(overview.casesCompleted).toBeLessThan(20_000);
    expect(overview.onlineCompletionRate).toBeGreaterThanOrEqual(0.9915);
    expect(overview.onlineCompletionRate).toBeLessThan(0.9925);
  });

  it('is the hall’s, whichever department’s report: one computation per year per request', async () => {
    const ctx = context();
    const counts = vi.spyOn(ctx.services.statistics, 'countsForYear');
    const reports = await Promise.all(CITY_DEPARTMENTS.slice(0, 4).map((d) => report(d.code, 2017, ctx)));
    expect(new Set(reports.map((r) => JSON.stringify(r!.caseOverview))).size).toBe(1);
    expect(reports.map((r) => r!.departmentCode)).toEqual(CITY_DEPARTMENTS.slice(0, 4).map((d) => d.code));
    expect(counts).toHaveBeenCalledTimes(1);
  });

  it('gives zeros for a year without cases, with that year’s working days (weekdays: the calendar has no 2016 holidays)', async () => {
    expect((await report(DEPARTMENTS.trafficPolice.code, 2016))!.caseOverview).toEqual({
      casesSubmitted: 0,
      onlineCases: 0,
      hallCases: 0,
      workingDays: 261,
      hallDailyAverage: 0,
      instantCases: 0,
      instantRate: 0,
      onTimeRate: 0,
      onlineApplicationRate: 0,
      onlineCompletionRate: 0,
      casesCompleted: 0,
    });
  });

  it('refuses a crafted representation: unknown department, year out of range or of the wrong type', async () => {
    const code = DEPARTMENTS.marketRegulation.code;
    expect(checkAnnualReportKey({ departmentCode: code, year: 2026 }, now)).toEqual({ departmentCode: code, year: 2026 });
    for (const bad of [
      { departmentCode: 'ZWSJ', year: 2017 },
      { departmentCode: null, year: 2017 },
    ]) {
      expect(() => checkAnnualReportKey(bad, now)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'departmentCode' } }));
    }
    for (const year of [1999, 2027, 2017.5, '2017']) {
      expect(() => checkAnnualReportKey({ departmentCode: code, year }, now)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } }));
    }
    await expect(report(code, 2030)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
  });

  it('declares the entity by the report’s key', async () => {
    const { sdl } = await buildApplicationsSchema();
    expect(sdl).toMatch(/type AnnualReport @key\(fields: "departmentCode year"\)/);
    expect(sdl).toMatch(/caseOverview: CaseAnnualOverview\b(?!!)/);
  });
});
