import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

describe('Login, SearchCatalog and MatterGuide through the gateway', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('signs zhangsan in with a token that expires and names his account', async () => {
    const result = await graph.operation('login.graphql', { username: 'zhangsan', password: 'demo' });
    expect(result.errors).toBeUndefined();
    const { token, expiresAt, account } = result.data.login;
    expect(token.split('.')).toHaveLength(3);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    expect(account).toEqual({ id: expect.any(String), displayName: '张三', roles: ['citizen'] });
  });

  it('refuses a wrong password and an unknown user alike, without a stack trace', async () => {
    for (const variables of [{ username: 'zhangsan', password: 'wrong' }, { username: 'nobody', password: 'demo' }]) {
      const result = await graph.operation('login.graphql', variables);
      expect(result.data?.login ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
      expect(JSON.stringify(result)).not.toContain('stacktrace');
    }
    const huge = await graph.operation('login.graphql', { username: 'u'.repeat(10_000), password: 'demo' });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
  });

  it('searches the catalog by text and pages through it with cursors', async () => {
    const result = await graph.operation('search-catalog.graphql', { filter: { text: '驾驶证' }, first: 1 });
    expect(result.errors).toBeUndefined();
    const { matters, departments } = result.data;
    expect(matters.totalCount).toBe(2);
    expect(matters.edges).toHaveLength(1);
    expect(matters.edges[0].node).toMatchObject({ code: 'JJ-0101', name: '机动车驾驶证期满换证', department: { name: '市公安局交通警察局' } });
    expect(matters.pageInfo.hasNextPage).toBe(true);

    const next = await graph.operation('search-catalog.graphql', { filter: { text: '驾驶证' }, first: 1, after: matters.pageInfo.endCursor });
    expect(next.data.matters.edges.map((e: any) => e.node.code)).toEqual(['JJ-0103']);
    expect(next.data.matters.pageInfo.hasNextPage).toBe(false);

    const traffic = departments.find((d: { name: string }) => d.name === '市公安局交通警察局');
    expect(traffic.matterCount).toBe(3);
  });

  it('finds matters by department name and takes % literally', async () => {
    const byDepartment = await graph.operation('search-catalog.graphql', { filter: { text: '市场监督' } });
    expect(byDepartment.data.matters.totalCount).toBe(2);
    const literal = await graph.operation('search-catalog.graphql', { filter: { text: '%' } });
    expect(literal.data.matters.totalCount).toBe(0);
  });

  it('rejects a forged cursor and an oversized page', async () => {
    const cursor = await graph.operation('search-catalog.graphql', { after: 'not-a-cursor' });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const page = await graph.operation('search-catalog.graphql', { first: 10_000 });
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('shows the service guide with the licence type that replaces a material', async () => {
    const result = await graph.operation('matter-guide.graphql', { code: 'JJ-0101' });
    expect(result.errors).toBeUndefined();
    const matter = result.data.matter;
    expect(matter).toMatchObject({
      code: 'JJ-0101',
      type: 'LICENSING',
      level: 'CITY',
      caseType: 'PROMISED',
      legalTimeLimitDays: 20,
      promisedTimeLimitDays: 1,
      onlineDepth: 4,
      visitsRequired: 0,
      servedObjects: ['PERSON'],
      department: { name: '市公安局交通警察局' },
    });
    expect(matter.materials[0]).toEqual({
      code: 'CURRENT_DRIVING_LICENCE',
      name: '现机动车驾驶证',
      required: true,
      acceptsLicenceType: { code: 'JDCJSZ', name: '机动车驾驶证' },
    });
    expect(matter.materials[1].acceptsLicenceType).toBeNull();
    expect(matter.form.fields.find((f: { key: string }) => f.key === 'deliveryMethod')).toEqual({
      key: 'deliveryMethod', label: '领证方式', type: 'CHOICE', required: true, source: null,
    });
  });

  it('answers unknown and malformed matter codes with coded errors', async () => {
    const unknown = await graph.operation('matter-guide.graphql', { code: 'NO-SUCH-MATTER' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const huge = await graph.operation('matter-guide.graphql', { code: 'X'.repeat(10_000) });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(huge.errors?.[0]?.message.length).toBeLessThan(200);
  });
});
