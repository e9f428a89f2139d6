import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import { migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import type { CatalogTables } from '../src/database.js';
import { DivisionRepository } from '../src/division/division.repository.js';
import { MatterRepository } from '../src/matter/matter.repository.js';
import { MatterType } from '../src/matter/matter.enums.js';
import { catalogMigrations } from '../src/migrations/index.js';
import { seedCatalog } from '../src/seed/seed-catalog.js';
import { CatalogStatisticsRepository } from '../src/statistics/catalog-statistics.repository.js';

/** The same catalog behaviour on both dialects. */
function catalogContract(open: () => Promise<{ database: Database<CatalogTables>; cleanup(): Promise<void> }>) {
  let database: Database<CatalogTables>;
  let cleanup: () => Promise<void>;
  let matters: MatterRepository;

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await migrateToLatest(database.db, catalogMigrations(database.dialect), database.dialect);
    await database.db.transaction().execute((trx) => seedCatalog(trx));
    matters = new MatterRepository(database.db, database.dialect);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('holds the hall’s figures: 35 departments, 1,444 city matters, 556 licensing, 533 fully online', async () => {
    expect(await new CatalogStatisticsRepository(database.db).counts()).toEqual({
      departments: 35,
      cityMatters: 1_444,
      districtMatters: 500,
      licensing: 556,
      licensingFullyOnline: 533,
    });
  });

  it('walks every city matter in code order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await matters.page({ level: 'CITY' as never }, 100, after);
      if (page.length === 0) break;
      seen.push(...page.map((m) => m.code));
      after = page.at(-1)!.code;
    }
    expect(seen).toHaveLength(1_444);
    expect(new Set(seen).size).toBe(1_444);
    expect([...seen].sort()).toEqual(seen);
  });

  it('finds matters by a two-character and a longer Chinese substring, of name or department', async () => {
    const two = await matters.page({ text: '驾驶' }, 100, undefined);
    expect(two.length).toBeGreaterThan(2);
    expect(two.every((m) => m.name.includes('驾驶') || m.departmentCode)).toBe(true);
    expect(two.map((m) => m.code)).toContain('JJ-0101');
    const longer = await matters.page({ text: '驾驶证期满' }, 100, undefined);
    expect(longer.map((m) => m.code)).toEqual(['JJ-0101']);
    expect(await matters.count({ text: '市公安局交通警察局' })).toBeGreaterThan(40);
    expect(await matters.count({ text: '100%' })).toBe(0);
    expect(await matters.count({ text: '"' })).toBe(0);
  });

  it('filters by type, division and depth, and shares one definition across districts', async () => {
    expect(await matters.count({ type: MatterType.LICENSING, level: 'CITY' as never })).toBe(556);
    const luohu = await matters.page({ divisionCode: '440303' }, 100, undefined);
    expect(luohu).toHaveLength(50);
    const city = await matters.byCodes([luohu[0]!.code.replace(/-440303$/, '')]);
    expect(city[0]!.basicCode).toBe(luohu[0]!.basicCode);
    expect(city[0]!.name).toBe(luohu[0]!.name);
  });

  it('keeps the division tree: 10 districts, 74 sub-districts, 645 communities', async () => {
    expect(await new DivisionRepository(database.db).countsByLevel()).toEqual({ CITY: 1, DISTRICT: 10, SUBDISTRICT: 74, COMMUNITY: 645 });
  });
}

describe('catalog on SQLite', () => {
  catalogContract(async () => ({ database: openDatabase<CatalogTables>({ name: 'catalog', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.runIf(await postgresAvailable())('catalog on PostgreSQL', () => {
  catalogContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<CatalogTables>({ name: 'catalog', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});
