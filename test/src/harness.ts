import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryPlan } from '@apollo/query-planner';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { Writable } from 'node:stream';
import { createLogger, loadTracingSettings, startService, subgraphEnvPrefix, type Database, type RunningSubgraph, type StartedService } from '@govgraph/kit';
import { createScratchSchema } from '@govgraph/kit/testing';
import { loadPartyCredentials, signRequest, type Claims, type PartyCredentials } from '@govgraph/kit/trust';
import { OPERATIONS_DIR, SUBGRAPH_SERVICES } from '@govgraph/schema';
import { seedCatalog } from '@govgraph/catalog';
import { copyTemplateData } from './template-data.js';

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  extensions?: Record<string, unknown>;
  headers: Headers;
}

export interface GraphHarness {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  /** Each subgraph's own database, for tests that look behind the API (e.g. at the audit rows). */
  databases: Record<string, Database<any>>;
  /** The DATA_DIR every service shares (SQLite files, document blobs); removed on close. */
  dataDir: string;
  /** Every log line of every service, when started with captureLogs. */
  logs: string[];
  /** Every query plan the gateway resolved, newest last. */
  plans: Array<{ operationName: string | null; plan: QueryPlan }>;
  /** What another process of this graph needs to find the parties' keys and the trust list. */
  keyEnv: KeyEnv;
  /** A party's own keys (the gateway's, a department's) and the trust list, as that party holds them. */
  party(name: string): PartyCredentials;
  /** Posts a document to the gateway as a portal would. */
  query<Data = any>(document: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Data>>;
  /** Runs a contract operation from schema/operations by file name. */
  operation<Data = any>(file: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Data>>;
  login(username: string, password?: string): Promise<string>;
  /** Calls a subgraph directly with the gateway's signature and the given claims, as a query plan would. */
  subgraphQuery<Data = any>(name: string, document: string, variables: Record<string, unknown>, claims: Claims | null): Promise<GraphQLResponse<Data>>;
  /** The claims the gateway would forward for a token. */
  claimsOf(token: string): Claims;
  /**
   * Starts a subgraph again on its old port and database (after `subgraphs[name].close()`, or
   * closing it first): a department coming back. `subgraphs[name]` is the new one afterwards.
   */
  restartSubgraph(name: string): Promise<RunningSubgraph>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** PostgreSQL base URL: each subgraph gets its own scratch schema there. SQLite files when absent. */
  postgresUrl?: string;
  /** Redis for shared state (keys under a prefix of this run's own); memory when absent. */
  redisUrl?: string;
  /** Reseed the catalog at N times the hall's size before the gateway starts (benchmarks). */
  catalogScale?: number;
  /** Share Redis keys with another harness (two identity processes, one budget). */
  redisPrefix?: string;
  /** Keep every log line (at debug level) in `logs`, e.g. to prove no personal data is logged. */
  captureLogs?: boolean;
  /** The services' clock (case deadlines follow it); real time when absent. */
  clock?: () => Date;
  /**
   * The folder holding every party's key folder (`keys/`) and the trust list (`trust/`); the data
   * folder when absent. Graphs started on one folder trust each other's gateways.
   */
  keyRoot?: string;
  /** More gateway environment, e.g. `{ GATEWAY_BREAKER_OPEN_MS: '200' }`. */
  gatewayEnv?: Record<string, string>;
  /** An OTLP/HTTP collector's base URL: every service (gateway and subgraphs) sends its spans there. */
  otlpEndpoint?: string;
}

export interface KeyEnv {
  GOVGRAPH_KEYS_DIR: string;
  GOVGRAPH_TRUST_DIR: string;
}

/** Every party's keys under one folder, created on first use, as `npm start` does on a fresh DATA_DIR. */
export function keyFolder(root: string): { env: KeyEnv; party(name: string): PartyCredentials } {
  const env = { GOVGRAPH_KEYS_DIR: join(root, 'keys'), GOVGRAPH_TRUST_DIR: join(root, 'trust') };
  const loaded = new Map<string, PartyCredentials>();
  return {
    env,
    party(name) {
      let credentials = loaded.get(name);
      if (!credentials) {
        credentials = loadPartyCredentials(name, { keysDir: env.GOVGRAPH_KEYS_DIR, trustDir: env.GOVGRAPH_TRUST_DIR, production: false });
        loaded.set(name, credentials);
      }
      return credentials;
    },
  };
}

export async function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, ...json, headers: response.headers };
}

export function readOperation(file: string): string {
  return readFileSync(join(OPERATIONS_DIR, file), 'utf8');
}

/**
 * The whole graph in this process, each service on its own port 0 with real HTTP between them,
 * on fresh databases seeded with the demo data.
 */
