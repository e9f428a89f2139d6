import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinFieldNames } from '../src/limits/join-field-names.js';
import { findShadowingAlias } from '../src/limits/shadowing-aliases.js';
import type { RunningGateway } from '../src/server.js';
import { answerOf, printAnswer, sameAnswer, type Answer } from './fuzz/compare-answers.js';
import { ALL_SWITCHES, switchesName } from './fuzz/engines.js';
import { generateDocument } from './fuzz/generate/generate-document.js';
import { serveZoo, type ServedZoo } from './fuzz/http/serve-zoo.js';
import { startStockGateway } from './fuzz/http/start-stock-gateway.js';
import { planningSchemas } from './fuzz/plan-document.js';
import { chain } from './fuzz/zoo/chain.js';
import { composeZoo } from './fuzz/zoo/compose-zoo.js';
import { startGateway } from './helpers/start-gateway.js';

/**
 * The differential fuzzer's thin end-to-end slice (differential-fuzz.test.ts runs thousands of
 * documents at the query-plan level): the chain zoo's subgraphs over real HTTP, a stock Apollo
 * Server + ApolloGateway, and a govgraph gateway for each of the 16 combinations of
 * GATEWAY_EXECUTOR × GATEWAY_BATCH_ENTITY_FETCHES × GATEWAY_DEDUPE_REPRESENTATIONS ×
 * GATEWAY_SHARE_PUBLIC_FETCHES, all in this process: each gateway must run its own executor.
 * Generated documents and shared-entity-objects.test.ts's are posted a few at a time, one of
 * them twice at once, and every answer compared with stock's.
 */
const DOCUMENTS = 60;
const FIRST_SEED = Number(process.env.FUZZ_SEED || 18_000);
/** shared-entity-objects.test.ts's documents (issue 18): valid in the chain zoo. */
const ISSUE_18_DOCUMENTS = [
  '{ a: e(id: "1") { p { x: f1 } } b: e(id: "1") { p { x: f2 } } }',
  '{ a: e(id: "1") { p { x: f(arg: "A") } } b: e(id: "1") { p { x: f(arg: "B") } } }',
  '{ es { id p { f1 } } a: e(id: "1") { p { f1: f2 } } }',
];
/** Limits out of the way: generated documents are small, but alias- and fragment-rich. */
const NO_LIMITS = {
  GATEWAY_MAX_DEPTH: '100',
  GATEWAY_MAX_ALIASES: '10000',
  GATEWAY_MAX_ROOT_FIELDS: '1000',
  GATEWAY_MAX_TOKENS: '1000000',
  GATEWAY_MAX_COST: '1000000000',
  GATEWAY_RESPONSE_CACHE: 'off',
};
/**
 * Stock has no subgraph timeout, retry or breaker. On a starved machine (npm test runs every
 * package at once on two cores) 17 gateways in one process can take longer than the 10 s default:
 * a timed-out mutation then answers differently from stock, and every later stamp with it. This
 * test compares answers, not resilience (subgraph-resilience.test.ts does that).
 */
const NO_RESILIENCE = { GATEWAY_SUBGRAPH_TIMEOUT_MS: '120000', GATEWAY_SUBGRAPH_RETRIES: '0', GATEWAY_BREAKER_FAILURES: '100000' };

interface Request {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | undefined;
  /** An alias shadows a join field: govgraph refuses it (use-alias-guard.ts), stock may answer wrong data. */
  refused?: boolean;
}

