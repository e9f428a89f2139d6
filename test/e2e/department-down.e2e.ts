import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

const LICENCES_DOWN = { message: 'The licences service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'licences' } };

async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a department down, and back', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph({ gatewayEnv: { GATEWAY_BREAKER_OPEN_MS: '500', GATEWAY_RESPONSE_CACHE: 'off' } });
  });
  afterAll(async () => graph?.close());

  it('MyHome without licences: identity, applications and catalog data, an error naming licences; whole again once licences is back', async () => {
    const token = await graph.login('zhangsan');
    const full = await graph.operation('my-home.graphql', {}, token);
    expect(full.errors).toBeUndefined();
    expect(full.data.me.licences.length).toBeGreaterThan(0);
    expect(full.data.me.applications.edges[0].node.matter.name).toBeTruthy(); // catalog's part

    const licencesUrl = graph.subgraphs.licences!.url;
    await graph.subgraphs.licences!.close();
    // The first answers wait for the refused connections (and retries); once the circuit is open,
    // the later ones do not even try. Both give the same partial answer.
    for (let i = 0; i < 6; i++) {
      const partial = await graph.operation('my-home.graphql', {}, token);
      expect(partial.status).toBe(200);
      expect(partial.errors).toEqual([LICENCES_DOWN]);
      expect(partial.data).toEqual({ me: { ...full.data.me, licences: null } });
    }
    const metrics = await (await fetch(`${graph.gateway.url}/metrics`)).text();
    expect(metrics).toContain('govgraph_subgraph_breaker_state{subgraph="licences"} 2');
    expect(metrics).toMatch(/govgraph_subgraph_fetches_total\{outcome="breaker_open",subgraph="licences"\} [1-9]/);
    const notReady = await fetch(`${graph.gateway.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not ready', down: ['licences'] });

    // Back on its old port and database: the next trial closes the circuit.
    const back = await graph.restartSubgraph('licences');
    expect(back.url).toBe(licencesUrl);
    const whole = await eventually(
      () => graph.operation('my-home.graphql', {}, token),
      (r) => r.errors === undefined,
      5_000,
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data).toEqual(full.data);
    const ready = await eventually(
      () => fetch(`${graph.gateway.url}/readyz`),
      (r) => r.status === 200,
      3_000,
    );
    expect(ready.status).toBe(200);
    expect(await (await fetch(`${graph.gateway.url}/metrics`)).text()).toContain('govgraph_subgraph_breaker_state{subgraph="licences"} 0');
  });
});
