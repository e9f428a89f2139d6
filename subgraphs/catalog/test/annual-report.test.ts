import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CITY_DEPARTMENTS, DEPARTMENTS, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { annualReportReference, checkAnnualReportKey } from '../src/annual-report/annual-report.reference.js';
import { createCatalogLoaders, createCatalogServices, type CatalogContext } from '../src/context.js';
import type { CatalogTables } from '../src/database.js';
import { catalogMigrations } from '../src/migrations/index.js';
import { buildCatalogSchema } from '../src/schema.js';
import { seedCatalog } from '../src/seed/seed-catalog.js';

describe('AnnualReport.catalogOverview', () => {
  let database: Database<CatalogTables>;
  const context = (): CatalogContext => {
    const services = createCatalogServices(database.db, database.dialect);
    return { claims: null, services, loaders: createCatalogLoaders(services) } as unknown as CatalogContext;
  };

  beforeAll(async () => {
    database = openDatabase<CatalogTables>({ name: 'catalog', dataDir: ':memory:' });
    await migrateToLatest(database.db, catalogMigrations(database.dialect), database.dialect);
    await database.db.transaction().execute((trx) => seedCatalog(trx));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('gives the demo catalog’s figures for the hall’s 2017 report', async () => {
    const report = await annualReportReference.__resolveReference({ departmentCode: DEPARTMENTS.dataAdministration.code, year: 2017 }, context());
    expect(report).toEqual({
      departmentCode: DEPARTMENTS.dataAdministration.code,
      year: 2017,
      catalogOverview: {
        departments: 35,
        matters: 1_444,
        licensingItems: 556,
        fullyOnlineLicensingItems: 533,
        fullyOnlineRate: 0.959,
        districts: 10,
        subdistricts: 74,
        communities: 645,
      },
    });
  });

  it('counts once per request, however many reports the plan hands over', async () => {
    const ctx = context();
    const counts = vi.spyOn(ctx.services.statistics, 'counts');
    const reports = await Promise.all(
      CITY_DEPARTMENTS.slice(0, 5).flatMap((d) => [2017, 2025].map(async (year) => annualReportReference.__resolveReference({ departmentCode: d.code, year }, ctx))),
    );
    expect(reports).toHaveLength(10);
    expect(new Set(reports.map((r) => r?.catalogOverview.matters))).toEqual(new Set([1_444]));
    expect(counts).toHaveBeenCalledTimes(1);
  });

  it('refuses a crafted representation: unknown department, year out of range or of the wrong type', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const code = DEPARTMENTS.trafficPolice.code;
    expect(checkAnnualReportKey({ departmentCode: code, year: 2026 }, now)).toEqual({ departmentCode: code, year: 2026 });
    for (const bad of [{ departmentCode: '91440300MA5ABCDE1X', year: 2017 }, { departmentCode: 42, year: 2017 }, { year: 2017 }]) {
      expect(() => checkAnnualReportKey(bad, now)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'departmentCode' } }));
    }
    for (const year of [1999, 2027, 2017.5, '2017', null]) {
      expect(() => checkAnnualReportKey({ departmentCode: code, year }, now)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } }));
    }
    await expect(annualReportReference.__resolveReference({ departmentCode: 'x', year: 2017 }, context())).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('declares the entity by the report’s key, with the field described as the catalog as it stands', async () => {
    const { sdl } = await buildCatalogSchema();
    expect(sdl).toMatch(/type AnnualReport @key\(fields: "departmentCode year"\)/);
    expect(sdl).toMatch(/catalog keeps no history/);
    expect(sdl).toMatch(/catalogOverview: CatalogAnnualOverview\b(?!!)/);
  });
});
