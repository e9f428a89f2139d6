import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { SUBGRAPH_REGISTRY, subgraphEnvPrefix } from '@govgraph/kit';
import { keyLocationsFrom, loadPartyCredentials, type PartyCredentials } from '@govgraph/kit/trust';
import { freePorts } from './free-ports.js';

/**
 * The graph as production runs it: every subgraph and the gateway as its own OS process (as
 * `npm start` does), on free ports, sharing one data folder. For tests and benchmarks that need
 * what the in-process harness cannot give: a real SIGKILL, a process's own CPU and memory.
 */
export interface ProcessGraphOptions {
  /** Start the gateway too (default true); false gives the subgraphs alone, e.g. for other gateways. */
  gateway?: boolean;
  /** Shared data folder (SQLite files, every party's keys, the trust list); a temporary one, removed on stop, when absent. */
  dataDir?: string;
  /** Node flags for every process, before the entry point (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
  /**
   * Another checkout of govgraph whose services to run (`<root>/<service dir>`, tsx with
   * `<root>/tsconfig.json`), e.g. an earlier commit beside this one; default this checkout.
   */
  root?: string;
  /**
   * Parties whose keys to create in the key folders before anything starts (a private key each,
   * its public half in the trust list), as `govgraph keys init` would: with NODE_ENV=production
   * no process creates a missing key, it refuses to start.
   */
  createKeys?: readonly string[];
  /** Extra environment for every process (REDIS_URL, NODE_ENV, …). */
  env?: Record<string, string>;
  /** Extra environment per service name ('gateway' or a subgraph), e.g. a <NAME>_DATABASE_URL. */
  serviceEnv?: Record<string, Record<string, string>>;
  /**
   * The departments to start (default: every one of subgraphs/registry.json). The gateway still
   * routes to every subgraph of its supergraph: one not started answers as a department down. For
   * load and fault tests whose workload never reaches the others, which would only cost CPU.
   */
  subgraphs?: readonly string[];
  /** How long a service may take to answer /readyz (first start seeds its demo data). */
  readyTimeoutMs?: number;
  /**
   * Run what `npm run build` compiled, as production does: `node scripts/run-service.mjs <name>`,
   * plain node without tsx (default false: src/index.ts through tsx, as `npm start`).
   */
  compiled?: boolean;
}

