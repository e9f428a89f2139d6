import 'reflect-metadata';
import { loadavg } from 'node:os';
import { startLoadGenerator } from '../load/load-generator.js';
import { listContenders } from './contenders/contender.js';
import { describeMachine } from './report/machine.js';
import { workloadReport, writeReport } from './report/write-report.js';
import { benchWorkload, REPLAY_ID } from './runner/bench-workload.js';
import { parseOptions } from './runner/options.js';
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

/** Loaded on demand: a deep-query run never loads govgraph's subgraphs, and the reverse. */
const STARTERS: Record<WorkloadResults['workload'], () => Promise<Workload>> = {
  'portal-mix': () => import('./workloads/portal-mix.js').then((m) => m.startPortalMixWorkload()),
  'deep-query': () => import('./workloads/deep-query.js').then((m) => m.startDeepQueryWorkload()),
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const contenders = listContenders();
  const known = [...contenders.map((c) => c.id), REPLAY_ID];
  const unknown = (options.only ?? []).filter((id) => !known.includes(id));
  if (unknown.length) throw new Error(`--only: no contender ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const load = await startLoadGenerator();
  try {
    for (const name of options.workloads) {
      console.log(`\n[${name}] starting the workload…`);
      const workload = await STARTERS[name]!();
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
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
