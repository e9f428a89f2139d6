import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEPARTMENTS, generateCatalog, migrateToLatest, openDatabase, type Database } from '@govgraph/kit';
import { isWorkingDay } from '@govgraph/kit';
import type { ApplicationTables } from '../src/database.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { seedApplications } from '../src/seed/seed-applications.js';

const DEMO_ACCOUNTS = ['P-000001', 'P-000002', 'P-000003', 'E-000001'];

describe('the applications demo seed (SQLite)', () => {
  let database: Database<ApplicationTables>;
  let cases: Array<ApplicationTables['application']>;
  let seedMs = 0;

  beforeAll(async () => {
    database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    const started = performance.now();
    await database.db.transaction().execute((trx) => seedApplications(trx, { database, sealingSecret: '' }));
    seedMs = performance.now() - started;
    cases = await database.db.selectFrom('application').selectAll().execute();
  }, 60_000);
  afterAll(() => database?.close());

  const of2025 = () => cases.filter((c) => c.submitted_year === 2025);
  const share = (rows: typeof cases, predicate: (c: (typeof cases)[number]) => boolean) => rows.filter(predicate).length / rows.length;

  it('simulates about 20,000 cases in 2025', () => {
    expect(of2025().length).toBeGreaterThanOrEqual(19_500);
    expect(of2025().length).toBeLessThanOrEqual(20_500);
    // Speed is measured, not asserted: a loaded CI machine must not fail this.
    console.log(`applications seed: ${Math.round(seedMs)} ms`);
  });

  it('has the hall’s shares: 63.78 % instant, 99.2 % online, every case completed on time', () => {
    const year = of2025();
    expect(share(year, (c) => c.case_type === 'INSTANT')).toBeGreaterThanOrEqual(0.63);
    expect(share(year, (c) => c.case_type === 'INSTANT')).toBeLessThanOrEqual(0.65);
    expect(share(year, (c) => c.channel === 'ONLINE')).toBeGreaterThanOrEqual(0.99);
    expect(share(year, (c) => c.channel === 'ONLINE')).toBeLessThanOrEqual(0.994);
    expect(year.every((c) => c.status === 'COMPLETED' && c.on_time === 1)).toBe(true);
    const inOrder = (c: (typeof cases)[number]) => c.submitted_at <= c.accepted_at! && c.accepted_at! <= c.decided_at! && c.decided_at! <= c.completed_at!;
    // Decided (and completed) on a city date no later than the deadline.
    const byDeadline = (c: (typeof cases)[number]) => cityDate(c.decided_at!) <= c.deadline && cityDate(c.completed_at!) <= c.deadline;
    expect(year.filter((c) => !inOrder(c) || !byDeadline(c)).map((c) => c.id)).toEqual([]);
  });

  it('files every case under a matter of the generated catalog, with its department and rules', () => {
    const { definitions, implementations } = generateCatalog(1);
    const definition = new Map(definitions.map((d) => [d.basicCode, d]));
    const matters = new Map(implementations.map((i) => [i.code, { ...i, definition: definition.get(i.basicCode)! }]));
    const wrong = cases.filter((c) => {
      const matter = matters.get(c.matter_code);
      if (!matter) return true;
      const d = matter.definition;
      const applicant = d.servedObjects.length === 2 ? /^[PE]-\d{6}$/ : d.servedObjects[0] === 'PERSON' ? /^P-\d{6}$/ : /^E-\d{6}$/;
      return (
        c.department_code !== matter.departmentCode ||
        c.matter_name !== d.name ||
        c.case_type !== d.caseType ||
        c.promised_days !== d.promisedTimeLimitDays ||
        c.licensing !== (d.type === 'LICENSING' ? 1 : 0) ||
        !applicant.test(c.applicant_id)
      );
    });
    expect(wrong.map((c) => `${c.id} ${c.matter_code}`)).toEqual([]);
    // The weighting spreads the year over many matters, city and district ones alike.
    expect(new Set(of2025().map((c) => c.matter_code)).size).toBeGreaterThan(1_000);
    expect(of2025().some((c) => matters.get(c.matter_code)!.level === 'DISTRICT')).toBe(true);
  });

  it('puts every deadline on a working day and every submission of 2025 on one', () => {
    expect(cases.every((c) => isWorkingDay(c.deadline))).toBe(true);
    expect(of2025().every((c) => isWorkingDay(cityDate(c.submitted_at)))).toBe(true);
  });

  it('numbers cases per year in submission order, and the counter continues from the last', async () => {
    const counters = await database.db.selectFrom('case_counter').selectAll().orderBy('year').execute();
    const years = [...new Set(cases.map((c) => c.submitted_year))].sort();
    expect(counters.map((c) => Number(c.year))).toEqual(years);
    for (const { year, value } of counters) {
      const ofYear = cases.filter((c) => c.submitted_year === Number(year)).sort((a, b) => a.id.localeCompare(b.id));
      expect(Number(value)).toBe(ofYear.length);
      const misnumbered = ofYear.filter((c, i) => {
        const serial = String(i + 1).padStart(8, '0');
        return c.id !== `AP-${year}-${serial}` || c.number !== `440300${year}${serial}` || (i > 0 && c.submitted_at < ofYear[i - 1]!.submitted_at);
      });
      expect(misnumbered.map((c) => c.id)).toEqual([]);
    }
  });

  it('records each case’s history: instant ones decided by the system on submission', async () => {
    const counts = await database.db
      .selectFrom('application_event as e')
      .innerJoin('application as a', 'a.id', 'e.application_id')
      .select(['a.case_type', sql<number>`count(*)`.as('n'), sql<number>`count(distinct e.application_id)`.as('cases')])
      .where('a.submitted_year', '=', 2025)
      .groupBy('a.case_type')
      .execute();
    const byType = Object.fromEntries(counts.map((r) => [r.case_type, Number(r.n) / Number(r.cases)]));
    expect(byType).toEqual({ INSTANT: 3, PROMISED: 4 });
    const instant = cases.find((c) => c.submitted_year === 2025 && c.case_type === 'INSTANT')!;
    const history = await database.db.selectFrom('application_event').selectAll().where('application_id', '=', instant.id).orderBy('seq').execute();
    expect(history.map((h) => h.status)).toEqual(['SUBMITTED', 'APPROVED', 'COMPLETED']);
    expect(history.every((h) => h.at === instant.submitted_at)).toBe(true);
    const rejected = await database.db.selectFrom('application_event').select(sql<number>`count(*)`.as('n')).where('status', '=', 'REJECTED').executeTakeFirstOrThrow();
    expect(Number(rejected.n)).toBeGreaterThan(0);
    expect(Number(rejected.n)).toBeLessThan(of2025().length * 0.03);
  });

  it('gives the demo accounts their completed cases with form values, and no open ones', async () => {
    const zhangsan = cases.filter((c) => c.applicant_id === 'P-000001');
    expect(zhangsan.map((c) => c.matter_code).sort()).toEqual(['JJ-0103', 'WJW-0401']);
    expect(zhangsan.every((c) => c.status === 'COMPLETED' && c.submitted_year === 2026)).toBe(true);
    const company = cases.filter((c) => c.applicant_id === 'E-000001');
    expect(company).toHaveLength(1);
    expect(company[0]).toMatchObject({ status: 'COMPLETED', submitted_by: 'P-000003' });

    const lost = zhangsan.find((c) => c.matter_code === 'JJ-0103')!;
    const fields = await database.db.selectFrom('application_field').selectAll().where('application_id', '=', lost.id).orderBy('position').execute();
    expect(fields.map((f) => [f.key, f.value, f.provenance_system, f.trust_level])).toEqual([
      ['applicantName', '张三', 'identity', 'A'],
      ['idNumber', '440303199003071233', 'identity', 'A'],
      ['mobile', '13800138000', 'identity', 'A'],
      ['address', '罗湖区东门街道解放路1001号', 'identity', 'A'],
      ['lossStatement', '驾驶证于2026年3月初不慎遗失，特申请补领', 'applications', 'D'],
    ]);
    const history = await database.db.selectFrom('application_event').selectAll().where('application_id', '=', lost.id).orderBy('seq').execute();
    expect(history.map((h) => h.status)).toEqual(['SUBMITTED', 'ACCEPTED', 'APPROVED', 'COMPLETED']);
    expect(lost.completed_at!.startsWith('2026-03-10')).toBe(true); // the licence library's replacement licence

    // Nothing the tests' forms expect empty is declared for the demo accounts (declared values are offered again).
    const declared = await database.db
      .selectFrom('application_field as f')
      .innerJoin('application as a', 'a.id', 'f.application_id')
      .select(['f.key'])
      .where('a.applicant_id', 'in', DEMO_ACCOUNTS)
      .where('f.provenance_system', '=', 'applications')
      .execute();
    expect(declared.map((f) => f.key).filter((k) => ['plateNumber', 'deliveryMethod', 'drivingLicenceNumber', 'businessPremises', 'businessScope'].includes(k))).toEqual([]);
    const open = cases.filter((c) => !['COMPLETED', 'WITHDRAWN'].includes(c.status));
    expect(open.some((c) => DEMO_ACCOUNTS.includes(c.applicant_id))).toBe(false);
  });

  it('leaves about a hundred open cases in November 2026, for every demo officer’s queue', async () => {
    const open = cases.filter((c) => c.status === 'SUBMITTED' || c.status === 'ACCEPTED');
    expect(open.length).toBeGreaterThanOrEqual(90);
    expect(open.length).toBeLessThanOrEqual(110);
    expect(open.every((c) => cityDate(c.submitted_at).startsWith('2026-11-') && c.case_type === 'PROMISED' && c.decided_at === null)).toBe(true);
    const departments = new Set(open.map((c) => c.department_code));
    expect(departments.has(DEPARTMENTS.trafficPolice.code)).toBe(true);
    expect(departments.has(DEPARTMENTS.marketRegulation.code)).toBe(true);
    expect(departments.size).toBeGreaterThan(20);
    const withFields = await database.db
      .selectFrom('application_field')
      .select(sql<number>`count(distinct application_id)`.as('n'))
      .where(
        'application_id',
        'in',
        open.map((c) => c.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(withFields.n)).toBe(open.length);
  });
});

function cityDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