export interface ProcessGraph {
  /** Service name → base URL (http://127.0.0.1:port), the gateway included when started. */
  urls: Readonly<Record<string, string>>;
  /** Service name → `${base}/graphql`. */
  graphqlUrls: Readonly<Record<string, string>>;
  dataDir: string;
  /** Where the processes keep their keys and the trust list (GOVGRAPH_KEYS_DIR, GOVGRAPH_TRUST_DIR), for another process of this graph. */
  keyEnv: { GOVGRAPH_KEYS_DIR: string; GOVGRAPH_TRUST_DIR: string };
  /** A party's keys as the processes created them (the gateway's signs requests to the subgraphs). */
  party(name: string): PartyCredentials;
  /** Service name → pid of each running service. */
  pids(): Record<string, number>;
  /** Sends the signal (SIGTERM by default) and waits for the process to exit. */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped service again on the same port and waits until it is ready. */
  start(name: string): Promise<void>;
  /**
   * Starts one more process of a subgraph with the same environment (database, keys, Redis) on a
   * free port: a second replica behind the same name. Stopped with the graph.
   */
  startReplica(name: string): Promise<{ url: string; graphqlUrl: string; logs(): string[] }>;
  /** Everything the service printed (stdout and stderr), line by line, across restarts. */
  logs(name: string): string[];
  /** Stops every service (SIGTERM, then SIGKILL after 10 s); removes a temporary data folder. */
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Service {
  name: string;
  dir: string;
  port: number;
  child: ChildProcess | null;
  lines: string[];
}

export async function startProcessGraph(options: ProcessGraphOptions = {}): Promise<ProcessGraph> {
  const withGateway = options.gateway ?? true;
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'govgraph-processes-'));
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const root = options.root ?? ROOT;
  const locations = keyLocationsFrom({ ...options.env }, dataDir);
  for (const party of options.createKeys ?? []) loadPartyCredentials(party, { ...locations, production: false });
  const departments = SUBGRAPH_REGISTRY.filter((s) => !options.subgraphs || options.subgraphs.includes(s.name));
  const names = [...departments.map((s) => ({ name: s.name, dir: s.dir })), ...(withGateway ? [{ name: 'gateway', dir: 'gateway' }] : [])];
  const ports = await freePorts(names.length);
  const services = new Map<string, Service>(names.map((s, i) => [s.name, { ...s, port: ports[i]!, child: null, lines: [] }]));

  // Every process learns every port: subgraphs call each other's events/URLs, the gateway routes to all.
  const portEnv: Record<string, string> = {};
  for (const service of services.values()) {
    const prefix = service.name === 'gateway' ? 'GATEWAY' : subgraphEnvPrefix(service.name);
    portEnv[`${prefix}_PORT`] = String(service.port);
  }
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV === 'test' ? 'development' : (process.env.NODE_ENV ?? 'development'),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    APOLLO_TELEMETRY_DISABLED: 'true',
    TSX_TSCONFIG_PATH: join(root, 'tsconfig.json'),
    ...portEnv,
    ...options.env,
  };
  delete baseEnv.VITEST;
  delete baseEnv.VITEST_WORKER_ID;
  delete baseEnv.VITEST_POOL_ID;

  const spawnService = (service: Service, env: Record<string, string> | undefined = options.serviceEnv?.[service.name]) => {
    const baseName = service.name.split('#')[0]!;
    const entry = options.compiled ? [join(root, 'scripts/run-service.mjs'), baseName] : ['--import', 'tsx', 'src/index.ts'];
    const args = [...(options.nodeArgs ?? []), ...entry];
    const child = spawn(process.execPath, args, {
      cwd: join(root, service.dir),
      env: { ...baseEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => service.lines.push(line));
    }
    service.child = child;
    // A process that died (killed, crashed) is no longer the service's: pids() stops reporting it.
    child.once('exit', () => {
      if (service.child === child) service.child = null;
    });
  };

  const waitReady = async (service: Service) => {
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (!service.child || service.child.exitCode !== null || service.child.signalCode !== null) {
        throw new Error(`${service.name} exited before it was ready:\n${service.lines.slice(-30).join('\n')}`);
      }
      try {
        // scope=gateway: the gateway is ready when it is; its subgraphs are awaited one by one here.
        const response = await fetch(`http://127.0.0.1:${service.port}/readyz?scope=gateway`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${service.name} was not ready within ${readyTimeoutMs} ms:\n${service.lines.slice(-30).join('\n')}`);
  };

  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const kill = async (name: string, signal: NodeJS.Signals = 'SIGTERM') => {
    const service = mustGet(services, name);
    const child = service.child;
    if (!child) return;
    const done = exited(child);
    child.kill(signal);
    const cutOff = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(cutOff);
    service.child = null;
  };

  const stop = async () => {
    await Promise.all([...services.keys()].map((name) => kill(name)));
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    for (const service of services.values()) spawnService(service);
    await Promise.all([...services.values()].map(waitReady));
  } catch (error) {
    await stop();
    throw error;
  }

  const urls = Object.fromEntries([...services.values()].map((s) => [s.name, `http://127.0.0.1:${s.port}`]));
  return {
    urls,
    graphqlUrls: Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, `${url}/graphql`])),
    dataDir,
    keyEnv: { GOVGRAPH_KEYS_DIR: locations.keysDir, GOVGRAPH_TRUST_DIR: locations.trustDir },
    party: (name) => loadPartyCredentials(name, { ...locations, production: false }),
    pids: () => Object.fromEntries([...services.values()].filter((s) => s.child?.pid).map((s) => [s.name, s.child!.pid!])),
    kill,
    async start(name) {
      const service = mustGet(services, name);
      if (service.child) throw new Error(`${name} is already running`);
      spawnService(service);
      await waitReady(service);
    },
    logs: (name) => [...mustGet(services, name).lines],
    async startReplica(name) {
      const original = mustGet(services, name);
      const [port] = await freePorts(1);
      const replica: Service = { name: `${name}#${services.size}`, dir: original.dir, port: port!, child: null, lines: [] };
      services.set(replica.name, replica);
      const prefix = subgraphEnvPrefix(name);
      spawnService(replica, { ...options.serviceEnv?.[name], [`${prefix}_PORT`]: String(replica.port) });
      await waitReady(replica);
      const url = `http://127.0.0.1:${replica.port}`;
      return { url, graphqlUrl: `${url}/graphql`, logs: () => [...replica.lines] };
    },
    stop,
  };
}

function mustGet(services: Map<string, Service>, name: string): Service {
  const service = services.get(name);
  if (!service) throw new Error(`no service named ${name} (have ${[...services.keys()].join(', ')})`);
  return service;
}
