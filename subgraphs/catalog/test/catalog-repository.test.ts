import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Database } from '@govgraph/kit';
import type { CatalogTables } from '../src/database.js';
import { MatterRepository } from '../src/matter/matter.repository.js';
import { catalogMigrations } from '../src/migrations/index.js';
import { DEMO_MATTERS } from '../src/seed/demo-matters.js';
import { seedCatalog } from '../src/seed/seed-catalog.js';

describe('matter repository on the demo catalog', () => {
  let database: Database<CatalogTables>;
  let matters: MatterRepository;
  beforeAll(async () => {
    database = openDatabase<CatalogTables>({ name: 'catalog', dataDir: ':memory:' });
    await migrateToLatest(database.db, catalogMigrations);
    await seedCatalog(database.db);
    matters = new MatterRepository(database.db);
  });
  afterAll(() => database.close());

  it('counts and pages in code order without gaps or repeats', async () => {
    expect(await matters.count(undefined)).toBe(DEMO_MATTERS.length);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await matters.page(undefined, 3, after);
      if (page.length === 0) break;
      seen.push(...page.map((m) => m.code));
      after = page.at(-1)!.code;
    }
    expect(seen).toEqual(DEMO_MATTERS.map((m) => m.code).sort());
  });

  it('filters by text, type, served object and depth', async () => {
    expect((await matters.page({ text: '驾驶证' }, 10, undefined)).map((m) => m.code)).toEqual(['JJ-0101', 'JJ-0103']);
    expect(await matters.count({ servedObject: 'ENTERPRISE' as never })).toBe(DEMO_MATTERS.filter((m) => m.servedObjects.includes('ENTERPRISE' as never)).length);
    expect(await matters.count({ minOnlineDepth: 4 })).toBe(DEMO_MATTERS.filter((m) => m.onlineDepth >= 4).length);
    expect(await matters.count({ text: '_' })).toBe(0);
  });

  it('keeps form fields and materials in their published order', async () => {
    const fields = await matters.formFieldsOf(['JJ-0101']);
    expect(fields.map((f) => f.key)).toEqual(DEMO_MATTERS[0]!.fields.map((f) => f.key));
    const materials = await matters.materialsOf(['JJ-0101']);
    expect(materials[0]).toMatchObject({ code: 'CURRENT_DRIVING_LICENCE', acceptsLicenceType: { code: 'JDCJSZ' }, required: true });
  });
});
