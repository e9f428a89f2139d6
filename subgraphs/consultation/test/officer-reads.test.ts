import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, type DataAccessEvent, type Database } from '@govgraph/kit';
import type { ConsultationTables } from '../src/database.js';
import { codeOf, freshDatabase, hallOfficer, lisi, marketOfficer, policeOfficer, run, zhangsan } from './harness.js';

const JJ = DEPARTMENTS.trafficPolice.code;
const ASK = 'mutation ($input: AskConsultationInput!) { askConsultation(input: $input) { id } }';
const ANSWER = 'mutation ($id: ID!, $answer: String!) { answerConsultation(id: $id, answer: $answer) { id question } }';
const FILE = 'mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }';
const CLOSE = 'mutation ($id: ID!) { closeComplaint(id: $id, outcome: RESOLVED, coordinated: true) { id subject } }';
const RATE = 'mutation ($id: ID!, $rating: Int!) { rateComplaint(id: $id, rating: $rating) { id rating } }';
const ENTITIES =
  'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Consultation { question } ... on ConsultationComplaint { subject } ... on Applicant { consultations { question } } } }';

let database: Database<ConsultationTables>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

const ask = async () =>
  (await run(database, ASK, { input: { departmentCode: JJ, channel: 'WEBSITE', question: '驾驶证到期了怎么换证？' } }, zhangsan)).data!.askConsultation.id as string;
const file = async () => (await run(database, FILE, { input: { departmentCode: JJ, subject: '窗口排队太久了，等了两个小时' } }, lisi)).data!.fileComplaint.id as string;

describe("officers' reads of applicants' records", () => {
  it("log an officer's read of a complaint, by reference or as closed, for the complainant", async () => {
    const id = await file();
    const published: DataAccessEvent[] = [];
    await run(database, ENTITIES, { reps: [{ __typename: 'ConsultationComplaint', id }] }, lisi, { published });
    expect(published).toEqual([]);
    const read = await run(database, ENTITIES, { reps: [{ __typename: 'ConsultationComplaint', id }] }, policeOfficer, { published });
    expect(read.data!._entities[0]).toEqual({ subject: '窗口排队太久了，等了两个小时' });
    const closed = await run(database, CLOSE, { id }, hallOfficer, { published });
    expect(closed.errors).toBeUndefined();
    expect(published.map((e) => [e.applicantId, e.accessorAccountId, e.purpose, e.fields])).toEqual([
      ['P-000002', 'A-000004', `协调投诉 ${id}`, ['consultation.complaint']],
      ['P-000002', 'A-000006', `协调投诉 ${id}`, ['consultation.complaint']],
    ]);
  });

  it("log the hall office's answer, which returns the asker's question", async () => {
    const id = await ask();
    const published: DataAccessEvent[] = [];
    const answered = await run(database, ANSWER, { id, answer: '请携带身份证到窗口办理。' }, hallOfficer, { published });
    expect(answered.data!.answerConsultation.question).toBe('驾驶证到期了怎么换证？');
    expect(published.map((e) => [e.applicantId, e.accessorAccountId, e.purpose])).toEqual([['P-000001', 'A-000006', `答复咨询 ${id}`]]);
  });

  it('give crafted representations nothing: wrong types, missing keys, Matter codes, others’ ids', async () => {
    const id = await ask();
    const reps = [
      { __typename: 'Consultation', id: 12 },
      { __typename: 'Consultation' },
      { __typename: 'Consultation', id: { $ne: null } },
      { __typename: 'Consultation', id: 'JJ-0101' },
      { __typename: 'Consultation', id },
      { __typename: 'ConsultationComplaint', id: ['CC-000001'] },
      { __typename: 'Applicant', id: 7 },
    ];
    const result = await run(database, ENTITIES, { reps }, marketOfficer);
    expect(result.data?._entities ?? null).toEqual([null, null, null, null, null, null, null]);
    // Someone else's id as an Applicant is refused, never answered.
    const other = await run(database, ENTITIES, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, lisi);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(JSON.stringify(other)).not.toContain('驾驶证');
  });
});

describe('once-only actions raced', () => {
  it('answer, close and rate: of two at once, one wins and the other is a CONFLICT', async () => {
    const consultation = await ask();
    const answers = await Promise.all([
      run(database, ANSWER, { id: consultation, answer: '第一个答复。' }, policeOfficer),
      run(database, ANSWER, { id: consultation, answer: '第二个答复。' }, hallOfficer),
    ]);
    expect(answers.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);

    const complaint = await file();
    const closes = await Promise.all([run(database, CLOSE, { id: complaint }, hallOfficer), run(database, CLOSE, { id: complaint }, hallOfficer)]);
    expect(closes.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const rates = await Promise.all([run(database, RATE, { id: complaint, rating: 2 }, lisi), run(database, RATE, { id: complaint, rating: 5 }, lisi)]);
    expect(rates.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });
});
