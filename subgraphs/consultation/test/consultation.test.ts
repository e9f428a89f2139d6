import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, type DataAccessEvent, type Database } from '@govgraph/kit';
import { consultationDueAt } from '../src/consultation/due-time.js';
import type { ConsultationTables } from '../src/database.js';
import { buildConsultationSchema, codeOf, fieldOf, freshDatabase, hallOfficer, lisi, marketOfficer, policeOfficer, run, wangwuForCompany, zhangsan } from './harness.js';

const JJ = DEPARTMENTS.trafficPolice.code;
const ZWSJ = DEPARTMENTS.dataAdministration.code;

const ASK =
  'mutation ($input: AskConsultationInput!) { askConsultation(input: $input) { id status channel askedAt dueAt department { code } matter { code } answer answeredInTime } }';
const ANSWER =
  'mutation ($id: ID!, $answer: String!, $publishAs: String) { answerConsultation(id: $id, answer: $answer, publishAs: $publishAs) { id status answer answeredInTime } }';
const ONE = 'query ($id: ID!) { consultation(id: $id) { id question status } }';
const QUEUE =
  'query ($status: ConsultationStatus, $first: Int, $after: String) { departmentConsultations(status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id dueAt status } } } }';
const MINE =
  'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { consultations { id status question } consultationComplaints { id outcome rating coordinated } } } }';
const FILE = 'mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id outcome closedAt rating coordinated department { code } } }';
const CLOSE =
  'mutation ($id: ID!, $outcome: ConsultationComplaintOutcome!, $coordinated: Boolean!) { closeComplaint(id: $id, outcome: $outcome, coordinated: $coordinated, note: "协调处理") { id outcome coordinated closedAt } }';
const RATE = 'mutation ($id: ID!, $rating: Int!) { rateComplaint(id: $id, rating: $rating) { id rating } }';

describe('the due time', () => {
  it('is the end of the next working day, city time', () => {
    // Thursday 26 November 2026, 10:00 → Friday 23:59:59 (UTC+8).
    expect(consultationDueAt(new Date('2026-11-26T02:00:00.000Z'))).toBe('2026-11-27T15:59:59.000Z');
    // Friday evening, 23:30 city time (already Friday 15:30 UTC) → Monday.
    expect(consultationDueAt(new Date('2026-11-27T15:30:00.000Z'))).toBe('2026-11-30T15:59:59.000Z');
    // Saturday → Monday too.
    expect(consultationDueAt(new Date('2026-11-28T02:00:00.000Z'))).toBe('2026-11-30T15:59:59.000Z');
    // Just after midnight city time on Saturday (Friday 16:30 UTC) is Saturday already.
    expect(consultationDueAt(new Date('2026-11-27T16:30:00.000Z'))).toBe('2026-11-30T15:59:59.000Z');
  });

  it('skips a holiday and keeps a make-up working day', () => {
    // 30 September 2025, before National Day (1–8 October off): due 9 October.
    expect(consultationDueAt(new Date('2025-09-30T02:00:00.000Z'))).toBe('2025-10-09T15:59:59.000Z');
    // Friday 26 September 2025: Sunday 28 September is a make-up working day.
    expect(consultationDueAt(new Date('2025-09-26T02:00:00.000Z'))).toBe('2025-09-28T15:59:59.000Z');
  });
});

