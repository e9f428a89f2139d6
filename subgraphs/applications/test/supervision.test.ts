import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_SUPERVISION_STREAM,
  DEPARTMENTS,
  FileEventBus,
  createLogger,
  migrateToLatest,
  openDatabase,
  type BusEvent,
  type CaseSupervisionEvent,
  type Claims,
  type Database,
  type EventBus,
} from '@govgraph/kit';
import { createScratchSchema, postgresAvailable, testParties } from '@govgraph/kit/testing';
import { DecisionAction } from '../src/application/application.enums.js';
import { createApplicationsLoaders, createApplicationsServices, type ApplicationsContext, type ApplicationsServices } from '../src/context.js';
import type { ApplicationTables } from '../src/database.js';
import { caseWriter, type ApplicationRow } from '../src/lifecycle/case-writer.js';
import { applicationMigrations } from '../src/migrations/index.js';
import { buildApplicationsSchema } from '../src/schema.js';
import { scanDeadlines } from '../src/supervision/deadline-scanner.js';

/*
 * Issue 24, electronic supervision (电子监察): the board's levels around the Mid-Autumn and
 * National Day holidays of 2026 with a pinned clock, paused clocks, the on-time rate from the year
 * counters, who may see which board, and the scanner announcing each level once, on both dialects.
 *
 * Thursday 24 September 2026 (city time) is "today". Friday 25 to Sunday 27 are off (中秋节),
 * Sunday 20 was a make-up working day, 1–7 October are off (国庆节). The working days after today:
 * Mon 28 (1), Tue 29 (2), Wed 30 (3), Thu 8 October (4).
 */
const POLICE = DEPARTMENTS.trafficPolice.code;
const MARKET = DEPARTMENTS.marketRegulation.code;
const HALL = DEPARTMENTS.dataAdministration.code;
const THURSDAY = new Date('2026-09-24T02:00:00.000Z'); // 10:00 city time
const HOLIDAY_FRIDAY = new Date('2026-09-25T02:00:00.000Z');
const MONDAY_AFTER = new Date('2026-09-28T02:00:00.000Z');

const officer = (department: string, roles = ['officer']): Claims => ({ accountId: 'A-officer', personId: 'P-000099', applicantId: null, roles, department });
const CALLERS = {
  citizen: { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null } as Claims,
  agent: { accountId: 'A-000002', personId: 'P-000002', applicantId: 'E-000001', roles: ['citizen'], department: null } as Claims,
  police: officer(POLICE),
  market: officer(MARKET),
  hall: officer(HALL),
  supervisor: officer(HALL, ['officer', 'supervisor']),
  /** A supervisor role issued by mistake to another department's officer, and to a citizen. */
  misissuedOfficer: officer(MARKET, ['officer', 'supervisor']),
  misissuedCitizen: { accountId: 'A-000003', personId: 'P-000003', applicantId: 'P-000003', roles: ['citizen', 'supervisor'], department: HALL } as Claims,
};

/** The cases the board is computed over: [id, department, status, deadline]. */
const CASES: Array<[string, string, string, string]> = [
  ['AP-SV-01', POLICE, 'ACCEPTED', '2026-09-18'], // RED: 5 working days over (the Sunday make-up day counts)
  ['AP-SV-02', POLICE, 'SUBMITTED', '2026-09-23'], // RED: 1 working day over
  ['AP-SV-03', POLICE, 'ACCEPTED', '2026-09-24'], // YELLOW: due today, 0 left
  ['AP-SV-04', POLICE, 'SUBMITTED', '2026-09-30'], // YELLOW: six calendar days but 3 working days away
  ['AP-SV-05', POLICE, 'ACCEPTED', '2026-10-08'], // not flagged: 4 working days away
  ['AP-SV-06', POLICE, 'CORRECTION_REQUESTED', '2026-09-10'], // suspended: the clock is paused, never RED
  ['AP-SV-07', POLICE, 'APPROVED', '2026-09-01'], // decided: not open for supervision
  ['AP-SV-08', POLICE, 'COMPLETED', '2026-09-01'],
  ['AP-SV-09', MARKET, 'SUBMITTED', '2026-09-29'], // YELLOW: 2 left
  ['AP-SV-10', MARKET, 'WITHDRAWN', '2026-09-01'],
  ['AP-SV-11', MARKET, 'ACCEPTED', '2026-11-20'], // open, far away
];

