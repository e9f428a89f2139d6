import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { seedApplications } from '../src/seed/seed-applications.js';
import { secondaryIndexes } from '../src/seed/full-year/secondary-indexes.js';
import { LiveCasesError } from '../src/seed/full-year/replace-year.js';
import { seedFullYear, type FullYearOptions, type FullYearSummary } from '../src/seed/full-year/seed-full-year.js';
import { instantOf } from '../src/seed/full-year/year-plan.js';
import { HallStatisticsRepository, recountYear } from '../src/statistics/hall-statistics.repository.js';
import { recountTallies } from '../src/statistics/tally-recount.js';

const YEAR = 2017;
/** A thousandth of the report's year: 7,281 online and 1,225 hall cases. */
const SCALE = 0.001;
const [ONLINE, HALL] = [7_281, 1_225];

/** Progress written where a log would get it (no terminal). */
function captured(): { write(text: string): boolean; text: string } {
  return {
    text: '',
    write(text: string) {
      this.text += text;
      return true;
    },
  };
}

/** Every counter table's non-zero rows, keyed, and the same from a recount. */
async function countersAndRecount(db: Kysely<ApplicationTables>) {
  const key = (row: Record<string, unknown>, columns: string[]) => columns.map((c) => String(row[c])).join('|');
  const nonZero = (rows: Array<Record<string, unknown>>, keys: string[], sums: string[]) =>
    Object.fromEntries(rows.filter((r) => sums.some((s) => Number(r[s]) !== 0)).map((r) => [key(r, keys), sums.map((s) => Number(r[s]))]));
  const day = ['day', 'department_code', 'matter_code', 'channel', 'event'];
  const year = ['year', 'department_code', 'channel', 'event'];
  const three = ['cases', 'instant', 'on_time'];
  const recount = await recountTallies(db);
  return {
    stored: {
      days: nonZero(await db.selectFrom('case_tally_day').selectAll().execute(), day, three),
      years: nonZero(await db.selectFrom('case_tally_year').selectAll().execute(), year, three),
      statuses: nonZero(await db.selectFrom('case_status_count').selectAll().execute(), ['department_code', 'status'], ['cases']),
      applicants: nonZero(await db.selectFrom('applicant_case_count').selectAll().execute(), ['applicant_id'], ['cases']),
    },
    recounted: {
      days: nonZero(recount.days as never, day, three),
      years: nonZero(recount.years as never, year, three),
      statuses: nonZero(recount.statuses as never, ['department_code', 'status'], ['cases']),
      applicants: nonZero(recount.applicants as never, ['applicant_id'], ['cases']),
    },
  };
}

/** What a failed or refused load must leave exactly as it was. */
async function snapshot(db: Kysely<ApplicationTables>, dialect: 'sqlite' | 'postgres') {
  const count = async (table: keyof ApplicationTables) => Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const sum = async (table: 'case_tally_day' | 'case_tally_year' | 'case_status_count' | 'applicant_case_count') =>
    Number((await db.selectFrom(table).select(sql<number>`coalesce(sum(cases), 0)`.as('n')).executeTakeFirstOrThrow()).n);
  return {
    cases: await count('application'),
    events: await count('application_event'),
    lastId: (await db.selectFrom('application').select(sql<string>`max(id)`.as('id')).where('submitted_year', '=', YEAR).executeTakeFirstOrThrow()).id,
    counters: await db.selectFrom('case_counter').selectAll().orderBy('year').execute(),
    tallies: [await sum('case_tally_day'), await sum('case_tally_year'), await sum('case_status_count'), await sum('applicant_case_count')],
    indexes: (await secondaryIndexes(db, dialect, ['application', 'application_event'])).map((i) => i.name),
  };
}

