import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphEnvPrefix } from '@govgraph/kit';
import { startProcessGraph } from '../../src/process-graph.js';
import { govgraph } from '../contenders/govgraph.js';
import { GOVGRAPH_COMPARISON_ENV } from './govgraph-comparison-env.js';
import { portalMixRequests, recordExpected, type Post } from './portal-mix-requests.js';
import type { Workload } from './workload.js';

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
 * govgraph's own four subgraphs, each its own process on a fresh SQLite DATA_DIR seeded with the
 * demo data, and the signed-in portal mix over them. The expected answers are recorded through
 * govgraph's gateway (started for that, then stopped); the tests check every other gateway
 * against them.
 */
export async function startPortalMixWorkload(options: { dataDir?: string } = {}): Promise<Workload> {
  // Subgraph logs at warn: their per-request lines would otherwise flow through this process.
  const graph = await startProcessGraph({ gateway: false, ...(options.dataDir ? { dataDir: options.dataDir } : {}), env: { LOG_LEVEL: 'warn' } });
  const workDir = mkdtempSync(join(tmpdir(), 'govgraph-bench-portal-'));
  const close = async () => {
    await graph.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    // No gateway process ran on this data folder, and the compared gateways run as in production,
    // which never creates a key: the gateway's key is made here (and its public half published to
    // the trust list the subgraphs read), for govgraph's gateway, the other gateways' glue and the replay.
    graph.party('gateway');
    const supergraphPath = join(workDir, 'supergraph.graphql');
    writeFileSync(supergraphPath, routeSupergraph(readFileSync(COMMITTED_SUPERGRAPH, 'utf8'), graph.graphqlUrls));
    const subgraphUrls = { ...graph.graphqlUrls };
    const workload: Workload = {
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
      close,
    };
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
    return workload;
  } catch (error) {
    await close();
    throw error;
  }
}