function row(id: string, department: string, status: string, deadline: string): ApplicationRow {
  const paused = status === 'CORRECTION_REQUESTED';
  return {
    id,
    number: `4403002026${id.slice(-2).padStart(8, '0')}`,
    applicant_id: 'P-000001',
    submitted_by: 'P-000001',
    matter_code: department === POLICE ? 'JJ-0101' : 'SCJG-0201',
    matter_name: department === POLICE ? '机动车驾驶证期满换证' : '食品经营许可证核发',
    department_code: department,
    case_type: 'PROMISED',
    licensing: 0,
    promised_days: 10,
    channel: 'ONLINE',
    status,
    submitted_at: '2026-09-01T02:00:00.000Z',
    submitted_year: 2026,
    accepted_at: null,
    decided_at: null,
    completed_at: null,
    deadline,
    paused_since: paused ? '2026-09-08T02:00:00.000Z' : null,
    paused_days: 0,
    resume_status: paused ? 'ACCEPTED' : null,
    on_time: null,
    idempotency_key: null,
    payload_hash: null,
    form_snapshot: null,
    licence_id: null,
  };
}

const BOARD = `query Board($warningDays: Int, $departmentCode: String, $first: Int, $after: String) {
  supervisionBoard(warningDays: $warningDays, departmentCode: $departmentCode) {
    today warningDays year department { code }
    totals { openCases dueSoon overdue suspended decisionsThisYear decidedOnTimeThisYear onTimeRate }
    departments { department { code } openCases dueSoon overdue suspended decisionsThisYear decidedOnTimeThisYear onTimeRate }
    flaggedCases(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { node { id number matterCode matterName department { code } status deadline level workingDaysLeft workingDaysOverdue } }
    }
  }
}`;

const log = createLogger('test', 'silent');
const schema = buildApplicationsSchema();

