import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

describe('Login and MatterGuide through the gateway', () => {
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
    for (const variables of [
      { username: 'zhangsan', password: 'wrong' },
      { username: 'nobody', password: 'demo' },
    ]) {
      const result = await graph.operation('login.graphql', variables);
      expect(result.data?.login ?? null).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
      expect(JSON.stringify(result)).not.toContain('stacktrace');
    }
    const huge = await graph.operation('login.graphql', { username: 'u'.repeat(10_000), password: 'demo' });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
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
      key: 'deliveryMethod',
      label: '领证方式',
      type: 'CHOICE',
      required: true,
      source: null,
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