function fullYearContract(
  dialect: 'sqlite' | 'postgres',
  open: () => Promise<{ database: Database<ApplicationTables>; target: Pick<FullYearOptions, 'databaseUrl' | 'dataDir'>; cleanup(): Promise<void> }>,
) {
  let database: Database<ApplicationTables>;
  let target: Pick<FullYearOptions, 'databaseUrl' | 'dataDir'>;
  let cleanup: () => Promise<void>;
  let summary: FullYearSummary;
  let demoOf2025: number;
  const progress = captured();
  const db = () => database.db;
  const run = (extra: Partial<FullYearOptions> = {}) => seedFullYear({ ...target, year: YEAR, scale: SCALE, progress: null, ...extra });

  beforeAll(async () => {
    ({ database, target, cleanup } = await open());
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    // The demo seed simulates 20,000 cases of 2017 (REPORT_YEAR) that the full year replaces.
    await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }));
    demoOf2025 = Number((await db().selectFrom('application').select(sql<number>`count(*)`.as('n')).where('submitted_year', '=', 2025).executeTakeFirstOrThrow()).n);
    summary = await run({ progress });
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  const ofYear = () => db().selectFrom('application').selectAll().where('submitted_year', '=', YEAR).orderBy('id').execute();

  it('writes the report’s shape: channel counts exact, 63.78 % instant, every case decided on time', async () => {
    const cases = await ofYear();
    expect(summary).toMatchObject({ year: YEAR, online: ONLINE, hall: HALL, cases: ONLINE + HALL, replaced: 20_000 });
    expect(cases).toHaveLength(ONLINE + HALL);
    const online = cases.filter((c) => c.channel === 'ONLINE');
    const hall = cases.filter((c) => c.channel === 'WINDOW');
    expect([online.length, hall.length]).toEqual([ONLINE, HALL]);
    expect(online.filter((c) => c.case_type === 'INSTANT')).toHaveLength(instantOf(ONLINE));
    expect(hall.filter((c) => c.case_type === 'INSTANT')).toHaveLength(instantOf(HALL));
    expect(instantOf(1_225_224)).toBe(781_445);
    const instantShare = cases.filter((c) => c.case_type === 'INSTANT').length / cases.length;
    expect(Math.abs(instantShare - 0.6378)).toBeLessThan(0.0001);
    const late = cases.filter(
      (c) =>
        c.status !== 'COMPLETED' ||
        c.on_time !== 1 ||
        !(c.submitted_at <= c.accepted_at! && c.accepted_at! <= c.decided_at! && c.decided_at! <= c.completed_at!) ||
        new Date(Date.parse(c.decided_at!) + 8 * 3_600_000).toISOString().slice(0, 10) > c.deadline,
    );
    expect(late.map((c) => c.id)).toEqual([]);
    // Spread over the year's working days, each day its even share.
    const days = new Set(cases.map((c) => new Date(Date.parse(c.submitted_at) + 8 * 3_600_000).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(240);
    expect(summary.events).toBe(
      Number(
        (
          await db()
            .selectFrom('application_event as e')
            .innerJoin('application as a', 'a.id', 'e.application_id')
            .select(sql<number>`count(*)`.as('n'))
            .where('a.submitted_year', '=', YEAR)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  });

  it('numbers the year from 1 in submission order, and case_counter continues from the last', async () => {
    const cases = await ofYear();
    const wrong = cases.filter((c, i) => {
      const serial = String(i + 1).padStart(8, '0');
      return c.id !== `AP-${YEAR}-${serial}` || c.number !== `440300${YEAR}${serial}` || (i > 0 && c.submitted_at < cases[i - 1]!.submitted_at);
    });
    expect(wrong.map((c) => c.id)).toEqual([]);
    const counter = await db().selectFrom('case_counter').select('value').where('year', '=', YEAR).executeTakeFirstOrThrow();
    expect(Number(counter.value)).toBe(ONLINE + HALL);
  });

  it('keeps the maintained counters equal to a full recount, and hallStatistics equal to recountYear', async () => {
    const { stored, recounted } = await countersAndRecount(db());
    expect(stored.years).toEqual(recounted.years);
    expect(stored.statuses).toEqual(recounted.statuses);
    expect(stored.applicants).toEqual(recounted.applicants);
    expect(stored.days).toEqual(recounted.days);
    const statistics = new HallStatisticsRepository(db());
    for (const year of [YEAR, YEAR + 1, 2025]) expect(await statistics.countsForYear(year)).toEqual(await recountYear(db(), year));
    expect((await statistics.countsForYear(YEAR)).totals).toMatchObject({ submitted: ONLINE + HALL, submittedOnline: ONLINE });
  });

  it('replaces only the demo’s simulated 2017: other years and the secondary indexes are as they were', async () => {
    const of2025 = await db().selectFrom('application').select(sql<number>`count(*)`.as('n')).where('submitted_year', '=', 2025).executeTakeFirstOrThrow();
    expect(Number(of2025.n)).toBe(demoOf2025);
    const indexes = (await secondaryIndexes(db(), dialect, ['application', 'application_event'])).map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['application_applicant', 'application_queue', 'application_year']));
  });

  it('reports progress: cases written of the total, rate and estimate, then the steps after', () => {
    const lines = progress.text.trim().split('\n');
    expect(lines[0]).toMatch(/^replaced 20,000 simulated cases of 2017 \(\d+\.\d s\)$/);
    expect(lines[1]).toMatch(/0\.0 % 0 \/ 8,506 cases · 0\/s · 00:00 elapsed · ETA --:--/);
    expect(progress.text).toMatch(/100\.0 % 8,506 \/ 8,506 cases · [\d,]+\/s · \d\d:\d\d elapsed · ETA 00:00/);
    expect(progress.text).toContain('rebuilding index application_queue on application…');
    expect(progress.text).toMatch(/writing the last counters: [\d,]+ day rows/);
    expect(progress.text).not.toContain('\r');
  });

  it('runs again over its own year, the same cases and counters', async () => {
    const before = await snapshot(db(), dialect);
    const again = await run();
    expect(again).toMatchObject({ cases: ONLINE + HALL, replaced: ONLINE + HALL });
    expect(await snapshot(db(), dialect)).toEqual(before);
  }, 120_000);

  it('refuses a year with a live submission, and writes nothing', async () => {
    const live = await db().selectFrom('application').select('id').where('submitted_year', '=', YEAR).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await db().updateTable('application').set({ idempotency_key: 'live-submission-1' }).where('id', '=', live.id).execute();
    try {
      const before = await snapshot(db(), dialect);
      const refused = await run().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(LiveCasesError);
      expect((refused as Error).message).toMatch(/2017 has 1 case\(s\) from live submissions .* nothing was written/);
      expect(await snapshot(db(), dialect)).toEqual(before);
    } finally {
      await db().updateTable('application').set({ idempotency_key: null }).where('id', '=', live.id).execute();
    }
  });

  it('leaves the database as it was when the load fails midway', async () => {
    const before = await snapshot(db(), dialect);
    let days = 0;
    const failed = await run({
      afterDay: () => {
        if (++days === 40) throw new Error('disk full (simulated)');
      },
    }).catch((error: unknown) => error);
    expect((failed as Error).message).toBe('disk full (simulated)');
    expect(days).toBe(40);
    expect(await snapshot(db(), dialect)).toEqual(before);
  }, 120_000);
}

describe('the full-year seed (SQLite)', () => {
  fullYearContract('sqlite', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'full-year-'));
    return {
      database: openDatabase<ApplicationTables>({ name: 'applications', dataDir }),
      target: { dataDir },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  });
});

describe.runIf(await postgresAvailable())('the full-year seed (PostgreSQL)', () => {
  fullYearContract('postgres', async () => {
    const scratch = await createScratchSchema();
    return {
      database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:', url: scratch.url, maxConnections: 2 }),
      target: { databaseUrl: scratch.url, dataDir: ':memory:' },
      cleanup: scratch.drop,
    };
  });
});
