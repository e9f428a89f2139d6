import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVING_LICENCE_RENEWAL, type Database } from '@govgraph/kit';
import type { ConsultationTables } from '../src/database.js';
import { codeOf, fieldOf, freshDatabase, hallOfficer, policeOfficer, run } from './harness.js';

const FAQ =
  'query ($reps: [_Any!]!, $first: Int) { _entities(representations: $reps) { ... on Matter { code frequentQuestions(first: $first) { question answer timesAsked lastAnsweredOn } } } }';

describe('Matter.frequentQuestions', () => {
  let database: Database<ConsultationTables>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const faq = (codes: string[], first?: number) =>
    run(database, FAQ, { reps: codes.map((code) => ({ __typename: 'Matter', code })), ...(first === undefined ? {} : { first }) }, null);

  it('lists only published pairs, grouped by the published question, most asked first, five by default', async () => {
    const result = await faq([DRIVING_LICENCE_RENEWAL]);
    expect(result.errors).toBeUndefined();
    const questions = result.data!._entities[0].frequentQuestions as Array<{ question: string; answer: string; timesAsked: number; lastAnsweredOn: string }>;
    expect(questions).toHaveLength(5);
    const published = await database.db
      .selectFrom('consultation')
      .select(['public_question', 'public_answer', 'answered_at'])
      .where('matter_code', '=', DRIVING_LICENCE_RENEWAL)
      .where('public_question', 'is not', null)
      .execute();
    const counts = new Map<string, number>();
    for (const row of published) counts.set(row.public_question!, (counts.get(row.public_question!) ?? 0) + 1);
    for (const q of questions) {
      expect(q.timesAsked).toBe(counts.get(q.question));
      // Never an asker's own words: those carry an opening and are not published as such.
      expect(q.question.startsWith('请问')).toBe(false);
    }
    const times = questions.map((q) => q.timesAsked);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Grouped: more consultations than questions, and unpublished ones are not counted.
    const all = await database.db.selectFrom('consultation').select('id').where('matter_code', '=', DRIVING_LICENCE_RENEWAL).execute();
    expect(published.length).toBeLessThan(all.length);
    expect(times.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(published.length);
    expect(questions.every((q) => /^\d{4}-\d{2}-\d{2}$/.test(q.lastAnsweredOn))).toBe(true);
  });

  it('takes first 1..20, and answers several matters in one batch', async () => {
    expect((await faq([DRIVING_LICENCE_RENEWAL], 2)).data!._entities[0].frequentQuestions).toHaveLength(2);
    expect((await faq([DRIVING_LICENCE_RENEWAL], 20)).data!._entities[0].frequentQuestions.length).toBeGreaterThan(5);
    for (const first of [0, 21, -1]) {
      const result = await faq([DRIVING_LICENCE_RENEWAL], first);
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'first']);
    }
    const both = await faq([DRIVING_LICENCE_RENEWAL, 'JJ-0102', 'NO-SUCH-9']);
    expect(both.errors).toBeUndefined();
    expect(both.data!._entities[1].frequentQuestions.length).toBeGreaterThan(0);
    expect(both.data!._entities[2].frequentQuestions).toEqual([]);
    expect((await faq(['not a code!'])).data!._entities).toEqual([null]);
  });

  it('gains a pair when an officer publishes an answer, and its latest answer', async () => {
    const ask = await run(
      database,
      'mutation { recordConsultation(input: { channel: HOTLINE_12345, matterCode: "JJ-0103", question: "我姓王，想问下这个怎么办？", answer: "请登录网上办事大厅在线申请。", publishAs: "这个事项怎么在线申请？" }) { id status } }',
      {},
      policeOfficer,
    );
    expect(ask.errors).toBeUndefined();
    const questions = (await faq(['JJ-0103'], 20)).data!._entities[0].frequentQuestions as Array<{ question: string; answer: string; timesAsked: number }>;
    expect(questions).toContainEqual({ question: '这个事项怎么在线申请？', answer: '请登录网上办事大厅在线申请。', timesAsked: 1, lastAnsweredOn: '2026-11-27' });
    // The hall officer may not record for another department: it goes to their own.
    const own = await run(
      database,
      'mutation { recordConsultation(input: { channel: HALL_DESK, question: "大厅几点开门？", answer: "九点。" }) { id department { code } matter { code } } }',
      {},
      hallOfficer,
    );
    expect(own.data!.recordConsultation.department.code).toBe(hallOfficer.department);
    expect(own.data!.recordConsultation.matter).toBeNull();
  });
});
