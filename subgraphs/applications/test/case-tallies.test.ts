import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseType, DEPARTMENTS, FileEventBus, FormFieldType, MatterType, createLogger, migrateToLatest, openDatabase, TrustLevel, type Claims, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable, testParties } from '@govgraph/kit/testing';
import { DecisionAction } from '../src/application/application.enums.js';
import { createApplicationsServices, type ApplicationsServices } from '../src/context.js';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import type { FormSnapshot } from '../src/prefill/form-snapshot.js';
import { bulkInsert } from '../src/seed/bulk-insert.js';
import { toRows } from '../src/seed/seed-case.js';
import { seedApplications } from '../src/seed/seed-applications.js';
import { simulateYear } from '../src/seed/simulated-year.js';
import { HallStatisticsRepository, recountYear } from '../src/statistics/hall-statistics.repository.js';
import { recountTallies, type Recount } from '../src/statistics/tally-recount.js';

/*
 * Issue 24: the maintained counters against a full recount, after the seed and after every kind
 * of live change (instant and promised submissions, concurrent ones, acceptance, a correction asked
 * for and answered, decisions on time and late, withdrawal, completion by a licence, a decision in
 * the next year), on both dialects.
 */
const POLICE = DEPARTMENTS.trafficPolice.code;
const applicant: Claims = { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
const officer: Claims = { accountId: 'A-000004', personId: 'P-000004', applicantId: 'P-000004', roles: ['officer'], department: POLICE };

function snapshot(code: string, caseType: CaseType, type: MatterType, takenAt: string): FormSnapshot {
  return {
    matter: { code, name: `matter ${code}`, type, caseType, promisedTimeLimitDays: caseType === CaseType.INSTANT ? 0 : 2, departmentCode: POLICE },
    fields: [{ key: 'applicantName', label: '申请人姓名', type: FormFieldType.TEXT, required: true, source: 'person.name', options: null, rules: { maxLength: 50 } }],
    materials: [{ code: 'PHOTO', required: true, acceptsLicenceType: null }],
    licences: [],
    prefilled: [{ key: 'applicantName', value: '张三', provenance: { system: 'identity', department: null, trustLevel: TrustLevel.A, retrievedAt: takenAt } }],
    takenAt,
  };
}

/** Rows in a stable order, without counters that went back to zero (a status every case left). */
function normalised(recount: Recount) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    days: sorted(recount.days.filter((r) => r.cases !== 0)),
    years: sorted(recount.years.filter((r) => r.cases !== 0)),
    statuses: sorted(recount.statuses.filter((r) => r.cases !== 0)),
    applicants: sorted(recount.applicants.filter((r) => r.cases !== 0)),
  };
}

async function maintained(db: Database<ApplicationTables>['db']): Promise<Recount> {
  const numbers = <T extends object>(rows: T[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, ['cases', 'instant', 'on_time', 'year'].includes(k) ? Number(v) : v]))) as never[];
  return {
    days: numbers(await db.selectFrom('case_tally_day').selectAll().execute()),
    years: numbers(await db.selectFrom('case_tally_year').selectAll().execute()),
    statuses: numbers(await db.selectFrom('case_status_count').selectAll().execute()),
    applicants: numbers(await db.selectFrom('applicant_case_count').selectAll().execute()),
  };
}

