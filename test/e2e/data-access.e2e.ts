import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { GRANT_PREFIX, mintCaseGrant, type CaseGrant, type Claims } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';
import { signGrantWith } from '../src/grants.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

const READ_PERSON = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Person { id displayName name idNumberMasked mobileMasked address { divisionName detail } }
  }
}`;

/**
 * Officers read an applicant's data only through a case of their own department: the case
 * system hands out a grant reference (here minted as applications will), identity checks it,
 * logs the read, and the citizen sees it in MyDataAccess.
 */
describe('purpose-bound officer access and the citizen’s data-access log', () => {
  let graph: GraphHarness;
  let police: Claims;
  let market: Claims;
  let grant: CaseGrant;

  beforeAll(async () => {
    graph = await startGraph();
    police = graph.claimsOf(await graph.login('officer.police'));
    market = graph.claimsOf(await graph.login('officer.market'));
    grant = {
      applicantId: 'P-000001',
      accountId: police.accountId,
      department: DEPARTMENTS.trafficPolice.code,
      caseId: 'case-1',
      purpose: '审查办件 JJ2026-000001',
      expiresAt: Date.now() + 10 * 60_000,
    };
  });
  afterAll(async () => graph?.close());

  it('gives nothing personal to an officer holding only the bare applicant id', async () => {
    const result = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: 'P-000001' }] }, police);
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(result.data)).not.toMatch(/张三|1233|8000|解放路/);
  });

  it('lets the officer of the case’s department read through the grant, and logs it first', async () => {
    const reference = mintCaseGrant(graph.party('applications').keys, grant);
    const result = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: reference }] }, police);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0]).toEqual({
      id: reference,
      displayName: '张三',
      name: '张三',
      idNumberMasked: '4403**********1233',
      mobileMasked: '138****8000',
      address: { divisionName: '罗湖区', detail: '东门街道解放路1001号' },
    });

    const zhangsan = await graph.login('zhangsan');
    const log = await graph.operation('my-data-access.graphql', {}, zhangsan);
    expect(log.errors).toBeUndefined();
    expect(log.data.me.dataAccessLog.totalCount).toBe(1);
    expect(log.data.me.dataAccessLog.edges[0].node).toEqual({
      at: expect.any(String),
      accessor: '赵警官',
      department: { code: DEPARTMENTS.trafficPolice.code, name: '市公安局交通警察局' },
      purpose: '审查办件 JJ2026-000001',
      fields: ['address', 'displayName', 'idNumberMasked', 'mobileMasked', 'name'],
    });
  });

  it('refuses the grant to an officer of another department, an altered grant and an expired one', async () => {
    const reference = mintCaseGrant(graph.party('applications').keys, grant);
    const asMarket = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: reference }] }, market);
    expect(asMarket.data._entities).toEqual([null]);

    // Built by hand exactly as applications mints: the forgeries below differ from the real one only in the key.
    expect(signGrantWith(graph.party('applications').keys, grant)).toBe(reference);
    const forgeries = {
      // Another department of the graph (its key is in the trust list, but not as the case system's).
      'identity’s own key': signGrantWith(graph.party('identity').keys, grant),
      'licences’ own key': signGrantWith(graph.party('licences').keys, grant),
      'the gateway’s key': signGrantWith(graph.party('gateway').keys, grant),
      // An applications key the graph does not trust (another key folder).
      'another applications key': mintCaseGrant(testParties(['applications'], join(graph.dataDir, 'another-graph')).applications.keys, grant),
    };
    for (const [by, forged] of Object.entries(forgeries)) {
      const withForged = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: forged }] }, police);
      expect(withForged.data._entities, `a grant signed with ${by}`).toEqual([null]);
    }

    // A real grant's signature over another applicant's grant.
    const signature = reference.slice(reference.indexOf('.') + 1);
    const otherPayload = Buffer.from(JSON.stringify({ ...grant, applicantId: 'P-000002' })).toString('base64url');
    const altered = `${GRANT_PREFIX}${otherPayload}.${signature}`;
    const withAltered = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: altered }] }, police);
    expect(withAltered.data._entities).toEqual([null]);

    const expired = mintCaseGrant(graph.party('applications').keys, { ...grant, expiresAt: Date.now() - 1 });
    const withExpired = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: expired }] }, police);
    expect(withExpired.data._entities).toEqual([null]);

    const citizen = graph.claimsOf(await graph.login('lisi'));
    const asCitizen = await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: reference }] }, citizen);
    expect(asCitizen.data._entities).toEqual([null]);

    // None of the refused attempts reached the log.
    const zhangsan = await graph.login('zhangsan');
    expect((await graph.operation('my-data-access.graphql', {}, zhangsan)).data.me.dataAccessLog.totalCount).toBe(1);
  });

  it('logs an officer’s read of the licences in another department through the same log', async () => {
    const reference = mintCaseGrant(graph.party('applications').keys, { ...grant, caseId: 'case-3', purpose: '审查办件 JJ2026-000003' });
    const licences = await graph.subgraphQuery(
      'licences',
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { licences(status: VALID) { number } } } }',
      { reps: [{ __typename: 'Applicant', id: reference }] },
      police,
    );
    expect(licences.errors).toBeUndefined();
    expect(licences.data._entities[0].licences.map((l: { number: string }) => l.number)).toContain('440303199003071233');
    const bare = await graph.subgraphQuery(
      'licences',
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { licences { number } } } }',
      { reps: [{ __typename: 'Applicant', id: 'P-000001' }] },
      police,
    );
    expect(bare.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const zhangsan = await graph.login('zhangsan');
    const deadline = Date.now() + 5_000;
    let entries: any[] = [];
    while (Date.now() < deadline) {
      entries = (await graph.operation('my-data-access.graphql', {}, zhangsan)).data.me.dataAccessLog.edges.map((e: any) => e.node);
      if (entries.some((e) => e.purpose === '审查办件 JJ2026-000003')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entries.find((e) => e.purpose === '审查办件 JJ2026-000003')).toMatchObject({
      accessor: '赵警官',
      department: { name: '市公安局交通警察局' },
      fields: ['licences.licences'],
    });
    // Remove it again so the next test counts only identity's own entries.
    await graph.databases.identity!.db.deleteFrom('data_access').where('case_id', '=', 'case-3').execute();
  });

  it('pages the log with cursors and shows it to nobody else', async () => {
    const reference = mintCaseGrant(graph.party('applications').keys, { ...grant, caseId: 'case-2', purpose: '审查办件 JJ2026-000002' });
    await graph.subgraphQuery('identity', READ_PERSON, { reps: [{ __typename: 'Person', id: reference }] }, police);
    const zhangsan = await graph.login('zhangsan');
    const first = await graph.operation('my-data-access.graphql', { first: 1 }, zhangsan);
    expect(first.data.me.dataAccessLog.totalCount).toBe(2);
    expect(first.data.me.dataAccessLog.edges[0].node.purpose).toBe('审查办件 JJ2026-000002');
    expect(first.data.me.dataAccessLog.pageInfo.hasNextPage).toBe(true);
    const second = await graph.operation('my-data-access.graphql', { first: 1, after: first.data.me.dataAccessLog.pageInfo.endCursor }, zhangsan);
    expect(second.data.me.dataAccessLog.edges.map((e: any) => e.node.purpose)).toEqual(['审查办件 JJ2026-000001']);

    const lisi = await graph.login('lisi');
    expect((await graph.operation('my-data-access.graphql', {}, lisi)).data.me.dataAccessLog.totalCount).toBe(0);
    const other = await graph.subgraphQuery(
      'identity',
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { dataAccessLog { totalCount } } } }`,
      { reps: [{ __typename: 'Person', id: 'P-000001' }] },
      graph.claimsOf(lisi),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.data?._entities?.[0] ?? null).toBeNull();
  });
});
