import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEPARTMENTS, addWorkingDays } from '@govgraph/kit';
import { lisi, officerHall, officerMarket, officerPolice, refusal, testGraph, wangwuCompany, zhangsan, type TestGraph } from './harness.js';

const FIELDS =
  'id status department { code } description receivedOn dueOn extension { days reason decidedOn originalDueOn } outcome refusalGround repliedOn answeredOnTime feeYuan reviews { id kind filedOn result closedOn }';
const REQUEST = `mutation ($input: DisclosureRequestInput!) { requestDisclosure(input: $input) { ${FIELDS} } }`;
const EXTEND = `mutation ($id: ID!, $days: Int!, $reason: String!) { extendDisclosureRequest(id: $id, days: $days, reason: $reason) { ${FIELDS} } }`;
const ANSWER = `mutation ($id: ID!, $outcome: DisclosureOutcome!, $ground: DisclosureRefusalGround) { answerDisclosureRequest(id: $id, outcome: $outcome, refusalGround: $ground) { ${FIELDS} } }`;
const REVIEW = `mutation ($id: ID!, $kind: DisclosureReviewKind!, $filedOn: Date!, $result: DisclosureReviewResult, $closedOn: Date) {
  recordDisclosureReview(requestId: $id, kind: $kind, filedOn: $filedOn, result: $result, closedOn: $closedOn) { ${FIELDS} } }`;
const ONE = `query ($id: ID!) { disclosureRequest(id: $id) { id description } }`;
const QUEUE = `query ($status: DisclosureRequestStatus, $first: Int, $after: String) {
  departmentDisclosureRequests(status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id dueOn department { code } } } } }`;
