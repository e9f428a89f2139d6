import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subgraphEnvPrefix } from '@govgraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnServer, type ServerProcess } from '../bench/workloads/spawn-server.js';
import { apiSchema } from '../hostile/api-schema.js';
import { contractOperations } from '../hostile/contract-examples.js';
import { randomSource } from '../hostile/random-source.js';
import { schemaDocument } from '../hostile/schema-documents.js';
import { freePorts } from '../src/free-ports.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

/** What both gateways share: no cache and no budgets, so every request reaches the executor. */
const SAME_SETTINGS = {
  GATEWAY_RESPONSE_CACHE: 'off',
  GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
  GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
};
const RANDOM_QUERIES = 400;
/** The gateway's default GATEWAY_MAX_BODY_BYTES. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Values that differ from call to call by design: when identity read a fact (StartForm), request
 * ids, and the signed grants an officer's case view hands out (`G~…`, stamped with their expiry).
 */
function comparable(text: string): string {
  return JSON.stringify(JSON.parse(text), (key, value) => {
    if (key === 'retrievedAt' || key === 'requestId') return '<varies>';
    return typeof value === 'string' && value.startsWith('G~') ? '<grant>' : value;
  });
}

/**
 * govgraph's plan executor (gateway/src/engine/execute/) against @apollo/gateway's own, side by side
 * on one graph: the in-process gateway runs govgraph's, a gateway process with
 * GATEWAY_EXECUTOR=apollo runs Apollo's (the executor is chosen per process). Every contract
 * query for four callers and 400 random documents from the API schema — right and wrong
 * arguments, aliases, fragments on abstract types, depths past the limits — must get the same
 * status and the same JSON from both.
 */
describe('govgraph executor and @apollo/gateway executor answer alike', () => {
  let graph: GraphHarness;
  let apollo: ServerProcess;
  let logDir: string;
  const tokens: Record<string, string | undefined> = { anonymous: undefined };

  beforeAll(async () => {
    graph = await startGraph({ gatewayEnv: { ...SAME_SETTINGS, GATEWAY_EXECUTOR: 'govgraph' } });
    for (const user of ['zhangsan', 'lisi', 'officer.police', 'officer.supervisor']) tokens[user] = await graph.login(user);
    const [port] = await freePorts(1);
    logDir = mkdtempSync(join(tmpdir(), 'govgraph-parity-'));
    apollo = await spawnServer({
      label: 'gateway with the apollo executor',
      args: ['--import', 'tsx', 'src/index.ts'],
      cwd: join(REPO_ROOT, 'gateway'),
      env: {
        ...SAME_SETTINGS,
        GATEWAY_EXECUTOR: 'apollo',
        NODE_ENV: 'test',
        DATA_DIR: graph.dataDir,
        ...graph.keyEnv,
        GATEWAY_PORT: String(port),
        HOST: '127.0.0.1',
        ...Object.fromEntries(Object.values(graph.subgraphs).map((s) => [`${subgraphEnvPrefix(s.name)}_URL`, s.graphqlUrl])),
      },
      url: `http://127.0.0.1:${port}/graphql`,
      logFile: join(logDir, 'gateway.log'),
    });
  }, 120_000);

  afterAll(async () => {
    await apollo?.stop();
    await graph?.close();
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  });

  async function post(url: string, body: unknown, token: string | undefined): Promise<{ status: number; text: string }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Both answers to one request; a difference names the request. */
  async function both(body: unknown, caller: string): Promise<{ same: boolean; ours: string; theirs: string; status: number }> {
    const [ours, theirs] = await Promise.all([post(graph.gateway.graphqlUrl, body, tokens[caller]), post(apollo.url, body, tokens[caller])]);
    const a = `${ours.status} ${comparable(ours.text)}`;
    const b = `${theirs.status} ${comparable(theirs.text)}`;
    return { same: a === b, ours: a, theirs: b, status: ours.status };
  }

  it('answers every contract query alike for every caller', async () => {
    const queries = contractOperations().filter((operation) => !/^\s*(#.*\n\s*)*mutation\b/.test(operation.document));
    expect(queries.length).toBeGreaterThan(8);
    let withData = 0;
    for (const operation of queries) {
      for (const caller of Object.keys(tokens)) {
        const answer = await both({ query: operation.document, variables: operation.variables }, caller);
        expect({ operation: operation.file, caller, answer: answer.ours }).toEqual({ operation: operation.file, caller, answer: answer.theirs });
        if (answer.ours.includes('"data":{')) withData++;
      }
    }
    expect(withData).toBeGreaterThan(queries.length);
  });

  it(`answers ${RANDOM_QUERIES} random documents from the API schema alike`, async () => {
    const schema = apiSchema();
    let sent = 0;
    let answered = 0;
    const callers = Object.keys(tokens);
    for (let seed = 1; sent < RANDOM_QUERIES; seed++) {
      const { document, variables } = schemaDocument(randomSource(seed), schema);
      // Mutations would change the data between the two answers.
      if (document.startsWith('mutation')) continue;
      const body = { query: document, variables };
      // A body over the gateway's 1 MiB limit is refused (413) before any executor sees it, and the
      // connection closed while the client may still be writing it.
      if (JSON.stringify(body).length > MAX_BODY_BYTES) continue;
      sent++;
      const caller = callers[seed % callers.length]!;
      const answer = await both(body, caller);
      expect({ seed, caller, answer: answer.ours }).toEqual({ seed, caller, answer: answer.theirs });
      if (answer.status === 200 && answer.ours.includes('"data":{')) answered++;
    }
    // Enough of them were executed, not refused before planning.
    expect(answered).toBeGreaterThan(RANDOM_QUERIES / 10);
  }, 120_000);
});
