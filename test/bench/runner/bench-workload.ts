import type { LoadGenerator } from '../../load/load-generator.js';
import { cpuSeconds, peakRssBytes, treeCpuSeconds } from '../../load/proc.js';
import type { Contender } from '../contenders/contender.js';
import type { Workload } from '../workloads/workload.js';
import type { BenchOptions } from './options.js';
import { prepareField, type Entrant } from './prepare-field.js';
import { toMeasurement, type WorkloadResults } from './results.js';

export { REPLAY_BASELINE_ID, REPLAY_ID } from './prepare-field.js';

const say = (line: string) => console.log(line);

/**
 * One workload: start every available contender, check their answers, record and check the
 * replay (prepare-field.ts), warm up, run interleaved rounds (A B C D A B C D …, then the same at
 * concurrency 1), check the answers again. Stops everything it started, whatever happens.
 */
export async function benchWorkload(
  workload: Workload,
  contenders: Contender[],
  load: LoadGenerator,
  options: BenchOptions,
): Promise<Pick<WorkloadResults, 'unavailable' | 'contenders' | 'requests'>> {
  const entrants: Entrant[] = [];
  try {
    const preparing = performance.now();
    const { unavailable, excluded } = await prepareField(workload, contenders, options.only, entrants);
    say(`[${workload.name}] ${entrants.length} row(s) recorded, started and checked in ${((performance.now() - preparing) / 1000).toFixed(0)} s`);
    const measure = async (entrant: Entrant, round: number, concurrency: number, seconds: number) => {
      // The subgraphs this entrant loads: the workload's, or the baseline checkout's.
      const subgraphCpu = () => entrant.subgraphPids().reduce((sum, pid) => sum + treeCpuSeconds(pid), 0);
      const gatewayCpuNow = () => (entrant.pids ? entrant.pids().reduce((sum, pid) => sum + cpuSeconds(pid), 0) : 0);
      const gatewayBefore = gatewayCpuNow();
      const subgraphsBefore = subgraphCpu();
      const result = await load.run({ target: entrant.target, mode: { kind: 'closed', concurrency, seconds } });
      const gatewayCpu = entrant.pids ? gatewayCpuNow() - gatewayBefore : result.loadCpuSeconds;
      const m = toMeasurement(round, concurrency, result, gatewayCpu, subgraphCpu() - subgraphsBefore);
      entrant.results.runs.push(m);
      const errors = result.requests - (result.statuses['200'] ?? 0) + result.graphqlErrors;
      say(
        `  round ${round}/${options.rounds} c=${String(concurrency).padEnd(3)} ${entrant.results.label.padEnd(44)} ${result.perSecond.toFixed(0).padStart(6)} req/s` +
          `  p50 ${result.latency.p50Ms.toFixed(1).padStart(6)} ms  p99 ${result.latency.p99Ms.toFixed(1).padStart(6)} ms` +
          `  errors ${errors}  load process CPU ${((result.loadCpuSeconds / result.elapsedSeconds) * 100).toFixed(0)} % of a core`,
      );
      for (const sample of result.errorSamples) say(`      error: ${sample.replace(/\s+/g, ' ').slice(0, 200)}`);
    };

    if (options.warmupSeconds > 0) {
      say(`[${workload.name}] warming up each for ${options.warmupSeconds} s at concurrency ${options.concurrency}`);
      for (const entrant of entrants) await load.run({ target: entrant.target, mode: { kind: 'closed', concurrency: options.concurrency, seconds: options.warmupSeconds } });
    }
    for (let round = 1; round <= options.rounds; round++) {
      for (const entrant of entrants) await measure(entrant, round, options.concurrency, options.seconds);
      if (options.singleSeconds > 0 && options.concurrency !== 1) {
        for (const entrant of entrants) await measure(entrant, round, 1, options.singleSeconds);
      }
    }
    for (const entrant of entrants) {
      entrant.results.checkAfter = await entrant.checkAgain();
      // Sum of each process's own peak: exact for one process, an upper bound for a cluster.
      if (entrant.pids) entrant.results.peakRssBytes = entrant.pids().reduce((sum, pid) => sum + peakRssBytes(pid), 0);
    }
    return { requests: workload.requests.map((r) => r.name), unavailable, contenders: [...entrants.map((e) => e.results), ...excluded] };
  } finally {
    for (const entrant of entrants) await entrant.running?.stop().catch(() => undefined);
  }
}
