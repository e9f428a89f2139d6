import { join } from 'node:path';
import { freePorts } from '../../src/free-ports.js';
import { REPO_ROOT } from '../workloads/spawn-server.js';
import type { Workload } from '../workloads/workload.js';
import type { Contender, RunningContender } from './contender.js';
import { startLoggedContender } from './logged-process.js';

/**
 * govgraph's gateway as shipped: gateway/src/index.ts through tsx with the root tsconfig, every
 * setting from the workload's govgraphEnv (supergraph, subgraph URLs, key folders, and the
 * comparison's switches: no response cache, no rate limits). Its JSON log goes to a file, so
 * the benchmark's own process never carries it.
 */
export const govgraph: Contender = {
  id: 'govgraph',
  label: 'govgraph gateway',
  unavailable: () => null,
  async start(workload) {
    const [port] = await freePorts(1);
    return startLoggedContender(govgraph, {
      label: 'govgraph gateway',
      args: ['--import', 'tsx', 'src/index.ts'],
      cwd: join(REPO_ROOT, 'gateway'),
      env: { ...workload.govgraphEnv, GATEWAY_PORT: String(port), HOST: '127.0.0.1' },
      url: `http://127.0.0.1:${port}/graphql`,
    });
  },
};

/**
 * Another checkout of govgraph's gateway (BENCH_BASELINE_DIR: a `git worktree` at an earlier
 * commit, with its own `npm ci`), run beside this one on the same workload: a change's effect
 * read as a ratio within one run, not against numbers from another day. Subgraph URLs are given
 * in both spellings (`SUBGRAPH_<NAME>_URL`, and `<NAME>_URL` that releases before issue 18 read).
 */
export const govgraphBaseline: Contender = {
  id: 'govgraph-baseline',
  label: 'govgraph gateway (baseline checkout)',
  unavailable: () => (process.env.BENCH_BASELINE_DIR ? null : 'set BENCH_BASELINE_DIR to another checkout of govgraph'),
  async start(workload) {
    const [port] = await freePorts(1);
    const shortForms = Object.entries(workload.govgraphEnv).flatMap(([name, value]) => {
      const subgraph = /^SUBGRAPH_(.+)_URL$/.exec(name)?.[1];
      return subgraph ? [[`${subgraph}_URL`, value]] : [];
    });
    return startLoggedContender(govgraphBaseline, {
      label: 'govgraph gateway (baseline checkout)',
      args: ['--import', 'tsx', 'src/index.ts'],
      cwd: join(process.env.BENCH_BASELINE_DIR!, 'gateway'),
      // Its own tsconfig: the decorators of its subgraph kit are compiled with that checkout's settings.
      env: {
        ...workload.govgraphEnv,
        ...Object.fromEntries(shortForms),
        TSX_TSCONFIG_PATH: join(process.env.BENCH_BASELINE_DIR!, 'tsconfig.json'),
        GATEWAY_PORT: String(port),
        HOST: '127.0.0.1',
      },
      url: `http://127.0.0.1:${port}/graphql`,
    });
  },
};

/**
 * Why a workload has no baseline checkout's subgraphs to route to (null: it has). Without a
 * workload to look at, never available: only a workload started with the baseline's subgraphs
 * (`npm run bench`'s portal mix with BENCH_BASELINE_DIR) has them.
 */
export function noBaselineSubgraphs(workload?: Workload): string | null {
  if (!process.env.BENCH_BASELINE_DIR) return 'set BENCH_BASELINE_DIR to another checkout of govgraph';
  if (!workload) return "runs on the baseline checkout's subgraphs, which only npm run bench's portal mix starts";
  if (workload.name !== 'portal-mix') return "the deep query's subgraphs are not govgraph's";
  if (!workload.baselineSubgraphs) return "the baseline checkout's subgraphs were not started";
  return null;
}

/**
 * This checkout's gateway routed to the baseline checkout's subgraphs (portal mix with
 * BENCH_BASELINE_DIR: a second supergraph file, a copy of the same data): the subgraphs' change
 * measured in one run. Its subgraph CPU is the baseline subgraphs'.
 */
export const govgraphOnBaselineSubgraphs: Contender = {
  id: 'govgraph-baseline-subgraphs',
  label: 'govgraph gateway, baseline subgraphs',
  unavailable: noBaselineSubgraphs,
  async start(workload) {
    const baseline = workload.baselineSubgraphs;
    if (!baseline) throw new Error(noBaselineSubgraphs(workload) ?? 'no baseline subgraphs');
    const running = await govgraph.start({ ...workload, supergraphPath: baseline.supergraphPath, subgraphUrls: baseline.subgraphUrls, govgraphEnv: baseline.govgraphEnv });
    return { ...running, id: govgraphOnBaselineSubgraphs.id, label: govgraphOnBaselineSubgraphs.label, subgraphPids: () => baseline.subgraphPids() };
  },
};

/**
 * Two govgraph gateway processes on two ports, the load alternating between them: how
 * docs/gateway.md ("Several processes") scales a gateway over cores, and the counterpart of
 * Hive's `--fork 2`. The comparison shares no state between them (no cache, no rate limits, no
 * publishes), so they need no Redis here; CPU and memory are the sum over both.
 */
export const govgraphTwoProcesses: Contender = {
  id: 'govgraph-2',
  label: 'govgraph gateway, 2 processes',
  unavailable: () => null,
  async start(workload) {
    const processes: RunningContender[] = [];
    try {
      for (let i = 0; i < 2; i++) processes.push(await govgraph.start(workload));
    } catch (error) {
      await Promise.all(processes.map((running) => running.stop()));
      throw error;
    }
    return {
      id: 'govgraph-2',
      label: 'govgraph gateway, 2 processes',
      graphqlUrl: processes[0]!.graphqlUrl,
      graphqlUrls: processes.map((running) => running.graphqlUrl),
      pid: processes[0]!.pid,
      pids: () => processes.flatMap((running) => running.pids()),
      stop: async () => void (await Promise.all(processes.map((running) => running.stop()))),
    };
  },
};