describe('govgraph gateways answer as stock Apollo Server + ApolloGateway over HTTP', () => {
  const closers: Array<() => Promise<void>> = [];
  let stock: { graphqlUrl: string };
  const gateways: Array<{ name: string; graphqlUrl: string }> = [];
  const requests: Request[] = ISSUE_18_DOCUMENTS.map((query) => ({ query, variables: {} }));

  beforeAll(async () => {
    const served: ServedZoo = await serveZoo(composeZoo(chain, () => 'unused').schemas);
    closers.push(served.close);
    const { supergraphSdl } = composeZoo(chain, served.urlOf);
    const path = join(mkdtempSync(join(tmpdir(), 'govgraph-differential-')), 'supergraph.graphql');
    writeFileSync(path, supergraphSdl);
    const started = await startStockGateway(supergraphSdl);
    closers.push(started.close);
    stock = started;
    for (const switches of ALL_SWITCHES) {
      const onOff = (value: boolean) => (value ? 'on' : 'off');
      const gateway: RunningGateway = await startGateway({
        SUPERGRAPH_PATH: path,
        GATEWAY_EXECUTOR: switches.executor,
        GATEWAY_BATCH_ENTITY_FETCHES: onOff(switches.batchEntityFetches),
        GATEWAY_DEDUPE_REPRESENTATIONS: onOff(switches.dedupeRepresentations),
        GATEWAY_SHARE_PUBLIC_FETCHES: onOff(switches.sharePublicFetches),
        ...NO_LIMITS,
        ...NO_RESILIENCE,
      });
      closers.push(gateway.close);
      gateways.push({ name: switchesName(switches), graphqlUrl: gateway.graphqlUrl });
    }
    const schema = planningSchemas(supergraphSdl).apiGraphQLSchema;
    const joinFields = joinFieldNames(supergraphSdl);
    // DOCUMENTS compared with stock; the refused ones come on top.
    for (let seed = FIRST_SEED; requests.filter((request) => !request.refused).length < ISSUE_18_DOCUMENTS.length + DOCUMENTS; seed++) {
      const generated = generateDocument(schema, chain, seed);
      if (!generated) continue;
      const refused = findShadowingAlias(schema, parse(generated.query), joinFields) !== null;
      requests.push({ query: generated.query, variables: generated.variables, operationName: generated.operationName, refused });
    }
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it(`answers ${DOCUMENTS} generated documents (from seed ${FIRST_SEED}) and issue 18's as stock does, under every switch`, { timeout: 300_000 }, async () => {
    const mismatches: string[] = [];
    for (let start = 0; start < requests.length; start += 5) {
      // Five at a time, the first of them twice: batching and fetch sharing meet concurrent requests.
      const group = requests.slice(start, start + 5);
      const inFlight = [...group, group[0]!];
      const [expected, ...answers] = await Promise.all([stock, ...gateways].map((gateway) => Promise.all(inFlight.map((request) => post(gateway.graphqlUrl, request)))));
      gateways.forEach((gateway, g) => {
        answers[g]!.forEach((answer, i) => {
          const request = inFlight[i]!;
          if (request.refused ? isAliasRefusal(answer) : sameAnswer(expected![i]!, answer)) return;
          mismatches.push(
            `${gateway.name}\n${request.query}\nvariables: ${JSON.stringify(request.variables)}\nstock:\n${printAnswer(expected![i]!)}\ngovgraph:\n${printAnswer(answer)}`,
          );
        });
      });
    }
    expect(mismatches.slice(0, 5).join('\n\n'), `${mismatches.length} answers differ from stock's`).toBe('');
    console.log(`${requests.filter((request) => request.refused).length} of ${requests.length} documents refused for an alias shadowing a join field`);
  });
});

/** govgraph's refusal of an alias that shadows a join field (use-alias-guard.ts). */
function isAliasRefusal(answer: Answer): boolean {
  return answer.data === '400 (no data)' && answer.errors.length === 1 && (JSON.parse(answer.errors[0]!) as { code: unknown }).code === 'GRAPHQL_VALIDATION_FAILED';
}

/** The body as the client reads it, with govgraph's deliberate masking applied to stock's too. */
async function post(url: string, request: Request): Promise<Answer> {
  const { status, text } = await postOnNewConnection(url, JSON.stringify(request));
  const answer = answerOf(JSON.parse(text));
  return { ...answer, data: `${status} ${answer.data}`, errors: answer.errors.map(maskInternal).sort() };
}

/**
 * One connection per request. fetch keeps connections alive, and stock's server closes an idle one
 * after 5 s: on a starved machine (npm test on two cores) the client's own 4 s timer fires late and
 * a request goes out on a socket the server is closing — ECONNRESET, a race of the test, not an answer.
 */
function postOnNewConnection(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * govgraph's formatError masks the message of its own unexpected errors (kit's
 * createErrorFormatter: "Internal server error", logged in full); stock Apollo Server shows it.
 * Deliberate, so only the message of INTERNAL_SERVER_ERROR errors is set aside.
 */
function maskInternal(error: string): string {
  const parsed = JSON.parse(error) as { message: string; code: unknown };
  return parsed.code === 'INTERNAL_SERVER_ERROR' ? JSON.stringify({ ...parsed, message: 'Internal server error' }) : error;
}
