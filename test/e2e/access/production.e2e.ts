import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createLogger, subgraphEnvPrefix } from '@govgraph/kit';
import { postGraphQL, startGraph, type GraphHarness } from '../../src/harness.js';

/**
 * A gateway with NODE_ENV=production over the real subgraphs: no playground at any of its
 * addresses, and introspection refused — in the default mode (trusted documents only) and with
 * free-form documents allowed, anonymous or signed in.
 */
describe('production: no playground, no introspection', () => {
  let graph: GraphHarness;
  const gateways: Record<'only' | 'allow', RunningGateway | undefined> = { only: undefined, allow: undefined };
  let token: string;

  beforeAll(async () => {
    graph = await startGraph();
    token = await graph.login('zhangsan');
    for (const mode of ['only', 'allow'] as const) {
      const config = loadGatewayConfig({
        DATA_DIR: graph.dataDir,
        ...graph.keyEnv,
        NODE_ENV: 'production',
        ...(mode === 'allow' ? { GATEWAY_TRUSTED_DOCUMENTS: 'allow' } : {}),
        ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [`${subgraphEnvPrefix(name)}_URL`, subgraph.graphqlUrl])),
      });
      gateways[mode] = await createGateway(config, { log: createLogger('gateway-production', 'silent') }).listen(0, '127.0.0.1');
    }
  });
  afterAll(async () => {
    for (const gateway of Object.values(gateways)) await gateway?.close();
    await graph?.close();
  });

  it('serves no playground: /playground, its assets and a browser’s GET of /graphql', async () => {
    for (const mode of ['only', 'allow'] as const) {
      const url = gateways[mode]!.url;
      for (const path of ['/playground', '/playground/', '/playground/assets/playground.js', '/playground/assets/playground.css']) {
        const response = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } });
        expect(response.status, `${mode} ${path}`).toBe(404);
        expect(await response.text(), `${mode} ${path}`).not.toMatch(/graphiql|playground/i);
      }
      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(await page.text()).not.toMatch(/graphiql|<html/i);
    }
  });

  it('refuses introspection in the default mode: a document not in the manifest is FORBIDDEN', async () => {
    for (const auth of [{}, { authorization: `Bearer ${token}` }] as Array<Record<string, string>>) {
      const answer = await postGraphQL(gateways.only!.graphqlUrl, { query: getIntrospectionQuery() }, auth);
      expect(answer.status).toBe(403);
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.data ?? undefined).toBeUndefined();
    }
  });

  it('refuses introspection even with free-form documents allowed, anonymous or signed in', async () => {
    for (const auth of [{}, { authorization: `Bearer ${token}` }] as Array<Record<string, string>>) {
      for (const query of [getIntrospectionQuery(), '{ __schema { types { name } } }', '{ __type(name: "Person") { fields { name } } }']) {
        const answer = await postGraphQL(gateways.allow!.graphqlUrl, { query }, auth);
        expect(answer.status, query).toBe(400);
        expect(answer.errors?.[0]?.extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(JSON.stringify(answer), query).not.toMatch(/"fields":\[|idNumberMasked/);
      }
    }
    // …while a portal's document still runs there.
    const catalog = await postGraphQL(gateways.allow!.graphqlUrl, { query: '{ departments { code } }' });
    expect(catalog.errors).toBeUndefined();
  });
});
