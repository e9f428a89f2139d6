import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_REGISTRY, subgraphEnvPrefix } from '@govgraph/kit';
import { startProcessGraph, type ProcessGraph } from '../../src/process-graph.js';
import { copyDataFolder } from './copy-data-folder.js';
import { govgraph } from '../contenders/govgraph.js';
import { GOVGRAPH_COMPARISON_ENV } from './govgraph-comparison-env.js';
import { portalMixRequests, recordExpected, type Post } from './portal-mix-requests.js';
import type { BaselineSubgraphs, Workload } from './workload.js';

const COMMITTED_SUPERGRAPH = fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url));

/** The committed supergraph with each subgraph's routing URL replaced by the running one. */
export function routeSupergraph(sdl: string, graphqlUrls: Readonly<Record<string, string>>): string {
  let routed = sdl;
  for (const [name, url] of Object.entries(graphqlUrls)) {
    const pattern = new RegExp(`(@join__graph\\(\\s*name:\\s*"${name}"\\s*,\\s*url:\\s*")[^"]*(")`);
    if (!pattern.test(routed)) throw new Error(`the supergraph has no subgraph named ${name}`);
    routed = routed.replace(pattern, `$1${url}$2`);
  }
  return routed;
}

/**
 * The departments as deployed: NODE_ENV=production (graphql-js checks `instanceOf` across realms
 * only in development, at a real cost per resolved object), with the demo data a production start
 * writes only when asked, and every party's key made beforehand (production never creates one).
 * The same for this checkout's subgraphs and the baseline checkout's.
 */
export const DEPLOYED_SUBGRAPH_ENV: Readonly<Record<string, string>> = Object.freeze({
  NODE_ENV: 'production',
  GOVGRAPH_SEED_DEMO: 'true',
  // At warn: their per-request lines would otherwise flow through this process.
  LOG_LEVEL: 'warn',
});
const PARTIES = ['gateway', ...SUBGRAPH_REGISTRY.map((s) => s.name)];

export interface PortalMixOptions {
  dataDir?: string;
  /** Node flags for every subgraph process (e.g. --cpu-prof). */
  subgraphNodeArgs?: string[];
  /**
   * Another checkout of govgraph (BENCH_BASELINE_DIR: a `git worktree` of an earlier commit with its
   * own `npm ci`): its subgraphs are started too, with the same data, as `workload.baselineSubgraphs`.
   */
  baselineDir?: string;
}

/**
 * govgraph's own subgraphs, each its own process on a fresh SQLite DATA_DIR seeded with the demo
 * data, run as deployed (DEPLOYED_SUBGRAPH_ENV), and the signed-in portal mix over them. The
 * expected answers are recorded through govgraph's gateway (started for that, then stopped); the
 * tests check every other gateway against them.
 *
 * With `baselineDir`, that checkout's subgraphs start first, on a fresh data folder they seed
 * themselves, and this checkout's subgraphs run on a copy of it (copy-data-folder.ts: SQLite's
 * online backup, the keys and the trust list as they are), migrating it forward as an upgraded
 * deployment would: both sets hold the same data and the same keys (tokens issued for the mix verify
 * on both, the gateway's key is trusted by both). Not the other way round: a copy of this checkout's
 * data would carry migrations the baseline does not know, which its migrator refuses.
 */
export async function startPortalMixWorkload(options: PortalMixOptions = {}): Promise<Workload> {
  const workDir = mkdtempSync(join(tmpdir(), 'govgraph-bench-portal-'));
  let graph: ProcessGraph | null = null;
  let baseline: ProcessGraph | null = null;
  const close = async () => {
    await Promise.all([graph?.stop(), baseline?.stop()]);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    let dataDir = options.dataDir;
    if (options.baselineDir) {
      const baselineData = join(workDir, 'baseline-data');
      baseline = await startProcessGraph({
        root: options.baselineDir,
        gateway: false,
        dataDir: baselineData,
        env: { ...DEPLOYED_SUBGRAPH_ENV },
        createKeys: PARTIES,
        ...(options.subgraphNodeArgs ? { nodeArgs: options.subgraphNodeArgs } : {}),
      });
      dataDir ??= join(workDir, 'data');
      // Seeded and idle: nothing writes while the copy is made (the backup would be consistent anyway).
      await copyDataFolder(baselineData, dataDir);
    }
    graph = await startProcessGraph({
      gateway: false,
      ...(dataDir ? { dataDir } : {}),
      env: { ...DEPLOYED_SUBGRAPH_ENV },
      createKeys: PARTIES,
      ...(options.subgraphNodeArgs ? { nodeArgs: options.subgraphNodeArgs } : {}),
    });
    const workload = portalMixWorkload(graph, workDir, close);
    const gateway = await govgraph.start(workload);
    try {
      const post: Post = async (body, headers = {}) => {
        const response = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        return { status: response.status, json: await response.json().catch(() => null) };
      };
      workload.requests = await recordExpected(post, await portalMixRequests(post));
    } finally {
      await gateway.stop();
    }
    if (baseline && options.baselineDir) workload.baselineSubgraphs = baselineSubgraphs(workload, baseline, options.baselineDir, workDir);
    return workload;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The workload over a started graph, its requests still to be recorded. */
function portalMixWorkload(graph: ProcessGraph, workDir: string, close: () => Promise<void>): Workload {
  // The gateway's key (made before the start with every party's, createKeys), for govgraph's
  // gateway, the other gateways' glue and the replay.
  graph.party('gateway');
  const supergraphPath = join(workDir, 'supergraph.graphql');
  writeFileSync(supergraphPath, routeSupergraph(readFileSync(COMMITTED_SUPERGRAPH, 'utf8'), graph.graphqlUrls));
  const subgraphUrls = { ...graph.graphqlUrls };
  return {
    name: 'portal-mix',
    supergraphPath,
    subgraphUrls,
    requests: [],
    govgraphEnv: {
      ...GOVGRAPH_COMPARISON_ENV,
      SUPERGRAPH_PATH: supergraphPath,
      DATA_DIR: graph.dataDir,
      ...graph.keyEnv,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${subgraphEnvPrefix(name)}_URL`, url])),
    },
    signing: { gatewayKeysDir: graph.keyEnv.GOVGRAPH_KEYS_DIR, jwksUrl: `${graph.urls.identity}/.well-known/jwks.json` },
    subgraphPids: () => Object.values(graph.pids()),
    subgraphPidsByName: () => graph.pids(),
    close,
  };
}

/** The baseline checkout's subgraphs as the workload's rows on them see them: their own supergraph file, govgraph's environment routed there. */
function baselineSubgraphs(workload: Workload, baseline: ProcessGraph, checkout: string, workDir: string): BaselineSubgraphs {
  const supergraphPath = join(workDir, 'supergraph-baseline-subgraphs.graphql');
  writeFileSync(supergraphPath, routeSupergraph(readFileSync(COMMITTED_SUPERGRAPH, 'utf8'), baseline.graphqlUrls));
  const subgraphUrls = { ...baseline.graphqlUrls };
  return {
    checkout,
    supergraphPath,
    subgraphUrls,
    // The same keys (copied), so the workload's key folders serve the gateway for both.
    govgraphEnv: {
      ...workload.govgraphEnv,
      SUPERGRAPH_PATH: supergraphPath,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${subgraphEnvPrefix(name)}_URL`, url])),
    },
    subgraphPids: () => Object.values(baseline.pids()),
    subgraphPidsByName: () => baseline.pids(),
  };
}