describe('consultations', () => {
  let database: Database<ConsultationTables>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const waitingOf = async (applicantId: string, departmentCode: string) =>
    (
      await database.db
        .selectFrom('consultation')
        .select('id')
        .where('applicant_id', '=', applicantId)
        .where('department_code', '=', departmentCode)
        .where('answered_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;

  it('lets an applicant ask online, due at the end of the next working day', async () => {
    // Friday 27 November 2026, 10:00 city time.
    const result = await run(database, ASK, { input: { departmentCode: JJ, matterCode: 'JJ-0101', channel: 'WECHAT', question: '  换证需要体检吗？  ' } }, zhangsan);
    expect(result.errors).toBeUndefined();
    expect(result.data!.askConsultation).toMatchObject({
      status: 'WAITING',
      channel: 'WECHAT',
      askedAt: '2026-11-27T02:00:00.000Z',
      dueAt: '2026-11-30T15:59:59.000Z',
      department: { code: JJ },
      matter: { code: 'JJ-0101' },
      answer: null,
      answeredInTime: null,
    });
    expect(result.data!.askConsultation.id).toMatch(/^CQ-\d{6}$/);
  });

  it('refuses invalid input with stable codes and the field', async () => {
    const ask = (input: object, claims = zhangsan) => run(database, ASK, { input: { departmentCode: JJ, channel: 'WEBSITE', question: '请问怎么办理？', ...input } }, claims);
    const cases: Array<[object, string]> = [
      [{ channel: 'HALL_DESK' }, 'input.channel'],
      [{ channel: 'HOTLINE_12345' }, 'input.channel'],
      [{ question: '  问  ' }, 'input.question'],
      [{ question: '问'.repeat(501) }, 'input.question'],
      [{ departmentCode: '91440300MA5ABCDE1X' }, 'input.departmentCode'],
      [{ matterCode: 'JJ 0101; drop' }, 'input.matterCode'],
    ];
    for (const [input, field] of cases) {
      const result = await ask(input);
      expect([codeOf(result), fieldOf(result)], JSON.stringify(input)).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(codeOf(await ask({}, null as never))).toBe('UNAUTHENTICATED');
    expect(codeOf(await ask({}, policeOfficer))).toBe('FORBIDDEN');
    const officerRecord = await run(database, 'mutation { recordConsultation(input: { channel: WEBSITE, question: "问一个问题呀", answer: "答复" }) { id } }', {}, policeOfficer);
    expect([codeOf(officerRecord), fieldOf(officerRecord)]).toEqual(['BAD_USER_INPUT', 'input.channel']);
    expect(codeOf(await run(database, 'mutation { recordConsultation(input: { channel: HALL_DESK, question: "问一个问题呀", answer: "答复" }) { id } }', {}, zhangsan))).toBe(
      'FORBIDDEN',
    );
  });

  it('shows a consultation to its asker and the department asked, to nobody else', async () => {
    const id = await waitingOf('P-000001', JJ);
    const read = (claims: Parameters<typeof run>[3]) => run(database, ONE, { id }, claims);
    expect((await read(zhangsan)).data!.consultation).toMatchObject({ id, status: 'WAITING' });
    expect((await read(policeOfficer)).data!.consultation).toMatchObject({ id });
    expect((await read(lisi)).data!.consultation).toBeNull();
    expect((await read(marketOfficer)).data!.consultation).toBeNull();
    expect((await read(hallOfficer)).data!.consultation).toBeNull();
    expect(codeOf(await read(null))).toBe('UNAUTHENTICATED');
    expect((await run(database, ONE, { id: 'CQ-999999' }, zhangsan)).data!.consultation).toBeNull();
    const reference = (claims: Parameters<typeof run>[3]) =>
      run(database, 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Consultation { question } } }', { reps: [{ __typename: 'Consultation', id }] }, claims);
    expect((await reference(zhangsan)).data!._entities[0]).not.toBeNull();
    expect((await reference(lisi)).data!._entities).toEqual([null]);
  });

  it("writes an officer's read of an applicant's consultation to the data-access log, not the applicant's own", async () => {
    const id = await waitingOf('P-000001', JJ);
    const published: DataAccessEvent[] = [];
    await run(database, ONE, { id }, zhangsan, { published });
    expect(published).toEqual([]);
    await run(database, ONE, { id }, policeOfficer, { published });
    expect(published).toEqual([
      {
        applicantId: 'P-000001',
        at: '2026-11-27T02:00:00.000Z',
        accessorAccountId: 'A-000004',
        departmentCode: JJ,
        purpose: `答复咨询 ${id}`,
        caseId: null,
        fields: ['consultation.answer', 'consultation.question'],
      },
    ]);
  });

  it("gives applicants their own consultations and complaints, newest first, and refuses anyone else's", async () => {
    const mine = await run(database, MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, zhangsan);
    expect(mine.errors).toBeUndefined();
    const { consultations, consultationComplaints } = mine.data!._entities[0];
    expect(consultations.length).toBeGreaterThanOrEqual(4);
    expect(consultations.filter((c: { status: string }) => c.status === 'WAITING')).toHaveLength(2);
    const ids = consultations.map((c: { id: string }) => c.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(consultationComplaints).toEqual([expect.objectContaining({ outcome: 'RESOLVED', rating: 5, coordinated: true })]);
    expect(codeOf(await run(database, MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, lisi))).toBe('FORBIDDEN');
    expect(codeOf(await run(database, MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, null))).toBe('UNAUTHENTICATED');
    const company = await run(database, MINE, { reps: [{ __typename: 'Applicant', id: 'E-000001' }] }, wangwuForCompany);
    expect(company.data!._entities[0].consultations.length).toBeGreaterThan(0);
  });

  it("lists an officer's own department's consultations, due first, in pages", async () => {
    const first = await run(database, QUEUE, { status: 'WAITING', first: 1 }, hallOfficer);
    expect(first.errors).toBeUndefined();
    const queue = first.data!.departmentConsultations;
    expect(queue.totalCount).toBeGreaterThanOrEqual(2);
    expect(queue.pageInfo.hasNextPage).toBe(true);
    const second = await run(database, QUEUE, { status: 'WAITING', first: 5, after: queue.pageInfo.endCursor }, hallOfficer);
    const dues = [queue.edges[0].node, ...second.data!.departmentConsultations.edges.map((e: { node: unknown }) => e.node)].map((n: { dueAt: string; status: string }) => {
      expect(n.status).toBe('WAITING');
      return n.dueAt;
    });
    expect(dues).toEqual([...dues].sort());
    expect(codeOf(await run(database, QUEUE, {}, zhangsan))).toBe('FORBIDDEN');
    expect(codeOf(await run(database, QUEUE, {}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await run(database, QUEUE, { first: 101 }, hallOfficer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await run(database, QUEUE, { after: 'bm90LWEtY3Vyc29y' }, hallOfficer))).toBe('BAD_USER_INPUT');
  });

  it('is answered once, by the department or the hall office; anyone else does not find it', async () => {
    const id = await waitingOf('P-000001', JJ);
    const answer = (claims: Parameters<typeof run>[3], variables: object = {}) => run(database, ANSWER, { id, answer: '需要，请先到指定医院体检。', ...variables }, claims);
    expect(codeOf(await answer(marketOfficer))).toBe('NOT_FOUND');
    expect(codeOf(await answer(zhangsan))).toBe('FORBIDDEN');
    expect(codeOf(await answer(null))).toBe('UNAUTHENTICATED');
    const tooShort = await answer(policeOfficer, { answer: '是' });
    expect([codeOf(tooShort), fieldOf(tooShort)]).toEqual(['BAD_USER_INPUT', 'answer']);
    const shortPublish = await answer(policeOfficer, { publishAs: '体检' });
    expect([codeOf(shortPublish), fieldOf(shortPublish)]).toEqual(['BAD_USER_INPUT', 'publishAs']);
    const answered = await answer(policeOfficer, { publishAs: '驾驶证换证需要体检吗？' });
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerConsultation).toMatchObject({ status: 'ANSWERED', answeredInTime: true });
    expect(codeOf(await answer(policeOfficer))).toBe('CONFLICT');
    expect(codeOf(await answer(hallOfficer))).toBe('CONFLICT');

    // The hall office answers for any department, but publishes only with a matter.
    const lisiHall = await waitingOf('P-000002', ZWSJ);
    const noMatter = await run(database, ANSWER, { id: lisiHall, answer: '请联系客服重置。', publishAs: '证件号码已被注册怎么办？' }, hallOfficer);
    expect([codeOf(noMatter), fieldOf(noMatter)]).toEqual(['BAD_USER_INPUT', 'publishAs']);
    const companyMarket = await waitingOf('E-000001', DEPARTMENTS.marketRegulation.code);
    const byHall = await run(database, ANSWER, { id: companyMarket, answer: '需要总公司营业执照复印件。' }, hallOfficer, { clock: new Date('2026-12-01T02:00:00.000Z') });
    expect(byHall.data!.answerConsultation).toMatchObject({ status: 'ANSWERED', answeredInTime: false });
  });
});

describe('complaints and praise', () => {
  let database: Database<ConsultationTables>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('are filed by applicants, closed once by the hall office, rated once by the complainant after closing', async () => {
    const invalid = await run(database, FILE, { input: { departmentCode: JJ, subject: '慢' } }, zhangsan);
    expect([codeOf(invalid), fieldOf(invalid)]).toEqual(['BAD_USER_INPUT', 'input.subject']);
    const badDepartment = await run(database, FILE, { input: { departmentCode: 'JJ', subject: '窗口排队太久了' } }, zhangsan);
    expect([codeOf(badDepartment), fieldOf(badDepartment)]).toEqual(['BAD_USER_INPUT', 'input.departmentCode']);
    expect(codeOf(await run(database, FILE, { input: { departmentCode: JJ, subject: '窗口排队太久了' } }, null))).toBe('UNAUTHENTICATED');

    const filed = await run(database, FILE, { input: { departmentCode: JJ, matterCode: 'JJ-0101', subject: '窗口排队太久了，等了两个小时' } }, lisi);
    expect(filed.errors).toBeUndefined();
    const { id } = filed.data!.fileComplaint;
    expect(filed.data!.fileComplaint).toMatchObject({ outcome: null, closedAt: null, rating: null, coordinated: false, department: { code: JJ } });

    const early = await run(database, RATE, { id, rating: 4 }, lisi);
    expect(codeOf(early)).toBe('CONFLICT');

    const close = (claims: Parameters<typeof run>[3]) => run(database, CLOSE, { id, outcome: 'RESOLVED', coordinated: true }, claims);
    // Not even the department complained about closes it: the hall office coordinates.
    expect(codeOf(await close(policeOfficer))).toBe('FORBIDDEN');
    expect(codeOf(await close(lisi))).toBe('FORBIDDEN');
    expect(codeOf(await close(null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await run(database, CLOSE, { id: 'CC-999999', outcome: 'RESOLVED', coordinated: true }, hallOfficer))).toBe('NOT_FOUND');
    const closed = await close(hallOfficer);
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeComplaint).toMatchObject({ outcome: 'RESOLVED', coordinated: true, closedAt: '2026-11-27T02:00:00.000Z' });
    expect(codeOf(await close(hallOfficer))).toBe('CONFLICT');

    expect(codeOf(await run(database, RATE, { id, rating: 4 }, zhangsan))).toBe('NOT_FOUND');
    for (const rating of [0, 6]) {
      const result = await run(database, RATE, { id, rating }, lisi);
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'rating']);
    }
    expect((await run(database, RATE, { id, rating: 4 }, lisi)).data!.rateComplaint).toEqual({ id, rating: 4 });
    expect(codeOf(await run(database, RATE, { id, rating: 5 }, lisi))).toBe('CONFLICT');

    // Read back by reference: the complainant, the department and the hall office; nobody else.
    const reference = (claims: Parameters<typeof run>[3]) =>
      run(
        database,
        'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ConsultationComplaint { id rating } } }',
        { reps: [{ __typename: 'ConsultationComplaint', id }] },
        claims,
      );
    expect((await reference(lisi)).data!._entities).toEqual([{ id, rating: 4 }]);
    expect((await reference(policeOfficer)).data!._entities).toEqual([{ id, rating: 4 }]);
    expect((await reference(hallOfficer)).data!._entities).toEqual([{ id, rating: 4 }]);
    expect((await reference(zhangsan)).data!._entities).toEqual([null]);
    expect((await reference(marketOfficer)).data!._entities).toEqual([null]);
  });

  it('counts praise an officer records for their department', async () => {
    const record = (variables: object, claims: Parameters<typeof run>[3] = marketOfficer) =>
      run(
        database,
        'mutation ($kind: ConsultationPraiseKind!, $on: Date!) { recordPraise(kind: $kind, receivedOn: $on) }',
        { kind: 'BANNER', on: '2026-11-20', ...variables },
        claims,
      );
    expect((await record({})).data!.recordPraise).toBe(true);
    const future = await record({ on: '2026-11-28' });
    expect([codeOf(future), fieldOf(future)]).toEqual(['BAD_USER_INPUT', 'receivedOn']);
    expect(codeOf(await record({}, zhangsan))).toBe('FORBIDDEN');
    expect(codeOf(await record({ on: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    const section = await run(
      database,
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on AnnualReport { consultationAndComplaints { praise { banners } } } } }',
      { reps: [{ __typename: 'AnnualReport', departmentCode: DEPARTMENTS.marketRegulation.code, year: 2026 }] },
      null,
    );
    expect(section.data!._entities[0].consultationAndComplaints.praise.banners).toBe(1);
  });
});

describe('the SDL', () => {
  it('adds to Applicant, Matter and AnnualReport by their keys, and owns its entities', async () => {
    const { sdl } = await buildConsultationSchema();
    expect(sdl).toMatch(/type Applicant @interfaceObject @key\(fields: "id"\)/);
    expect(sdl).toMatch(/consultations: \[Consultation!\]!/);
    expect(sdl).toMatch(/consultationComplaints: \[ConsultationComplaint!\]!/);
    expect(sdl).toMatch(/type Matter @key\(fields: "code"\)/);
    expect(sdl).toMatch(/frequentQuestions\(first: Int = 5\): \[ConsultationFrequentQuestion!\]!/);
    expect(sdl).toMatch(/type AnnualReport @key\(fields: "departmentCode year"\)/);
    expect(sdl).toMatch(/consultationAndComplaints: ConsultationAnnualSection\b(?!!)/);
    expect(sdl).toMatch(/type Consultation @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ConsultationComplaint @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Department @key\(fields: "code", resolvable: false\)/);
    expect(sdl).toMatch(/consultation\(id: ID!\): Consultation\n/);
    const queue = sdl.slice(sdl.indexOf('departmentConsultations('), sdl.indexOf('): ConsultationConnection!'));
    for (const arg of ['status: ConsultationStatus\n', 'first: Int = 20\n', 'after: String\n', 'last: Int\n', 'before: String\n']) expect(queue).toContain(arg);
    for (const mutation of ['askConsultation', 'answerConsultation', 'recordConsultation', 'fileComplaint', 'closeComplaint', 'rateComplaint', 'recordPraise']) {
      expect(sdl).toContain(`${mutation}(`);
    }
    expect(sdl).not.toMatch(/ConsultationRecord/);
  });
});
