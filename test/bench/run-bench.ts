import 'reflect-metadata';
import { loadavg } from 'node:os';
import { startLoadGenerator } from '../load/load-generator.js';
import { listContenders } from './contenders/contender.js';
import { describeMachine } from './report/machine.js';
import { workloadReport, writeReport } from './report/write-report.js';
import { benchWorkload, REPLAY_BASELINE_ID, REPLAY_ID } from './runner/bench-workload.js';
import { parseOptions, type BenchOptions } from './runner/options.js';
import type { WorkloadResults } from './runner/results.js';
import type { Workload } from './workloads/workload.js';

/**
 * `npm run bench`: govgraph's gateway against stock Apollo Gateway, Hive Gateway and the direct
 * replay of the subgraph fetches, on the portal mix and the deep query, in interleaved rounds.
 * Prints a table per workload; writes test/bench/results/<workload>.json, the results section of
 * docs/benchmarks.md and docs/img/benchmarks.svg (unless --no-write).
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'silent';

/** Rows routed to the baseline checkout's subgraphs: the portal mix starts them only when one of these runs. */
const BASELINE_SUBGRAPH_ROWS = ['govgraph-baseline-subgraphs', REPLAY_BASELINE_ID];

/** Loaded on demand: a deep-query run never loads govgraph's subgraphs, and the reverse. */
const STARTERS: Record<WorkloadResults['workload'], (options: BenchOptions) => Promise<Workload>> = {
  'portal-mix': (options) => {
    const baselineDir = process.env.BENCH_BASELINE_DIR;
    const wanted = BASELINE_SUBGRAPH_ROWS.some((id) => !options.only || options.only.includes(id));
    return import('./workloads/portal-mix.js').then((m) => m.startPortalMixWorkload(baselineDir && wanted ? { baselineDir } : {}));
  },
  'deep-query': () => import('./workloads/deep-query.js').then((m) => m.startDeepQueryWorkload()),
};

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions(process.argv.slice(2));
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const contenders = listContenders();
  const known = [...contenders.map((c) => c.id), REPLAY_ID, REPLAY_BASELINE_ID];
  const unknown = (options.only ?? []).filter((id) => !known.includes(id));
  if (unknown.length) throw new Error(`--only: no contender ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const load = await startLoadGenerator();
  try {
    for (const name of options.workloads) {
      console.log(`\n[${name}] starting the workload…`);
      const workloadStarted = performance.now();
      const workload = await STARTERS[name]!(options);
      console.log(`[${name}] workload started in ${((performance.now() - workloadStarted) / 1000).toFixed(0)} s`);
      try {
        const date = new Date().toISOString();
        const loadAtStart = loadavg()[0]!;
        const measured = await benchWorkload(workload, contenders, load, options);
        const results: WorkloadResults = {
          workload: name,
          date,
          command,
          machine: { ...describeMachine(), loadAverage: { start: loadAtStart, end: loadavg()[0]! } },
          settings: {
            rounds: options.rounds,
            seconds: options.seconds,
            singleSeconds: options.singleSeconds,
            concurrency: options.concurrency,
            warmupSeconds: options.warmupSeconds,
          },
          ...measured,
        };
        console.log(`\n${workloadReport(results)}\n`);
        if (options.write) writeReport(results);
      } finally {
        await workload.close();
      }
    }
  } finally {
    await load.close();
  }
  console.log(`Wall time: ${((performance.now() - started) / 1000).toFixed(0)} s${options.quick ? ' (--quick: nothing written)' : options.write ? '' : ' (--no-write)'}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