function talliesContract(open: () => Promise<{ database: Database<ApplicationTables>; cleanup(): Promise<void> }>) {
  let database: Database<ApplicationTables>;
  let cleanup: () => Promise<void>;
  let services: ApplicationsServices;
  let now = new Date('2026-12-28T02:00:00.000Z'); // a Monday, 10:00 in the city
  const bus = new FileEventBus(':memory:', createLogger('test', 'silent'), { party: testParties(['applications']).applications, eventsRefused: { inc: () => {} } });
  const fields = [{ key: 'applicantName', value: '张三' }];
  const materials = [{ requirementCode: 'PHOTO', documentId: 'D-photo' }];
  const open_ = async (code: string, caseType: CaseType, type = MatterType.CONFIRMATION) => services.sessions.save('P-000001', snapshot(code, caseType, type, now.toISOString()));
  const submit = (matterCode: string, idempotencyKey: string) => services.submissions.submit(applicant, { matterCode, idempotencyKey, fields, materials });
  const decide = (id: string, action: DecisionAction) => services.lifecycle.decide(officer, { id, action });

  const expectCountersEqualRecount = async () => {
    expect(normalised(await maintained(database.db))).toEqual(normalised(await recountTallies(database.db)));
    for (const year of [2017, 2025, 2026, 2027]) expect(await services.statistics.countsForYear(year)).toEqual(await recountYear(database.db, year));
  };

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }, { years: 1 }));
    services = createApplicationsServices(database.db, {
      keys: testParties(['applications']).applications.keys,
      bus,
      log: createLogger('test', 'silent'),
      dataDir: mkdtempSync(join(tmpdir(), 'govgraph-tallies-')),
      clock: () => now,
    });
    await database.db
      .insertInto('document')
      .values({ id: 'D-photo', owner_id: 'P-000001', filename: 'p.png', media_type: 'image/png', size: 1, sha256: 'a'.repeat(64), uploaded_at: now.toISOString() })
      .execute();
  }, 120_000);
  afterAll(async () => {
    await bus.close();
    await database?.close();
    await cleanup?.();
  });

  it('agree with a recount after the demo seed', async () => {
    await expectCountersEqualRecount();
    const stats = await services.statistics.countsForYear(2025);
    expect(stats.totals.submitted).toBe(20_000);
  }, 120_000);

  it('agree after every kind of change, concurrent submissions and a decision in the next year included', async () => {
    await open_('INSTANT-1', CaseType.INSTANT, MatterType.PUBLIC_SERVICE);
    await open_('INSTANT-LICENSING', CaseType.INSTANT, MatterType.LICENSING);
    await open_('PROMISED-1', CaseType.PROMISED);
    await submit('INSTANT-1', 'tally-instant-1');
    const licensing = await submit('INSTANT-LICENSING', 'tally-licensing-1');
    const promised = await Promise.all(Array.from({ length: 8 }, (_, i) => submit('PROMISED-1', `tally-promised-${i}`)));
    // The same key again is the same case: counted once.
    await Promise.all([submit('PROMISED-1', 'tally-promised-0'), submit('PROMISED-1', 'tally-promised-0')]);
    const [a, b, c, d, e, f, g, h] = promised.map((p) => p.id) as [string, string, string, string, string, string, string, string];
    await Promise.all([decide(a, DecisionAction.ACCEPT), decide(b, DecisionAction.ACCEPT), decide(c, DecisionAction.ACCEPT), decide(d, DecisionAction.REQUEST_CORRECTION)]);
    // Two officers approving one case at once: one wins, the other conflicts, one decision counted.
    const raced = await Promise.allSettled([decide(a, DecisionAction.APPROVE), decide(a, DecisionAction.APPROVE)]);
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await decide(b, DecisionAction.REJECT);
    await services.lifecycle.withdraw(applicant, { id: e });
    await decide(c, DecisionAction.REQUEST_CORRECTION);
    await expectCountersEqualRecount();

    now = new Date('2026-12-29T03:00:00.000Z');
    await services.lifecycle.correct(applicant, { id: d, fields, materials });
    await services.lifecycle.correct(applicant, { id: c, fields, materials });
    await Promise.all([decide(a, DecisionAction.COMPLETE), decide(b, DecisionAction.COMPLETE)]);
    await services.lifecycle.licenceIssued({
      licenceId: 'L-1',
      holderId: 'P-000001',
      typeCode: 'T',
      status: 'VALID',
      action: 'issue',
      caseId: licensing.id,
      at: now.toISOString(),
    });
    await expectCountersEqualRecount();

    // Into 2027, past the deadlines: late decisions, counted in the year they were made.
    now = new Date('2027-01-06T02:00:00.000Z');
    await decide(c, DecisionAction.APPROVE);
    await decide(d, DecisionAction.ACCEPT);
    await decide(d, DecisionAction.APPROVE);
    await decide(f, DecisionAction.REJECT);
    await Promise.all([decide(c, DecisionAction.COMPLETE), decide(d, DecisionAction.COMPLETE), decide(f, DecisionAction.COMPLETE)]);
    await decide(g, DecisionAction.ACCEPT);
    await expectCountersEqualRecount();
    const y2027 = await services.statistics.countsForYear(2027);
    expect(y2027.totals).toMatchObject({ submitted: 0, decided: 3, onTime: 0, completed: 3 });
    expect(h).toBeDefined();
  }, 120_000);

  it('give list counts that match the lists', async () => {
    const queue = await services.applications.queue(POLICE, ['COMPLETED'], { size: 5, backward: false, cursor: null });
    const completed = await database.db
      .selectFrom('application')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_code', '=', POLICE)
      .where('status', '=', 'COMPLETED')
      .executeTakeFirstOrThrow();
    expect(queue.totalCount).toBe(Number(completed.n));
    const open = await services.applications.queue(POLICE, ['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED'], { size: 5, backward: false, cursor: null });
    const openCount = await database.db
      .selectFrom('application')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_code', '=', POLICE)
      .where('status', 'in', ['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED'])
      .executeTakeFirstOrThrow();
    expect(open.totalCount).toBe(Number(openCount.n));
    const mine = await services.applications.ofApplicant('P-000001', { size: 5, backward: false, cursor: null });
    const own = await database.db
      .selectFrom('application')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('applicant_id', '=', 'P-000001')
      .executeTakeFirstOrThrow();
    expect(mine.totalCount).toBe(Number(own.n));
    expect(mine.totalCount).toBeGreaterThan(10);
  });
}

describe('case counters on SQLite', () => {
  talliesContract(async () => ({ database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.runIf(await postgresAvailable())('case counters on PostgreSQL', () => {
  talliesContract(async () => {
    const scratch = await createScratchSchema();
    return { database: openDatabase<ApplicationTables>({ name: 'applications', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});

describe('counters arriving in a database that already has cases (migration 0004)', () => {
  it('count what was there, agreeing with the cases’ own columns', async () => {
    const database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    const before = Object.fromEntries(Object.entries(applicationMigrations).filter(([name]) => name < '0004'));
    await migrateToLatest(database.db, before, database.dialect);
    const rows = toRows(simulateYear({ year: 2017, cases: 3_000 }));
    await bulkInsert(database.db, 'sqlite', 'application', rows.application);
    await bulkInsert(database.db, 'sqlite', 'application_event', rows.application_event);
    expect(await migrateToLatest(database.db, applicationMigrations, database.dialect)).toContain('0004-case-tallies');
    expect(normalised(await maintained(database.db))).toEqual(normalised(await recountTallies(database.db)));
    const statistics = new HallStatisticsRepository(database.db);
    for (const year of [2017, 2018]) expect(await statistics.countsForYear(year)).toEqual(await recountYear(database.db, year));
    expect((await statistics.countsForYear(2017)).totals).toMatchObject({ submitted: 3_000, instant: 1_913 });
    await database.close();
  });
});
