import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SUPERVISION_STREAM, DEPARTMENTS, FileEventBus, cityDate, createLogger, workingDaysBetween, type CaseSupervisionEvent, type EventBus } from '@govgraph/kit';
import { eventually, fieldsFrom, PNG_BYTES, pdfBytes, uploadDocument } from '../src/cases.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Issue 24, electronic supervision (电子监察) through the gateway: the hall office's supervisor
 * sees every department's board, an officer their own department's, citizens and anonymous
 * callers none; the board agrees with the open cases themselves; and the scanner announces a case
 * once when it turns yellow and once when it turns red, on the `case-supervision` stream.
 */
const POLICE = DEPARTMENTS.trafficPolice.code;
const MARKET = DEPARTMENTS.marketRegulation.code;
const HALL = DEPARTMENTS.dataAdministration.code;

describe('electronic supervision through the gateway', () => {
  let graph: GraphHarness;
  // Real time moved forward by the test (never back: tokens are issued and checked in real time).
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const moveTo = (cityDay: string) => {
    offsetMs = Date.parse(`${cityDay}T02:00:00.000Z`) - Date.now(); // 10:00 in the city
  };
  const tokens: Record<string, string> = {};
  const received: CaseSupervisionEvent[] = [];
  let consumer: EventBus;

  const board = (token: string | undefined, variables: Record<string, unknown> = {}) => graph.operation('supervision-board.graphql', { first: 100, ...variables }, token);
  const ok = async (answer: Promise<{ data?: any; errors?: unknown }>) => {
    const { data, errors } = await answer;
    expect(errors).toBeUndefined();
    return data.supervisionBoard;
  };
  const codeOf = async (answer: Promise<{ data?: any; errors?: Array<{ extensions?: Record<string, any> }> }>) => {
    const { data, errors } = await answer;
    expect(data?.supervisionBoard ?? null).toBeNull();
    return errors?.[0]?.extensions?.code;
  };

  beforeAll(async () => {
    // The scanner reads its interval when applications starts (in this process).
    const before = process.env.SUPERVISION_SCAN_MS;
    process.env.SUPERVISION_SCAN_MS = '200';
    try {
      graph = await startGraph({ clock });
    } finally {
      if (before === undefined) delete process.env.SUPERVISION_SCAN_MS;
      else process.env.SUPERVISION_SCAN_MS = before;
    }
    for (const username of ['officer.supervisor', 'officer.hall', 'officer.police', 'officer.market', 'zhangsan', 'lisi']) tokens[username] = await graph.login(username);
    tokens.agent = (await graph.operation('act-as.graphql', { enterpriseId: 'E-000001' }, tokens.lisi)).data.actAs.token;
    // Another department reading the stream: it accepts only what applications signed.
    consumer = new FileEventBus(graph.dataDir, createLogger('supervision-consumer', 'silent'), { party: graph.party('licences'), eventsRefused: { inc: () => {} } });
    consumer.subscribe(CASE_SUPERVISION_STREAM, 'supervision-e2e', async (event) => {
      received.push(event.payload as CaseSupervisionEvent);
    });
  });
  afterAll(async () => {
    await consumer?.close();
    await graph?.close();
  });

  /** Open cases read straight from applications' table, levelled with the kit's calendar: what the board must say (3 warning days). */
  async function fromTheCases(departmentCode?: string) {
    const today = cityDate(clock());
    const levelOf = (deadline: string) => (deadline < today ? 'RED' : workingDaysBetween(today, deadline) <= 3 ? 'YELLOW' : null);
    const rows = await graph.databases
      .applications!.db.selectFrom('application')
      .select(['id', 'department_code', 'status', 'deadline', 'applicant_id'])
      .where('status', 'in', ['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED'])
      .$if(departmentCode !== undefined, (q: any) => q.where('department_code', '=', departmentCode))
      .execute();
    const running = rows.filter((r: any) => r.status !== 'CORRECTION_REQUESTED');
    const levels = running.map((r: any) => levelOf(r.deadline));
    return {
      openCases: rows.length,
      suspended: rows.length - running.length,
      overdue: levels.filter((l: unknown) => l === 'RED').length,
      dueSoon: levels.filter((l: unknown) => l === 'YELLOW').length,
      applicants: [...new Set(rows.map((r: any) => r.applicant_id as string))],
    };
  }

  it('shows the supervisor every department’s board, adding up to the hall and agreeing with the open cases', async () => {
    const b = await ok(board(tokens['officer.supervisor']));
    expect(b.department).toBeNull();
    expect(b.today).toBe(cityDate(clock()));
    const codes = b.departments.map((d: any) => d.department.code);
    expect(codes).toEqual(expect.arrayContaining([POLICE, MARKET]));
    expect(codes.length).toBeGreaterThan(5);
    // Names from the catalog, through the gateway's plan.
    expect(b.departments.find((d: any) => d.department.code === POLICE).department.name).toBe('市公安局交通警察局');
    for (const key of ['openCases', 'dueSoon', 'overdue', 'suspended', 'decisionsThisYear'] as const) {
      expect(b.totals[key], key).toBe(b.departments.reduce((n: number, d: any) => n + d[key], 0));
    }
    const expected = await fromTheCases();
    expect(b.totals).toMatchObject({ openCases: expected.openCases, dueSoon: expected.dueSoon, overdue: expected.overdue, suspended: expected.suspended });
    expect(b.totals.openCases).toBeGreaterThan(50);
    expect(b.flaggedCases.totalCount).toBe(expected.dueSoon + expected.overdue);
    // RED before YELLOW, the earliest deadline first; no applicant anywhere in the answer.
    const deadlines = b.flaggedCases.edges.map((e: any) => e.node.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const body = JSON.stringify(b);
    for (const applicant of expected.applicants) expect(body).not.toContain(applicant);
  });

  it('shows officer.police the traffic police’s board only, the same line the supervisor sees', async () => {
    const own = await ok(board(tokens['officer.police'], { departmentCode: POLICE }));
    expect(own.department).toEqual({ code: POLICE, name: '市公安局交通警察局' });
    expect(own.departments.map((d: any) => d.department.code)).toEqual([POLICE]);
    expect(own.flaggedCases.edges.every((e: any) => e.node.department.code === POLICE)).toBe(true);
    const all = await ok(board(tokens['officer.supervisor']));
    expect(own.departments[0]).toEqual(all.departments.find((d: any) => d.department.code === POLICE));
    const expected = await fromTheCases(POLICE);
    expect(own.totals).toMatchObject({ openCases: expected.openCases, dueSoon: expected.dueSoon, overdue: expected.overdue });

    expect(await codeOf(board(tokens['officer.police']))).toBe('FORBIDDEN');
    expect(await codeOf(board(tokens['officer.police'], { departmentCode: MARKET }))).toBe('FORBIDDEN');
    expect(await codeOf(board(tokens['officer.market'], { departmentCode: POLICE }))).toBe('FORBIDDEN');
    // The hall office's officer without the supervisor role: its own board, nobody else's.
    expect((await ok(board(tokens['officer.hall'], { departmentCode: HALL }))).department.code).toBe(HALL);
    expect(await codeOf(board(tokens['officer.hall']))).toBe('FORBIDDEN');
    expect(await codeOf(board(tokens['officer.hall'], { departmentCode: POLICE }))).toBe('FORBIDDEN');
    expect(await codeOf(board(tokens['officer.supervisor'], { departmentCode: 'NOT-A-DEPARTMENT' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses citizens and agents (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    for (const who of ['zhangsan', 'lisi', 'agent']) {
      expect(await codeOf(board(tokens[who]!)), who).toBe('FORBIDDEN');
      expect(await codeOf(board(tokens[who]!, { departmentCode: POLICE })), who).toBe('FORBIDDEN');
    }
    expect(await codeOf(board(undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(board(undefined, { departmentCode: POLICE }))).toBe('UNAUTHENTICATED');
  });

  it('announces every flagged case once on the case-supervision stream, without applicant data', async () => {
    const b = await ok(board(tokens['officer.supervisor']));
    const flagged = b.flaggedCases.totalCount as number;
    // The seed's November cases are past their deadlines by now: there is always something to announce.
    expect(flagged).toBeGreaterThan(0);
    await eventually(async () => received.length >= flagged, `${flagged} supervision events`, 20_000);
    // Several more scans: nothing is announced twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const keys = received.map((e) => `${e.caseId}:${e.level}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(received.length).toBe(flagged);
    const shown = new Map(b.flaggedCases.edges.map((e: any) => [e.node.id, e.node]));
    for (const event of received.filter((e) => shown.has(e.caseId))) {
      expect(event).toMatchObject({
        number: (shown.get(event.caseId) as any).number,
        level: (shown.get(event.caseId) as any).level,
        deadline: (shown.get(event.caseId) as any).deadline,
      });
    }
    expect(Object.keys(received[0] ?? {}).sort()).toEqual(['at', 'caseId', 'deadline', 'departmentCode', 'level', 'matterCode', 'number']);
  });

  it('announces zhangsan’s new case once when it turns yellow and once when it turns red', async () => {
    const zhangsan = tokens.zhangsan!;
    const prefill = (await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, zhangsan)).data.prefill;
    const licence = prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_DRIVING_LICENCE').satisfiedBy[0].id;
    const photo = await uploadDocument(graph, zhangsan, 'photo.png', PNG_BYTES);
    const health = await uploadDocument(graph, zhangsan, 'health.pdf', pdfBytes('体检合格'));
    const submitted = await graph.operation(
      'submit-application.graphql',
      {
        input: {
          matterCode: 'JJ-0101',
          idempotencyKey: 'supervision-e2e-0001',
          fields: fieldsFrom(prefill, { deliveryMethod: '邮寄' }),
          materials: [
            { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: licence },
            { requirementCode: 'PHOTO', documentId: photo.id },
            { requirementCode: 'HEALTH_CERTIFICATE', documentId: health.id },
          ],
        },
      },
      zhangsan,
    );
    expect(submitted.errors).toBeUndefined();
    const { id, deadline } = submitted.data.submitApplication.application;
    const eventsOf = () => received.filter((e) => e.caseId === id).map((e) => e.level);

    // The deadline day: due today, YELLOW on the board and announced once.
    moveTo(deadline);
    const dueToday = (await ok(board(tokens['officer.police'], { departmentCode: POLICE }))).flaggedCases.edges.find((e: any) => e.node.id === id)?.node;
    expect(dueToday).toMatchObject({ level: 'YELLOW', workingDaysLeft: 0, workingDaysOverdue: null, status: 'SUBMITTED' });
    await eventually(async () => eventsOf().includes('YELLOW'), 'the yellow event');

    // The day after: RED, announced once more.
    const next = new Date(Date.parse(`${deadline}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
    moveTo(next);
    const overdue = (await ok(board(tokens['officer.supervisor']))).flaggedCases.edges.find((e: any) => e.node.id === id)?.node;
    expect(overdue).toMatchObject({ level: 'RED', workingDaysLeft: null });
    await eventually(async () => eventsOf().includes('RED'), 'the red event');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(eventsOf()).toEqual(['YELLOW', 'RED']);
    const red = received.find((e) => e.caseId === id && e.level === 'RED')!;
    expect(red).toMatchObject({ departmentCode: POLICE, matterCode: 'JJ-0101', deadline });
    expect(JSON.stringify(red)).not.toMatch(/P-000001|张三|440303199003071233/);
  });
});
