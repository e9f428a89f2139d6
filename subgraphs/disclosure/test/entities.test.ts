import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { officerHall, officerPolice, refusal, testGraph, zhangsan, type TestGraph } from './harness.js';

const MINE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { disclosureRequests { id description } } } }`;
const REQUEST_REF = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on DisclosureRequest { id description } } }`;
const ANSWER = `mutation ($id: ID!) { answerDisclosureRequest(id: $id, outcome: DISCLOSED) { id outcome } }`;
const EXTEND = 'mutation ($id: ID!) { extendDisclosureRequest(id: $id, days: 5, reason: "需要向第三方征求意见") { id dueOn } }';

describe('crafted representations and concurrent once-only actions', () => {
  let graph: TestGraph;
  beforeEach(async () => {
    await graph?.database.close();
    graph = await testGraph();
  });
  afterAll(async () => {
    await graph?.database.close();
  });

  it('gives no one the requests of an Applicant representation without a string id', async () => {
    for (const id of [null, 7, { id: 'P-000001' }, 'x'.repeat(40)]) {
      // An officer's claims carry applicantId null: `id: null` must not pass as theirs (it reached the loader).
      const result = await graph.run(MINE, { reps: [{ __typename: 'Applicant', id }] }, officerHall);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([null]);
    }
    const missing = await graph.run(MINE, { reps: [{ __typename: 'Applicant' }] }, officerHall);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!._entities).toEqual([null]);
    expect(graph.reads).toHaveLength(0);
  });

  it('answers an anonymous DisclosureRequest reference the same whether or not the id exists', async () => {
    for (const id of ['DQ-000001', 'DQ-999999', 7, null]) {
      const result = await graph.run(REQUEST_REF, { reps: [{ __typename: 'DisclosureRequest', id }] }, null);
      expect(refusal(result)).toEqual({ code: 'UNAUTHENTICATED' });
      expect(JSON.stringify(result.data ?? null)).not.toContain('申请公开');
    }
    // Wrong types and others' ids give null to a signed-in caller.
    for (const id of [7, null, ['DQ-000001'], 'DQ-000002']) {
      const result = await graph.run(REQUEST_REF, { reps: [{ __typename: 'DisclosureRequest', id }] }, zhangsan);
      expect(result.data!._entities).toEqual([null]);
    }
    expect(graph.reads).toHaveLength(0);
  });

  it('answers or extends a request once when two officers act at the same moment', async () => {
    const open = 'DQ-000011'; // zhangsan's open request to the traffic police
    graph.setToday('2026-11-20');
    const answers = await Promise.all([graph.run(ANSWER, { id: open }, officerPolice), graph.run(ANSWER, { id: open }, officerPolice)]);
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.map(refusal).filter((r) => r.code)).toEqual([{ code: 'CONFLICT' }]);

    const hall = 'DQ-000012'; // wangwu's open request to the hall
    const extensions = await Promise.all([graph.run(EXTEND, { id: hall }, officerHall), graph.run(EXTEND, { id: hall }, officerHall)]);
    expect(extensions.filter((r) => !r.errors)).toHaveLength(1);
    expect(extensions.map(refusal).filter((r) => r.code)).toEqual([{ code: 'CONFLICT' }]);
  });
});