function supervisionContract(open: () => Promise<{ database: Database<ApplicationTables>; second: () => Database<ApplicationTables>; cleanup(): Promise<void> }>) {
  let database: Database<ApplicationTables>;
  let cleanup: () => Promise<void>;
  let second: () => Database<ApplicationTables>;
  let now = THURSDAY;
  let services: ApplicationsServices;
  const parties = testParties(['applications', 'licences']);
  const eventsDir = mkdtempSync(join(tmpdir(), 'govgraph-supervision-'));
  const refusals = { inc: () => {} };
  const bus = new FileEventBus(eventsDir, log, { party: parties.applications, eventsRefused: refusals });

  const board = async (claims: Claims | null, variables: Record<string, unknown> = {}): Promise<ExecutionResult<any>> => {
    const contextValue: ApplicationsContext = { claims, requestId: 'test', clientAddress: null, log, services, loaders: createApplicationsLoaders(services) };
    return execute({ schema: (await schema).schema, document: parse(BOARD), variableValues: variables, contextValue }) as Promise<ExecutionResult<any>>;
  };
  const codeOf = (result: ExecutionResult<any>) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    ({ database, second, cleanup } = await open());
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    services = createApplicationsServices(database.db, { keys: parties.applications.keys, bus, log, dataDir: eventsDir, clock: () => now });
    await database.db.transaction().execute(async (trx) => {
      for (const [id, department, status, deadline] of CASES) await caseWriter.insertCase(trx, row(id, department, status, deadline));
    });
    // This year's decisions as the year counters hold them, and last year's, which must not count.
    await database.db
      .insertInto('case_tally_year')
      .values([
        { year: 2026, department_code: MARKET, channel: 'ONLINE', event: 'APPROVED', cases: 190, instant: 0, on_time: 188 },
        { year: 2026, department_code: MARKET, channel: 'WINDOW', event: 'REJECTED', cases: 10, instant: 0, on_time: 9 },
        { year: 2026, department_code: MARKET, channel: 'ONLINE', event: 'SUBMITTED', cases: 500, instant: 0, on_time: 0 },
        { year: 2025, department_code: POLICE, channel: 'ONLINE', event: 'APPROVED', cases: 1000, instant: 0, on_time: 1 },
      ])
      .execute();
  }, 60_000);
  afterAll(async () => {
    await bus.close();
    await database?.close();
    await cleanup?.();
  });

  it('flags running cases in working days around the holidays: RED before YELLOW, the earliest deadline first', async () => {
    const answer = await board(CALLERS.supervisor, { first: 10 });
    expect(answer.errors).toBeUndefined();
    const b = answer.data.supervisionBoard;
    expect(b).toMatchObject({ today: '2026-09-24', warningDays: 3, year: 2026, department: null });
    expect(b.flaggedCases.edges.map((e: any) => [e.node.id, e.node.level, e.node.workingDaysLeft, e.node.workingDaysOverdue])).toEqual([
      ['AP-SV-01', 'RED', null, 5],
      ['AP-SV-02', 'RED', null, 1],
      ['AP-SV-03', 'YELLOW', 0, null],
      ['AP-SV-09', 'YELLOW', 2, null],
      ['AP-SV-04', 'YELLOW', 3, null],
    ]);
    expect(b.flaggedCases.totalCount).toBe(5);
    expect(b.flaggedCases.edges[0].node).toEqual({
      id: 'AP-SV-01',
      number: '440300202600000001',
      matterCode: 'JJ-0101',
      matterName: '机动车驾驶证期满换证',
      department: { code: POLICE },
      status: 'ACCEPTED',
      deadline: '2026-09-18',
      level: 'RED',
      workingDaysLeft: null,
      workingDaysOverdue: 5,
    });
  });

  it('counts per department and for the hall: open, due soon, overdue, suspended, and the year’s on-time rate from the counters', async () => {
    const b = (await board(CALLERS.supervisor)).data.supervisionBoard;
    expect(b.departments).toEqual([
      { department: { code: POLICE }, openCases: 6, dueSoon: 2, overdue: 2, suspended: 1, decisionsThisYear: 0, decidedOnTimeThisYear: 0, onTimeRate: 0 },
      { department: { code: MARKET }, openCases: 2, dueSoon: 1, overdue: 0, suspended: 0, decisionsThisYear: 200, decidedOnTimeThisYear: 197, onTimeRate: 0.985 },
    ]);
    expect(b.totals).toEqual({ openCases: 8, dueSoon: 3, overdue: 2, suspended: 1, decisionsThisYear: 200, decidedOnTimeThisYear: 197, onTimeRate: 0.985 });
  });

  it('moves with the warning days and the clock: a deadline passed before a day off is RED with no working day over yet', async () => {
    const narrow = (await board(CALLERS.supervisor, { warningDays: 0 })).data.supervisionBoard;
    expect(narrow.totals).toMatchObject({ dueSoon: 1, overdue: 2 });
    const wide = (await board(CALLERS.supervisor, { warningDays: 4 })).data.supervisionBoard;
    expect(wide.totals).toMatchObject({ dueSoon: 4, overdue: 2 });

    now = HOLIDAY_FRIDAY;
    const friday = (await board(CALLERS.supervisor)).data.supervisionBoard;
    expect(friday.today).toBe('2026-09-25');
    expect(friday.flaggedCases.edges.find((e: any) => e.node.id === 'AP-SV-03').node).toMatchObject({ level: 'RED', workingDaysLeft: null, workingDaysOverdue: 0 });
    now = MONDAY_AFTER;
    const monday = (await board(CALLERS.supervisor)).data.supervisionBoard;
    expect(monday.flaggedCases.edges.find((e: any) => e.node.id === 'AP-SV-03').node).toMatchObject({ level: 'RED', workingDaysOverdue: 1 });
    // Monday: 8 October is now 3 working days away (29, 30, 8).
    expect(monday.flaggedCases.edges.find((e: any) => e.node.id === 'AP-SV-05').node).toMatchObject({ level: 'YELLOW', workingDaysLeft: 3 });
    now = THURSDAY;
  });

  it('pages the flagged cases by keyset', async () => {
    const first = (await board(CALLERS.supervisor, { first: 2 })).data.supervisionBoard.flaggedCases;
    expect(first.edges.map((e: any) => e.node.id)).toEqual(['AP-SV-01', 'AP-SV-02']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = (await board(CALLERS.supervisor, { first: 2, after: first.pageInfo.endCursor })).data.supervisionBoard.flaggedCases;
    expect(next.edges.map((e: any) => e.node.id)).toEqual(['AP-SV-03', 'AP-SV-09']);
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(codeOf(await board(CALLERS.supervisor, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await board(CALLERS.supervisor, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it('shows an officer their own department only; a supervisor of the hall office any or all; nobody else anything', async () => {
    const own = (await board(CALLERS.police, { departmentCode: POLICE })).data.supervisionBoard;
    expect(own.department).toEqual({ code: POLICE });
    expect(own.departments.map((d: any) => d.department.code)).toEqual([POLICE]);
    expect(own.totals).toMatchObject({ openCases: 6, dueSoon: 2, overdue: 2, suspended: 1 });
    expect(own.flaggedCases.edges.every((e: any) => e.node.department.code === POLICE)).toBe(true);
    expect(own.flaggedCases.totalCount).toBe(4);
    // A department with nothing open still has its line.
    const hallOwn = (await board(CALLERS.hall, { departmentCode: HALL })).data.supervisionBoard;
    expect(hallOwn.departments).toEqual([expect.objectContaining({ department: { code: HALL }, openCases: 0, onTimeRate: 0 })]);
    const marketBySupervisor = (await board(CALLERS.supervisor, { departmentCode: MARKET })).data.supervisionBoard;
    expect(marketBySupervisor.totals).toMatchObject({ openCases: 2, dueSoon: 1, decisionsThisYear: 200 });

    const refusals: Array<[Claims | null, Record<string, unknown>, string]> = [
      [null, { departmentCode: POLICE }, 'UNAUTHENTICATED'],
      [null, {}, 'UNAUTHENTICATED'],
      [CALLERS.citizen, {}, 'FORBIDDEN'],
      [CALLERS.agent, { departmentCode: POLICE }, 'FORBIDDEN'],
      [CALLERS.police, {}, 'FORBIDDEN'],
      [CALLERS.police, { departmentCode: MARKET }, 'FORBIDDEN'],
      [CALLERS.hall, {}, 'FORBIDDEN'],
      [CALLERS.hall, { departmentCode: POLICE }, 'FORBIDDEN'],
      [CALLERS.misissuedOfficer, {}, 'FORBIDDEN'],
      [CALLERS.misissuedOfficer, { departmentCode: POLICE }, 'FORBIDDEN'],
      [CALLERS.misissuedCitizen, {}, 'FORBIDDEN'],
      [CALLERS.supervisor, { departmentCode: 'NOT-A-DEPARTMENT' }, 'BAD_USER_INPUT'],
      [CALLERS.supervisor, { warningDays: 21 }, 'BAD_USER_INPUT'],
      [CALLERS.supervisor, { warningDays: -1 }, 'BAD_USER_INPUT'],
    ];
    for (const [claims, variables, code] of refusals) {
      const answer = await board(claims, variables);
      expect(codeOf(answer), `${claims?.roles.join('+') ?? 'anonymous'} ${claims?.department ?? ''} ${JSON.stringify(variables)}`).toBe(code);
      expect(answer.data?.supervisionBoard ?? null).toBeNull();
    }
    // The mis-issued role changes nothing for that officer's own board.
    expect((await board(CALLERS.misissuedOfficer, { departmentCode: MARKET })).data.supervisionBoard.totals.openCases).toBe(2);
  });

  it('shows no applicant data and no Application entity', async () => {
    const { sdl } = await schema;
    const type = sdl.slice(sdl.indexOf('type SupervisedCase '), sdl.indexOf('}', sdl.indexOf('type SupervisedCase ')));
    expect(type).not.toMatch(/applicant|Application\b|fields|materials/i);
    const body = JSON.stringify((await board(CALLERS.supervisor)).data);
    expect(body).not.toMatch(/P-000001|applicant/);
  });

  describe('the deadline scanner', () => {
    const received: CaseSupervisionEvent[] = [];
    let consumer: EventBus;
    const scan = (at: Date, deps: Partial<Parameters<typeof scanDeadlines>[0]> = {}) => scanDeadlines({ db: database.db, bus, log, ...deps }, at);

    beforeAll(() => {
      // Another department reading the stream: it accepts only what applications signed.
      consumer = new FileEventBus(eventsDir, log, { party: parties.licences, eventsRefused: refusals });
      consumer.subscribe(CASE_SUPERVISION_STREAM, 'supervision-test', async (event: BusEvent) => {
        expect(event.publisher).toBe('applications');
        received.push(event.payload as CaseSupervisionEvent);
      });
    });
    afterAll(async () => consumer?.close());

    it('announces each flagged case once, even when two scanners race', async () => {
      const other = second();
      const [a, b] = await Promise.all([scan(THURSDAY), scanDeadlines({ db: other.db, bus, log }, THURSDAY)]);
      const announced = [...a, ...b];
      expect(announced.map((e) => `${e.caseId}:${e.level}`).sort()).toEqual(['AP-SV-01:RED', 'AP-SV-02:RED', 'AP-SV-03:YELLOW', 'AP-SV-04:YELLOW', 'AP-SV-09:YELLOW']);
      expect(announced.find((e) => e.caseId === 'AP-SV-01')).toEqual({
        caseId: 'AP-SV-01',
        number: '440300202600000001',
        departmentCode: POLICE,
        matterCode: 'JJ-0101',
        level: 'RED',
        deadline: '2026-09-18',
        at: THURSDAY.toISOString(),
      });
      if (other !== database) await other.close();
      expect(await scan(THURSDAY)).toEqual([]);
      await eventually(() => received.length >= 5);
      expect(received.map((e) => `${e.caseId}:${e.level}`).sort()).toEqual(announced.map((e) => `${e.caseId}:${e.level}`).sort());
      expect(JSON.stringify(received)).not.toMatch(/P-000001|applicant/);
    });

    it('announces a YELLOW case again when it turns RED, and nothing for a case no longer open', async () => {
      // Friday (a day off): AP-SV-03's deadline passed. AP-SV-04 was decided meanwhile.
      await database.db.updateTable('application').set({ status: 'APPROVED', decided_at: HOLIDAY_FRIDAY.toISOString(), on_time: 1 }).where('id', '=', 'AP-SV-04').execute();
      expect((await scan(HOLIDAY_FRIDAY)).map((e) => `${e.caseId}:${e.level}`)).toEqual(['AP-SV-03:RED']);
      expect(await scan(HOLIDAY_FRIDAY)).toEqual([]);
      const rows = await database.db.selectFrom('case_supervision').select(['application_id', 'level']).orderBy('application_id').execute();
      // A closed case's row is dropped; the others keep the level they were announced at.
      expect(rows.map((r) => `${r.application_id}:${r.level}`)).toEqual(['AP-SV-01:RED', 'AP-SV-02:RED', 'AP-SV-03:RED', 'AP-SV-09:YELLOW']);
    });

    it('announces again against a deadline moved by a paused clock, and tries again when the bus fails', async () => {
      // AP-SV-02 paused and resumed: its deadline moved to Wednesday 30 September, YELLOW now.
      await database.db.updateTable('application').set({ deadline: '2026-09-30', paused_days: 5 }).where('id', '=', 'AP-SV-02').execute();
      const failing = { publish: async () => Promise.reject(new Error('bus down')) };
      expect(await scan(HOLIDAY_FRIDAY, { bus: failing })).toEqual([]);
      expect(await database.db.selectFrom('case_supervision').select('level').where('application_id', '=', 'AP-SV-02').executeTakeFirst()).toBeUndefined();
      expect((await scan(HOLIDAY_FRIDAY)).map((e) => `${e.caseId}:${e.level}:${e.deadline}`)).toEqual(['AP-SV-02:YELLOW:2026-09-30']);
    });

    it('does not scan a paused case, and counts the on-time decision of a case it flagged', async () => {
      // The police officer approves AP-SV-05 by its deadline, through the lifecycle: the year counter the board reads moves.
      await services.lifecycle.decide(CALLERS.police, { id: 'AP-SV-05', action: DecisionAction.APPROVE });
      const b = (await board(CALLERS.police, { departmentCode: POLICE })).data.supervisionBoard;
      expect(b.totals).toMatchObject({ decisionsThisYear: 1, decidedOnTimeThisYear: 1, onTimeRate: 1, suspended: 1 });
      expect((await scan(MONDAY_AFTER)).map((e) => e.caseId)).not.toContain('AP-SV-06');
    });
  });
}

async function eventually(condition: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('electronic supervision on SQLite', () => {
  supervisionContract(async () => {
    const database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    // One in-memory database: the "second" scanner shares its connection, interleaving in one process.
    return { database, second: () => database, cleanup: async () => undefined };
  });
});

describe.runIf(await postgresAvailable())('electronic supervision on PostgreSQL', () => {
  supervisionContract(async () => {
    const scratch = await createScratchSchema();
    const database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: '', url: scratch.url });
    // A second pool on the same schema: the two scanners race on separate connections.
    return { database, second: () => openDatabase<ApplicationTables>({ name: 'applications', dataDir: '', url: scratch.url }), cleanup: scratch.drop };
  });
});