export async function startGraph(options: HarnessOptions = {}): Promise<GraphHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-e2e-'));
  // The run's seeded SQLite files and their keys, unless the graph needs its own: PostgreSQL,
  // keys shared with another graph, a clock of its own (seeded deadlines follow it), a bigger catalog.
  if (!options.postgresUrl && !options.keyRoot && !options.clock && !options.catalogScale) copyTemplateData(dataDir);
  const keys = keyFolder(options.keyRoot ?? dataDir);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const log = options.captureLogs ? createLogger('test', 'debug', sink) : createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const started: StartedService[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const plans: GraphHarness['plans'] = [];
  const redisPrefix = options.redisPrefix ?? `govgraph-test:${randomBytes(4).toString('hex')}:`;

  const databaseUrls: Record<string, string | undefined> = {};
  /** One service on a port (0: any), its close made safe to call twice (a test stops it, close() again). */
  const startOne = async (service: (typeof SUBGRAPH_SERVICES)[number], port: number): Promise<StartedService> => {
    const one = await startService(
      service,
      {
        name: service.name,
        port,
        host: '127.0.0.1',
        dataDir,
        databaseUrl: databaseUrls[service.name],
        redisUrl: options.redisUrl,
        redisPrefix,
        tracing: options.otlpEndpoint ? loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint }, `govgraph-${service.name}`) : null,
      },
      { party: keys.party(service.name), log: log.child({ service: service.name }), ...(options.clock ? { clock: options.clock } : {}) },
    );
    let closing: Promise<void> | undefined;
    return { ...one, running: { ...one.running, close: () => (closing ??= one.running.close()) } };
  };
  try {
    for (const service of SUBGRAPH_SERVICES) {
      if (options.postgresUrl) {
        const scratch = await createScratchSchema(options.postgresUrl);
        cleanups.push(scratch.drop);
        databaseUrls[service.name] = scratch.url;
      }
      started.push(await startOne(service, 0));
    }
    if (options.catalogScale && options.catalogScale > 1) {
      const catalog = started.find((s) => s.running.name === 'catalog')!;
      await catalog.database.db.transaction().execute((trx) => seedCatalog(trx as never, { scale: options.catalogScale }));
    }
    const subgraphs = Object.fromEntries(started.map((s) => [s.running.name, s.running]));
    const databases = Object.fromEntries(started.map((s) => [s.running.name, s.database]));
    const config = loadGatewayConfig({
      DATA_DIR: dataDir,
      ...keys.env,
      NODE_ENV: 'test',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: redisPrefix } : {}),
      ...Object.fromEntries(started.map((s) => [`${subgraphEnvPrefix(s.running.name)}_URL`, s.running.graphqlUrl])),
      ...(options.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint } : {}),
      ...options.gatewayEnv,
    });
    const gateway = await createGateway(config, {
      log: log.child({ service: 'gateway' }),
      didResolveQueryPlan: ({ queryPlan, operationContext }) => {
        plans.push({ operationName: operationContext.operation.name?.value ?? null, plan: queryPlan });
      },
    }).listen(0, '127.0.0.1');

    const query: GraphHarness['query'] = (document, variables, token) =>
      postGraphQL(gateway.graphqlUrl, { query: document, variables }, token ? { authorization: `Bearer ${token}` } : {});

    return {
      gateway,
      subgraphs,
      databases,
      dataDir,
      logs,
      plans,
      keyEnv: keys.env,
      party: (name) => keys.party(name),
      query,
      operation: (file, variables, token) => query(readOperation(file), variables, token),
      async login(username, password = 'demo') {
        const result = await query(readOperation('login.graphql'), { username, password });
        const token = result.data?.login?.token;
        if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
        return token;
      },
      async subgraphQuery(name, document, variables, claims) {
        const body = JSON.stringify({ query: document, variables });
        const headers = signRequest(keys.party('gateway').keys, { audience: name, requestId: `test-${randomBytes(4).toString('hex')}`, claims, body });
        const response = await fetch(subgraphs[name]!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        return { status: response.status, ...((await response.json()) as object), headers: response.headers };
      },
      async restartSubgraph(name) {
        const index = started.findIndex((s) => s.running.name === name);
        const service = SUBGRAPH_SERVICES.find((s) => s.name === name);
        if (index < 0 || !service) throw new Error(`No subgraph named ${name}`);
        const old = started[index]!;
        await old.running.close();
        started[index] = await startOne(service, Number(new URL(old.running.url).port));
        subgraphs[name] = started[index]!.running;
        databases[name] = started[index]!.database;
        return subgraphs[name]!;
      },
      claimsOf(token) {
        const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
        return {
          accountId: payload.sub,
          personId: payload.person ?? null,
          applicantId: payload.applicant ?? null,
          roles: payload.roles ?? [],
          department: payload.dept ?? null,
          // As the gateway forwards it: only on an agent's token acting for an enterprise.
          ...(payload.authorisation ? { authorisationId: payload.authorisation } : {}),
        };
      },
      async close() {
        await gateway.close();
        for (const s of started) await s.running.close();
        for (const cleanup of cleanups) await cleanup();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const s of started) await s.running.close().catch(() => undefined);
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
