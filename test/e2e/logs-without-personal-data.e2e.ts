import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONS } from '@govgraph/identity';
import { mintCaseGrant } from '@govgraph/kit/trust';
import { startGraph, type GraphHarness } from '../src/harness.js';

/** Runs the served operations, good and bad, then reads every log line of every service. */
describe('logs carry no personal data', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph({ captureLogs: true });
  });
  afterAll(async () => graph?.close());

  it('logs requests, refusals and errors without ID numbers, mobiles or names', async () => {
    for (const person of DEMO_PERSONS) {
      await graph.operation('login.graphql', { username: person.username, password: 'wrong' });
    }
    const zhangsan = await graph.login('zhangsan');
    const wangwu = await graph.login('wangwu');
    const police = await graph.login('officer.police');
    await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, zhangsan);
    await graph.operation('start-form.graphql', { matterCode: 'NO-SUCH' }, zhangsan);
    await graph.operation('start-form.graphql', { matterCode: 'X'.repeat(300) }, zhangsan);
    await graph.operation('search-catalog.graphql', { filter: { text: '驾驶证' } });
    await graph.operation('matter-guide.graphql', { code: 'JJ-0101' });
    await graph.operation('my-data-access.graphql', {}, zhangsan);
    await graph.operation('act-as.graphql', { enterpriseId: 'E-000001' }, wangwu);
    await graph.operation('act-as.graphql', { enterpriseId: 'E-000001' }, zhangsan);
    await graph.query('{ me { id displayName ... on Person { name idNumberMasked mobileMasked address { detail } } } }', {}, zhangsan);
    await graph.query(`mutation { authoriseAgent(input: { idNumber: "440303199003071234", name: "张三", validTo: "2027-01-01" }) { role } }`, {}, wangwu);
    const claims = graph.claimsOf(police);
    const reference = mintCaseGrant(graph.party('applications').keys, {
      applicantId: 'P-000001',
      accountId: claims.accountId,
      department: claims.department!,
      caseId: 'c',
      purpose: '审查办件',
      expiresAt: Date.now() + 60_000,
    });
    await graph.subgraphQuery(
      'identity',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name address { detail } } } }',
      { r: [{ __typename: 'Person', id: reference }] },
      claims,
    );
    await graph.query('{ me { id } }', {}, 'garbage-token');
    const market = await graph.login('officer.market');
    const issued = await graph.operation(
      'issue-licence.graphql',
      { input: { typeCode: 'SPJYXKZ', holderId: 'E-000001', holderName: '深圳市示例科技有限公司', data: [{ key: 'businessScope', value: '预包装食品销售' }] } },
      market,
    );
    await graph.operation('verify-licence.graphql', { id: issued.data.issueLicence.licence.id });
    await graph.query('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [] }, zhangsan);

    expect(graph.logs.length).toBeGreaterThan(30);
    const secrets = DEMO_PERSONS.flatMap((p) => [p.idNumber, p.mobile, p.name, p.addressDetail]);
    const leaks = graph.logs.filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(leaks, `log lines with personal data:\n${leaks.join('\n')}`).toEqual([]);
  });
});
