import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@govgraph/kit';
import type { RunningGateway } from '../src/server.js';
import { SubgraphLink } from '../src/resilience/subgraph-link.js';
import { loadResilienceSettings } from '../src/resilience/resilience-config.js';
import { classifyFailure, withFailure } from '../src/resilience/subgraph-failure.js';
import { PoolQueueTimeout } from '../src/resilience/subgraph-pool.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { startScriptedSubgraph, type Action, type ScriptedRequest, type ScriptedSubgraph } from './helpers/scripted-subgraph.js';
import { FIXTURE_SUPERGRAPH, postGraphQL, startGateway } from './helpers/start-gateway.js';

const MATTERS = { data: { matters: [{ __typename: 'Matter', code: 'M1', title: 'Food shop' }] } };
const QUERY = { query: '{ matters { code title licenceTypes } }' };
const MUTATION = { query: 'mutation { renewAll }' };
const FULL = { matters: [{ code: 'M1', title: 'Food shop', licenceTypes: ['food'] }] };
const PARTIAL = { matters: [{ code: 'M1', title: 'Food shop', licenceTypes: null }] };
const LICENCES_DOWN = { message: 'The licences service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'licences' } };

/** What a healthy licences subgraph answers: its part of each matter, or the mutation's count. */
function healthy(request: ScriptedRequest): Action {
  if (request.query.includes('renewAll')) return { body: { data: { renewAll: 1 } } };
  const representations = (request.variables.representations as unknown[]) ?? [];
  return { body: { data: { _entities: representations.map(() => ({ licenceTypes: ['food'] })) } } };
}
const unavailable: Action = { status: 503, body: { error: 'overloaded' } };

describe('resilience of subgraph fetches', () => {
  // The fixture graph plus a mutation owned by licences.
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-resilience-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(
    supergraphPath,
    readFileSync(FIXTURE_SUPERGRAPH, 'utf8').replace('  query: Query\n', '  query: Query\n  mutation: Mutation\n') +
      '\ntype Mutation\n  @join__type(graph: LICENCES)\n{\n  renewAll: Int @join__field(graph: LICENCES)\n}\n',
  );
  let catalog: Awaited<ReturnType<typeof startFakeSubgraph>>;
  let script: (request: ScriptedRequest) => Action = healthy;
  let licences: ScriptedSubgraph;
  const gateways: RunningGateway[] = [];

  async function gateway(env: Record<string, string> = {}): Promise<RunningGateway> {
    const started = await startGateway({
      SUPERGRAPH_PATH: supergraphPath,
      CATALOG_URL: `${catalog.url}/graphql`,
      LICENCES_URL: licences.graphqlUrl,
      GATEWAY_SUBGRAPH_RETRY_DELAY_MS: '5',
      // Every request must reach the subgraphs: no answer from the response cache.
      GATEWAY_RESPONSE_CACHE: 'off',
      ...env,
    });
    gateways.push(started);
    return started;
  }

  beforeAll(async () => {
    catalog = await startFakeSubgraph('catalog', () => ({ body: MATTERS }));
    licences = await startScriptedSubgraph('licences', (request) => script(request));
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.close()));
    script = healthy;
    licences.requests.splice(0);
  });
  afterAll(async () => {
    await Promise.all([catalog?.close(), licences?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries a failed query fetch and answers in full, the same request id on every attempt', async () => {
    const g = await gateway();
    script = (request) => (request.n <= 2 ? unavailable : healthy(request));
    const answer = await postGraphQL(g, QUERY);
    expect(answer.body).toEqual({ data: FULL });
    expect(licences.requests).toHaveLength(3);
    expect(new Set(licences.requests.map((r) => r.requestId)).size).toBe(1);
  });

  it('gives up after GATEWAY_SUBGRAPH_RETRIES more attempts, with partial data naming the department', async () => {
    const g = await gateway({ GATEWAY_SUBGRAPH_RETRIES: '2' });
    script = () => unavailable;
    const answer = await postGraphQL(g, QUERY);
    expect(answer.body).toEqual({ data: PARTIAL, errors: [LICENCES_DOWN] });
    expect(licences.requests).toHaveLength(3);
  });

  it('retries after a dropped connection and after a timeout, with the subgraph’s own timeout', async () => {
    // LICENCES_TIMEOUT_MS wins over the 10 s of GATEWAY_SUBGRAPH_TIMEOUT_MS for licences only.
    const g = await gateway({ GATEWAY_SUBGRAPH_TIMEOUT_MS: '10000', LICENCES_TIMEOUT_MS: '250' });
    script = (request) => (request.n === 1 ? 'reset' : request.n === 2 ? 'hang' : healthy(request));
    const started = performance.now();
    const answer = await postGraphQL(g, QUERY);
    const ms = performance.now() - started;
    expect(answer.body).toEqual({ data: FULL });
    expect(licences.requests).toHaveLength(3);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(2_000);
  });

  it('never retries a mutation: not after a 503, not after a dropped connection', async () => {
    const g = await gateway();
    for (const failure of [unavailable, 'reset' as const]) {
      licences.requests.splice(0);
      script = () => failure;
      const answer = await postGraphQL(g, MUTATION);
      expect(answer.body).toEqual({ data: { renewAll: null }, errors: [LICENCES_DOWN] });
      expect(licences.requests).toHaveLength(1);
    }
  });

  it('does not retry, nor hold against the department, a 400 for the caller’s input', async () => {
    const g = await gateway({ GATEWAY_BREAKER_FAILURES: '1' });
    script = () => ({ status: 400, body: { errors: [{ message: 'Bad date', extensions: { code: 'BAD_USER_INPUT' } }] } });
    for (let i = 0; i < 2; i++) {
      const answer = await postGraphQL(g, QUERY);
      expect(answer.body.errors).toEqual([{ message: 'Bad date', extensions: { code: 'BAD_USER_INPUT', serviceName: 'licences' } }]);
    }
    expect(licences.requests).toHaveLength(2); // the breaker (1 failure) never opened
  });

  it('opens the circuit after consecutive failures: a hanging department then fails at once, and a trial closes it', async () => {
    // An open window of 2 s: the open-circuit check below must fall inside it even on a loaded machine.
    const g = await gateway({ GATEWAY_SUBGRAPH_RETRIES: '0', LICENCES_TIMEOUT_MS: '300', GATEWAY_BREAKER_FAILURES: '2', GATEWAY_BREAKER_OPEN_MS: '2000' });
    script = () => 'hang';
    const timed = async () => {
      const started = performance.now();
      const answer = await postGraphQL(g, QUERY);
      return { answer, ms: performance.now() - started };
    };
    for (let i = 0; i < 2; i++) {
      const { answer, ms } = await timed();
      expect(answer.body).toEqual({ data: PARTIAL, errors: [LICENCES_DOWN] });
      expect(ms).toBeGreaterThanOrEqual(300);
    }
    // Open: not sent at all (the department saw only the two), so nothing waits for the timeout.
    // The request count is the proof; wall time only says so on an idle machine.
    const open = await timed();
    expect(open.answer.body).toEqual({ data: PARTIAL, errors: [LICENCES_DOWN] });
    expect(licences.requests).toHaveLength(2);
    let metrics = await (await fetch(`${g.url}/metrics`)).text();
    expect(metrics).toContain('govgraph_subgraph_breaker_state{subgraph="licences"} 2');
    expect(metrics).toContain('govgraph_subgraph_fetches_total{outcome="breaker_open",subgraph="licences"} 1');
    expect(metrics).toContain('govgraph_subgraph_fetches_total{outcome="timeout",subgraph="licences"} 2');

    // The department is back; after GATEWAY_BREAKER_OPEN_MS one trial goes through and closes the circuit.
    script = healthy;
    await new Promise((resolve) => setTimeout(resolve, 2_050));
    expect((await timed()).answer.body).toEqual({ data: FULL });
    expect((await timed()).answer.body).toEqual({ data: FULL });
    metrics = await (await fetch(`${g.url}/metrics`)).text();
    expect(metrics).toContain('govgraph_subgraph_breaker_state{subgraph="licences"} 0');
  });

  it('keeps connections alive and reuses them: one per subgraph for sequential requests, at most the bound under load', async () => {
    // Sharing off: 40 identical anonymous queries would otherwise be one fetch, not a load on the pool.
    const g = await gateway({ GATEWAY_SUBGRAPH_MAX_CONNECTIONS: '4', GATEWAY_SHARE_PUBLIC_FETCHES: 'off' });
    const before = licences.connections();
    for (let i = 0; i < 50; i++) expect((await postGraphQL(g, QUERY)).body).toEqual({ data: FULL });
    expect(licences.connections() - before).toBe(1);

    script = (request) => ({ ...(healthy(request) as object), delayMs: 10 }) as Action;
    const answers = await Promise.all(Array.from({ length: 40 }, () => postGraphQL(g, QUERY)));
    expect(answers.every((a) => JSON.stringify(a.body) === JSON.stringify({ data: FULL }))).toBe(true);
    const opened = licences.connections() - before;
    expect(opened).toBeGreaterThan(1);
    expect(opened).toBeLessThanOrEqual(4);
    const metrics = await (await fetch(`${g.url}/metrics`)).text();
    expect(metrics).toContain(`govgraph_subgraph_connections_opened_total{subgraph="licences"} ${opened}`);
  });
});

describe('the link to one subgraph', () => {
  it('holds neither its own queue nor a saturated gateway against the department: the circuit stays closed, nothing is retried', async () => {
    const settings = loadResilienceSettings({ GATEWAY_BREAKER_FAILURES: '2', GATEWAY_SUBGRAPH_RETRIES: '2', GATEWAY_SUBGRAPH_RETRY_DELAY_MS: '1' }, ['licences'], 1_000);
    const link = new SubgraphLink({ name: 'licences', settings, log: createLogger('link-test', 'silent') });
    let attempts = 0;
    const saturated = () => {
      attempts += 1;
      const error = new Error('The licences service is unavailable');
      return Promise.reject(withFailure(error, classifyFailure(new PoolQueueTimeout(new Error('timeout')))));
    };
    for (let i = 0; i < 5; i++) await expect(link.run({ retryable: true }, saturated)).rejects.toThrow('unavailable');
    expect(attempts).toBe(5);
    expect(link.breaker.state).toBe('closed');
    link.close();
  });
});

describe('retry backoff', () => {
  it('waits a random time below min(base·2ⁿ, 16·base): full jitter', () => {
    const settings = loadResilienceSettings({ GATEWAY_SUBGRAPH_RETRY_DELAY_MS: '100' }, ['licences'], 1_000);
    const high = new SubgraphLink({ name: 'licences', settings, log: createLogger('t', 'silent'), random: () => 0.999 });
    const low = new SubgraphLink({ name: 'licences', settings, log: createLogger('t', 'silent'), random: () => 0 });
    expect([0, 1, 2, 3, 4, 5].map((n) => high.backoffMs(n))).toEqual([99, 199, 399, 799, 1598, 1598]);
    expect(low.backoffMs(3)).toBe(0);
    high.close();
    low.close();
  });

  it('refuses settings out of range, naming the variable', () => {
    expect(() => loadResilienceSettings({ GATEWAY_SUBGRAPH_RETRIES: '-1' }, [], 1)).toThrow(/GATEWAY_SUBGRAPH_RETRIES/);
    expect(() => loadResilienceSettings({ LICENCES_TIMEOUT_MS: 'soon' }, ['licences'], 1)).toThrow(/LICENCES_TIMEOUT_MS/);
    expect(loadResilienceSettings({ LICENCES_TIMEOUT_MS: '250' }, ['licences', 'catalog'], 10_000).timeoutsMs).toEqual({ licences: 250 });
  });
});
