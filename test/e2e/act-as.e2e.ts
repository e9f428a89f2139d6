import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

const COMPANY = 'E-000001';
const MY_HOME_IDENTITY = `query MyHomeIdentity {
  me {
    id kind displayName
    ... on Person { name idNumberMasked mobileMasked enterprises { role enterprise { id name creditCode } } }
    ... on Enterprise { name creditCode legalRepresentative { name } }
  }
}`;

describe('one account for the citizen and the enterprise page', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('shows wangwu his own page, then his company’s after actAs, and his own again after actAs(null)', async () => {
    const wangwu = await graph.login('wangwu');
    const own = await graph.query(MY_HOME_IDENTITY, {}, wangwu);
    expect(own.errors).toBeUndefined();
    expect(own.data.me).toMatchObject({
      id: 'P-000003',
      kind: 'PERSON',
      displayName: '王五',
      name: '王五',
      idNumberMasked: '4403**********0051',
      mobileMasked: '137****7000',
      enterprises: [{ role: 'LEGAL_REPRESENTATIVE', enterprise: { id: COMPANY, name: '深圳市示例科技有限公司', creditCode: '91440300MA5F2JNT4W' } }],
    });

    const acting = await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, wangwu);
    expect(acting.errors).toBeUndefined();
    expect(acting.data.actAs.applicant).toEqual({ id: COMPANY, kind: 'ENTERPRISE', displayName: '深圳市示例科技有限公司' });
    const companyToken = acting.data.actAs.token;
    const company = await graph.query(MY_HOME_IDENTITY, {}, companyToken);
    expect(company.data.me).toEqual({
      id: COMPANY,
      kind: 'ENTERPRISE',
      displayName: '深圳市示例科技有限公司',
      name: '深圳市示例科技有限公司',
      creditCode: '91440300MA5F2JNT4W',
      legalRepresentative: { name: '王五' },
    });

    const back = await graph.operation('act-as.graphql', { enterpriseId: null }, companyToken);
    expect(back.data.actAs.applicant).toEqual({ id: 'P-000003', kind: 'PERSON', displayName: '王五' });
  });

  it('lets a current agent act for the company, and refuses an expired one with the date', async () => {
    const lisi = await graph.login('lisi');
    const agent = await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, lisi);
    expect(agent.data.actAs.applicant.id).toBe(COMPANY);

    const zhangsan = await graph.login('zhangsan');
    const expired = await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, zhangsan);
    expect(expired.data?.actAs ?? null).toBeNull();
    expect(expired.errors?.[0]).toMatchObject({ message: 'Your authorisation for this enterprise ended on 2024-12-31', extensions: { code: 'FORBIDDEN' } });
  });

  it('refuses unknown enterprises, strangers, anonymous callers and huge ids with codes', async () => {
    const zhangsan = await graph.login('zhangsan');
    expect((await graph.operation('act-as.graphql', { enterpriseId: 'E-999999' }, zhangsan)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await graph.operation('act-as.graphql', { enterpriseId: 'E-001001' }, zhangsan)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graph.operation('act-as.graphql', { enterpriseId: COMPANY })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await graph.operation('act-as.graphql', { enterpriseId: 'E'.repeat(5_000) }, zhangsan)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'enterpriseId',
    });
  });

  it('looks up the public register by credit code and validates the code', async () => {
    const lookup = `query($code: String!) { enterprise(creditCode: $code) { name creditCode status legalRepresentative { name } } }`;
    const found = await graph.query(lookup, { code: '91440300MA5F2JNT4W' });
    expect(found.data.enterprise).toEqual({ name: '深圳市示例科技有限公司', creditCode: '91440300MA5F2JNT4W', status: '存续', legalRepresentative: { name: '王五' } });
    const badCheck = await graph.query(lookup, { code: '91440300MA5F2JNT4X' });
    expect(badCheck.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    const unknown = await graph.query(lookup, { code: '914403001922038216' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets the legal representative authorise an agent, who acts once they accepted, until revoked', async () => {
    const wangwu = await graph.login('wangwu');
    const company = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, wangwu)).data.actAs.token;
    const authorise = `mutation($input: AuthoriseAgentInput!) { authoriseAgent(input: $input) { id status role name idNumberMasked validTo } }`;
    const agentsQuery = `{ me { ... on Enterprise { agents { role validTo person { id name } } } } }`;
    const agentsBefore = (await graph.query(agentsQuery, {}, company)).data.me.agents;

    const invalid = await graph.query(authorise, { input: { idNumber: '440303199003071234', name: '张三', validTo: '2027-12-31' } }, company);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    expect(invalid.errors?.[0]?.message).toContain('check character');
    const badDate = await graph.query(authorise, { input: { idNumber: '440303199002301231', name: '张三', validTo: '2027-12-31' } }, company);
    expect(badDate.errors?.[0]?.message).toContain('birth date');
    // A wrong name is no longer told apart: it is an offer nobody can accept (agent-authorisation.e2e.ts).
    const wrongName = await graph.query(authorise, { input: { idNumber: '440303199003071233', name: '李四', validTo: '2027-12-31' } }, company);
    expect(wrongName.data.authoriseAgent).toMatchObject({ status: 'PENDING', name: '李四', idNumberMasked: '4403**********1233' });
    expect((await graph.query(agentsQuery, {}, company)).data.me.agents).toEqual(agentsBefore);

    const asPerson = await graph.query(authorise, { input: { idNumber: '440303199003071233', name: '张三', validTo: '2027-12-31' } }, wangwu);
    expect(asPerson.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const offered = await graph.query(authorise, { input: { idNumber: '440303199003071233', name: '张三', validTo: '2027-12-31' } }, company);
    expect(offered.data.authoriseAgent).toMatchObject({ status: 'PENDING', role: 'AUTHORISED_AGENT', validTo: '2027-12-31' });
    const zhangsan = await graph.login('zhangsan');
    expect((await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, zhangsan)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const accepted = await graph.query(`mutation($id: ID!) { acceptAgentAuthorisation(id: $id) { status enterprise { id } } }`, { id: offered.data.authoriseAgent.id }, zhangsan);
    expect(accepted.data.acceptAgentAuthorisation).toEqual({ status: 'ACCEPTED', enterprise: { id: COMPANY } });
    expect((await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, zhangsan)).data.actAs.applicant.id).toBe(COMPANY);

    const revoked = await graph.query(`mutation { revokeAgent(personId: "P-000001") }`, {}, company);
    expect(revoked.data.revokeAgent).toBe(true);
    expect((await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, zhangsan)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stops password guessing: five failures lock the account for the window, others unaffected', async () => {
    for (let i = 0; i < 5; i++) {
      const failed = await graph.operation('login.graphql', { username: 'officer.market', password: `guess-${i}` });
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await graph.operation('login.graphql', { username: 'officer.market', password: 'demo' });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await graph.login('officer.police')).toBeTruthy();
  });
});