const MINE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { disclosureRequests { id receivedOn department { code } } } } }`;

const police = DEPARTMENTS.trafficPolice.code;
const DESCRIPTION = '申请公开本市2026年道路交通信号灯配时方案的制定依据。';

describe('disclosure requests', () => {
  let graph: TestGraph;
  beforeEach(async () => {
    await graph?.database.close();
    graph = await testGraph();
  });
  afterAll(async () => {
    await graph?.database.close();
  });

  async function fileRequest(today: string, claims = zhangsan) {
    graph.setToday(today);
    const result = await graph.run(REQUEST, { input: { departmentCode: police, description: DESCRIPTION } }, claims);
    expect(result.errors).toBeUndefined();
    return result.data!.requestDisclosure;
  }

  it('is due 20 working days after receipt, counted over the Mid-Autumn and National Day holidays', async () => {
    const request = await fileRequest('2026-09-21');
    expect(request).toMatchObject({
      status: 'RECEIVED',
      receivedOn: '2026-09-21',
      dueOn: '2026-10-26',
      extension: null,
      outcome: null,
      answeredOnTime: null,
      feeYuan: 0,
      reviews: [],
    });
    expect(request.id).toMatch(/^DQ-\d{6}$/);
    expect(request.dueOn).toBe(addWorkingDays('2026-09-21', 20));
    // Received on a holiday, the count starts all the same from the day of receipt.
    expect((await fileRequest('2026-10-03')).dueOn).toBe(addWorkingDays('2026-10-03', 20));
  });

  it('is extended once by working days from the original due date, never twice, never after it is due', async () => {
    const request = await fileRequest('2026-09-21');
    graph.setToday('2026-10-20');
    const extended = await graph.run(EXTEND, { id: request.id, days: 10, reason: '需要向第三方征求意见' }, officerPolice);
    expect(extended.errors).toBeUndefined();
    expect(extended.data!.extendDisclosureRequest).toMatchObject({
      status: 'EXTENDED',
      dueOn: '2026-11-09',
      extension: { days: 10, reason: '需要向第三方征求意见', decidedOn: '2026-10-20', originalDueOn: '2026-10-26' },
    });
    expect(refusal(await graph.run(EXTEND, { id: request.id, days: 5, reason: '再次延期' }, officerPolice))).toEqual({ code: 'CONFLICT' });

    const late = await fileRequest('2026-09-21', lisi);
    graph.setToday('2026-10-27');
    expect(refusal(await graph.run(EXTEND, { id: late.id, days: 5, reason: '来不及了' }, officerPolice))).toEqual({ code: 'CONFLICT' });
  });

  it('is answered once; withholding outcomes need a ground, the others take none; answeredOnTime compares with the due date', async () => {
    const request = await fileRequest('2026-09-21');
    graph.setToday('2026-10-26');
    expect(refusal(await graph.run(ANSWER, { id: request.id, outcome: 'NOT_DISCLOSED' }, officerPolice))).toEqual({ code: 'BAD_USER_INPUT', field: 'refusalGround' });
    expect(refusal(await graph.run(ANSWER, { id: request.id, outcome: 'DISCLOSED', ground: 'STATE_SECRET' }, officerPolice))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'refusalGround',
    });
    const answered = await graph.run(ANSWER, { id: request.id, outcome: 'PARTIALLY_DISCLOSED', ground: 'PROCESS_INFORMATION' }, officerPolice);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerDisclosureRequest).toMatchObject({
      status: 'ANSWERED',
      outcome: 'PARTIALLY_DISCLOSED',
      refusalGround: 'PROCESS_INFORMATION',
      repliedOn: '2026-10-26',
      answeredOnTime: true,
    });
    expect(refusal(await graph.run(ANSWER, { id: request.id, outcome: 'DISCLOSED' }, officerPolice))).toEqual({ code: 'CONFLICT' });
    expect(refusal(await graph.run(EXTEND, { id: request.id, days: 5, reason: '已经答复了' }, officerPolice))).toEqual({ code: 'CONFLICT' });

    const late = await fileRequest('2026-09-21', lisi);
    graph.setToday('2026-10-27');
    expect((await graph.run(ANSWER, { id: late.id, outcome: 'NOT_EXISTING' }, officerPolice)).data!.answerDisclosureRequest.answeredOnTime).toBe(false);
  });

  it('records a review only of an answered request, filed after the reply and not in the future', async () => {
    const request = await fileRequest('2026-09-21');
    graph.setToday('2026-10-10');
    const review = (vars: Record<string, unknown>) => graph.run(REVIEW, { id: request.id, kind: 'RECONSIDERATION', ...vars }, officerPolice);
    expect(refusal(await review({ filedOn: '2026-10-09' }))).toEqual({ code: 'CONFLICT' });
    await graph.run(ANSWER, { id: request.id, outcome: 'NOT_DISCLOSED', ground: 'PERSONAL_PRIVACY' }, officerPolice);
    graph.setToday('2026-11-20');
    expect(refusal(await review({ filedOn: '2026-10-09' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filedOn' });
    expect(refusal(await review({ filedOn: '2026-11-21' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'filedOn' });
    expect(refusal(await review({ filedOn: '2026-11-02', closedOn: '2026-11-10' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'closedOn' });
    expect(refusal(await review({ filedOn: '2026-11-02', result: 'CORRECTED' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'closedOn' });
    expect(refusal(await review({ filedOn: '2026-11-02', result: 'CORRECTED', closedOn: '2026-11-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'closedOn' });
    expect(refusal(await review({ filedOn: '2026-11-31' })).code).toBe('BAD_USER_INPUT');
    const recorded = await review({ filedOn: '2026-11-02' });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordDisclosureReview.reviews).toEqual([{ id: 'DV-000002', kind: 'RECONSIDERATION', filedOn: '2026-11-02', result: 'PENDING', closedOn: null }]);
  });

  it('validates a new request with stable codes and the field', async () => {
    const ask = (input: Record<string, unknown>, claims = zhangsan) => graph.run(REQUEST, { input: { departmentCode: police, description: DESCRIPTION, ...input } }, claims);
    expect(refusal(await ask({ description: '太短了' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(refusal(await ask({ description: `   ${' '.repeat(20)}  ` }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(refusal(await ask({ description: '长'.repeat(2001) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(refusal(await ask({ departmentCode: '11440300000000000X' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.departmentCode' });
    expect(refusal(await ask({}, null as never))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(refusal(await ask({}, officerHall))).toEqual({ code: 'FORBIDDEN' });
    const ids = await graph.database.db.selectFrom('disclosure_request').select('id').execute();
    expect(ids).toHaveLength(12); // nothing written by any refused attempt
  });

  it('validates an extension’s days and reason', async () => {
    const request = await fileRequest('2026-09-21');
    for (const days of [0, 21, -1]) {
      expect(refusal(await graph.run(EXTEND, { id: request.id, days, reason: '理由充分' }, officerPolice))).toEqual({ code: 'BAD_USER_INPUT', field: 'days' });
    }
    expect(refusal(await graph.run(EXTEND, { id: request.id, days: 5, reason: '  ' }, officerPolice))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(await graph.run(EXTEND, { id: 'x'.repeat(40), days: 5, reason: '理由充分' }, officerPolice))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('a wangwu acting for his company files as the company', async () => {
    const request = await fileRequest('2026-11-02', wangwuCompany);
    const row = await graph.database.db.selectFrom('disclosure_request').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ requester_id: 'E-000001', submitted_by: 'P-000003', fee_yuan: 0 });
  });

  describe('who may read and act', () => {
    it('gives a request to its requester and to officers of its department (logging their read), null to anyone else', async () => {
      const request = await fileRequest('2026-11-02');
      expect((await graph.run(ONE, { id: request.id }, zhangsan)).data!.disclosureRequest).toEqual({ id: request.id, description: DESCRIPTION });
      expect(graph.reads).toHaveLength(0);
      expect((await graph.run(ONE, { id: request.id }, lisi)).data!.disclosureRequest).toBeNull();
      expect((await graph.run(ONE, { id: request.id }, officerHall)).data!.disclosureRequest).toBeNull();
      expect((await graph.run(ONE, { id: 'DQ-999999' }, officerPolice)).data!.disclosureRequest).toBeNull();
      expect(refusal(await graph.run(ONE, { id: request.id }, null))).toEqual({ code: 'UNAUTHENTICATED' });
      expect(graph.reads).toHaveLength(0);
      expect((await graph.run(ONE, { id: request.id }, officerPolice)).data!.disclosureRequest).toEqual({ id: request.id, description: DESCRIPTION });
      expect(graph.reads).toEqual([
        {
          applicantId: 'P-000001',
          at: '2026-11-02T02:00:00.000Z',
          accessorAccountId: officerPolice.accountId,
          departmentCode: police,
          purpose: `办理政府信息公开申请 ${request.id}`,
          caseId: null,
          fields: ['disclosure.disclosureRequest'],
        },
      ]);
      const reference = (claims: typeof zhangsan) =>
        graph.run(
          'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on DisclosureRequest { id } } }',
          { reps: [{ __typename: 'DisclosureRequest', id: request.id }] },
          claims,
        );
      expect((await reference(zhangsan)).data!._entities).toEqual([{ id: request.id }]);
      expect((await reference(lisi)).data!._entities).toEqual([null]);
    });

    it("gives officers their own department's open requests, due first, and no one else a queue", async () => {
      const first = await graph.run(QUEUE, { first: 2 }, officerHall);
      expect(first.errors).toBeUndefined();
      const page = first.data!.departmentDisclosureRequests;
      expect(page.totalCount).toBe(2);
      expect(page.edges.map((e: { node: { dueOn: string } }) => e.node.dueOn)).toEqual(['2026-12-07', '2026-12-21']);
      expect(page.edges.every((e: { node: { department: { code: string } } }) => e.node.department.code === DEPARTMENTS.dataAdministration.code)).toBe(true);
      expect(graph.reads.map((r) => r.applicantId)).toEqual(['P-000002', 'P-000003']);
      const answered = (await graph.run(QUEUE, { status: 'ANSWERED', first: 1 }, officerHall)).data!.departmentDisclosureRequests;
      expect(answered.totalCount).toBe(2);
      expect(answered.pageInfo.hasNextPage).toBe(true);
      const next = (await graph.run(QUEUE, { status: 'ANSWERED', first: 1, after: answered.pageInfo.endCursor }, officerHall)).data!.departmentDisclosureRequests;
      expect(next.edges[0].node.id).not.toBe(answered.edges[0].node.id);
      expect(next.pageInfo.hasNextPage).toBe(false);
      expect(refusal(await graph.run(QUEUE, {}, zhangsan))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await graph.run(QUEUE, {}, null))).toEqual({ code: 'UNAUTHENTICATED' });
      expect(refusal(await graph.run(QUEUE, { after: 'not-a-cursor' }, officerHall))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it("refuses another department's officer as if the request did not exist, and citizens outright", async () => {
      const request = await fileRequest('2026-11-02');
      expect(refusal(await graph.run(ANSWER, { id: request.id, outcome: 'DISCLOSED' }, officerMarket))).toEqual({ code: 'NOT_FOUND' });
      expect(refusal(await graph.run(ANSWER, { id: 'DQ-999999', outcome: 'DISCLOSED' }, officerMarket))).toEqual({ code: 'NOT_FOUND' });
      expect(refusal(await graph.run(EXTEND, { id: request.id, days: 5, reason: '理由充分' }, officerHall))).toEqual({ code: 'NOT_FOUND' });
      expect(refusal(await graph.run(REVIEW, { id: request.id, kind: 'LITIGATION', filedOn: '2026-11-02' }, officerHall))).toEqual({ code: 'NOT_FOUND' });
      expect(refusal(await graph.run(ANSWER, { id: request.id, outcome: 'DISCLOSED' }, zhangsan))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await graph.run(ANSWER, { id: request.id, outcome: 'DISCLOSED' }, null))).toEqual({ code: 'UNAUTHENTICATED' });
      const row = await graph.database.db.selectFrom('disclosure_request').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('RECEIVED');
    });

    it("gives an applicant their own requests, newest first, and refuses anyone else's", async () => {
      const mine = await graph.run(MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, zhangsan);
      expect(mine.errors).toBeUndefined();
      const requests = mine.data!._entities[0].disclosureRequests;
      expect(requests.map((r: { receivedOn: string }) => r.receivedOn)).toEqual(['2026-11-16', '2025-03-10']);
      expect(requests.every((r: { department: { code: string } }) => r.department.code === police)).toBe(true);
      expect((await graph.run(MINE, { reps: [{ __typename: 'Applicant', id: 'E-000001' }] }, wangwuCompany)).data!._entities[0].disclosureRequests).toHaveLength(1);
      expect(refusal(await graph.run(MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, lisi))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await graph.run(MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, officerPolice))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await graph.run(MINE, { reps: [{ __typename: 'Applicant', id: 'P-000001' }] }, null))).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });
});
