import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchSchema, postgresAvailable, queryPlans } from '@govgraph/kit/testing';
import { migrateToLatest, openDatabase, settlePage, type Database, type PageRequest } from '@govgraph/kit';
import type { MatterFilter } from '../src/matter/matter-filter.input.js';
import type { CatalogTables } from '../src/database.js';
import { DivisionRepository } from '../src/division/division.repository.js';
import { MatterRepository } from '../src/matter/matter.repository.js';
import { MatterType } from '../src/matter/matter.enums.js';
import { catalogMigrations } from '../src/migrations/index.js';
import { searchBigramIndex } from '../src/migrations/0005-search-bigrams.js';
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

  /** One page as the matters resolver reads it: size + 1 rows in the direction asked, and one seek past the cursor. */
  async function read(filter: MatterFilter | undefined, request: PageRequest) {
    const cursor = request.cursor ?? undefined;
    const [fetched, beyond] = await Promise.all([
      matters.page(filter, request.size + 1, cursor, request.backward),
      cursor === undefined ? false : matters.reachesPast(filter, cursor, request.backward),
    ]);
    const page = settlePage(request, fetched, beyond);
    return { ...page, codes: page.rows.map((m) => m.code) };
  }

  it('walks matters forward, then backward from the last page, meeting the same pages', async () => {
    for (const [filter, size] of [
      [{ level: 'CITY' as never }, 37],
      [{ departmentCode: '11440300007542828L' }, 7],
      [{ text: '驾驶' }, 2],
    ] as Array<[MatterFilter, number]>) {
      const forward: string[][] = [];
      let page = await read(filter, { size, backward: false, cursor: null });
      expect(page.hasPreviousPage).toBe(false);
      for (;;) {
        forward.push(page.codes);
        if (!page.hasNextPage) break;
        page = await read(filter, { size, backward: false, cursor: page.codes.at(-1)! });
        expect(page.hasPreviousPage).toBe(true);
      }
      expect(forward.length, JSON.stringify(filter)).toBeGreaterThan(1);
      const end = await read(filter, { size, backward: true, cursor: null });
      expect([end.codes, end.hasNextPage, end.hasPreviousPage]).toEqual([forward.flat().slice(-size), false, true]);
      const backward: string[][] = [];
      let start = forward.at(-1)![0]!;
      for (;;) {
        const previous = await read(filter, { size, backward: true, cursor: start });
        expect(previous.hasNextPage).toBe(true);
        backward.unshift(previous.codes);
        if (!previous.hasPreviousPage) break;
        start = previous.codes[0]!;
      }
      expect(backward).toEqual(forward.slice(0, -1));
    }
  });

  it('walks the code order of an index both ways: primary key, matter_department', async () => {
    for (const backward of [false, true]) {
      for (const [filter, index] of [
        [undefined, /matter_pkey|sqlite_autoindex_matter_1/],
        [{ departmentCode: '11440300007542828L' }, /matter_department/],
      ] as const) {
        const plans = await queryPlans(
          database,
          async (db) => {
            const repository = new MatterRepository(db, database.dialect);
            await repository.page(filter, 21, 'JJ-0101', backward);
            await repository.reachesPast(filter, 'JJ-0101', backward);
            // 2,000 matters are cheaper to scan on PostgreSQL: ask whether the index serves the shape, as at 194,400.
          },
          { withoutSeqScan: true },
        );
        expect(plans).toHaveLength(2);
        if (process.env.SHOW_PLANS) console.log(database.dialect, backward, JSON.stringify(filter), plans.map((p) => p.plan).join('\n---\n'));
        for (const { plan } of plans) {
          expect(plan).toMatch(index);
          if (database.dialect === 'sqlite') {
            expect(plan).toMatch(/SEARCH matter USING (COVERING )?INDEX \S+ \((department_code=\? AND )?code[<>]=?\?\)/);
            expect(plan).not.toMatch(/TEMP B-TREE/);
          } else {
            expect(plan).toMatch(/Index Cond: .*code\)?(::text)? [<>]=? /);
            expect(plan).not.toMatch(/Sort|Seq Scan on matter/);
          }
        }
      }
    }
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

  it('answers every two-character search from the bigram index exactly as a substring search, also after the migration builds it', async () => {
    const all = await database.db.selectFrom('matter').select(['code', 'search_text']).orderBy('code').execute();
    const reference = (text: string) => all.filter((m) => m.search_text.toLowerCase().includes(text.trim().toLowerCase())).map((m) => m.code);
    // Every bigram of a few names and departments, and texts no matter holds (LIKE's wildcards taken literally).
    const samples = new Set(['食品', '驾驶', '户口', '公安', ' 市', '%_', '_食', 'zz']);
    for (const m of all.filter((_m, i) => i % 97 === 0)) for (let i = 0; i + 1 < [...m.search_text].length; i += 3) samples.add([...m.search_text].slice(i, i + 2).join(''));
    const check = async () => {
      for (const text of samples) {
        const expected = reference(text);
        expect(await matters.count({ text }), text).toBe(expected.length);
        expect(
          (await matters.page({ text }, 5_000, undefined)).map((m) => m.code),
          text,
        ).toEqual(expected);
      }
    };
    await check();
    // A catalog seeded before migration 0005: the migration indexes the matters already there.
    await database.db.schema.dropTable('matter_bigram').execute();
    await searchBigramIndex.up(database.db);
    await check();
    expect(samples.size).toBeGreaterThan(20);
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
