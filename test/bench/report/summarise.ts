import { Histogram } from '../../load/histogram.js';
import type { ContenderResults, Measurement, WorkloadResults } from '../runner/results.js';

export const APOLLO_ID = 'apollo-stock';

/** One row of a results table: a contender's runs reduced to the numbers the issue asks for. */
export interface Row {
  id: string;
  label: string;
  kind: ContenderResults['kind'];
  excluded: string | null;
  rounds: number;
  medianPerSecond: number;
  minPerSecond: number;
  maxPerSecond: number;
  ratioToApollo: number | null;
  p50Ms: number;
  p99Ms: number;
  singleP50Ms: number | null;
  singleP99Ms: number | null;
  /** Gateway process-tree CPU per request; for the replay, the load process's. */
  cpuMsPerRequest: number;
  subgraphCpuMsPerRequest: number;
  peakRssMiB: number | null;
  /** Non-200 answers, network failures and answers carrying GraphQL errors, over every run. */
  errors: number;
  droppedConnections: number;
  /** Highest share of one core the load process used in a run at the load concurrency. */
  loadCpuPercent: number;
  wrongBefore: number;
  wrongAfter: number | null;
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const sum = (runs: Measurement[], pick: (m: Measurement) => number) => runs.reduce((total, m) => total + pick(m), 0);

function merged(runs: Measurement[]): Histogram {
  const histogram = new Histogram();
  for (const run of runs) histogram.merge(run.histogram);
  return histogram;
}

export function summarise(results: WorkloadResults): Row[] {
  const loaded = (c: ContenderResults) => c.runs.filter((m) => m.concurrency === results.settings.concurrency);
  const single = (c: ContenderResults) => c.runs.filter((m) => m.concurrency === 1 && results.settings.concurrency !== 1);
  const apollo = results.contenders.find((c) => c.id === APOLLO_ID && !c.excluded);
  const apolloMedian = apollo ? median(loaded(apollo).map((m) => m.perSecond)) : null;
  return results.contenders.map((c) => {
    const runs = loaded(c);
    const singles = single(c);
    const rates = runs.map((m) => m.perSecond);
    const requests = sum(runs, (m) => m.requests);
    const at = merged(runs);
    const atOne = singles.length ? merged(singles) : null;
    const medianPerSecond = median(rates);
    return {
      id: c.id,
      label: c.label,
      kind: c.kind,
      excluded: c.excluded,
      rounds: runs.length,
      medianPerSecond,
      minPerSecond: rates.length ? Math.min(...rates) : 0,
      maxPerSecond: rates.length ? Math.max(...rates) : 0,
      ratioToApollo: apolloMedian ? medianPerSecond / apolloMedian : null,
      p50Ms: at.percentile(50),
      p99Ms: at.percentile(99),
      singleP50Ms: atOne ? atOne.percentile(50) : null,
      singleP99Ms: atOne ? atOne.percentile(99) : null,
      cpuMsPerRequest: requests ? (sum(runs, (m) => m.contenderCpuSeconds) * 1000) / requests : 0,
      subgraphCpuMsPerRequest: requests ? (sum(runs, (m) => m.subgraphCpuSeconds) * 1000) / requests : 0,
      peakRssMiB: c.peakRssBytes === null ? null : c.peakRssBytes / 1024 / 1024,
      errors: sum(c.runs, (m) => m.requests - (m.statuses['200'] ?? 0) + m.graphqlErrors),
      droppedConnections: sum(c.runs, (m) => m.droppedConnections),
      loadCpuPercent: Math.max(0, ...runs.map((m) => (m.loadCpuSeconds / m.elapsedSeconds) * 100)),
      wrongBefore: c.checkBefore.wrong.length,
      wrongAfter: c.checkAfter ? c.checkAfter.wrong.length : null,
    };
  });
}

/** The targets, as far as this run can tell: one line each, met or not. */
export function targetLines(results: WorkloadResults, rows: Row[]): string[] {
  const lines: string[] = [];
  const govgraph = rows.find((r) => r.id === 'govgraph' && !r.excluded);
  if (!govgraph) return ['govgraph was not measured in this run'];
  const apollo = rows.find((r) => r.id === APOLLO_ID && !r.excluded);
  const hives = rows.filter((r) => r.id.startsWith('hive') && !r.excluded);
  const replay = rows.find((r) => r.kind === 'replay' && !r.excluded);
  const mark = (ok: boolean) => (ok ? 'met' : 'not met');
  const want = results.workload === 'deep-query' ? 3.5 : 3;
  // Throughput targets by govgraph's best configuration (one process or two), as Hive's best may be `--fork 2`.
  const fastest = rows.filter((r) => r.id.startsWith('govgraph') && !r.excluded).reduce((a, b) => (b.medianPerSecond > a.medianPerSecond ? b : a));
  const which = fastest === govgraph ? '' : ` (${fastest.label})`;
  if (fastest.ratioToApollo !== null) lines.push(`req/s ≥ ${want}× stock Apollo Gateway${which}: ${fastest.ratioToApollo.toFixed(2)}× — ${mark(fastest.ratioToApollo >= want)}`);
  if (hives.length) {
    const best = hives.reduce((a, b) => (b.medianPerSecond > a.medianPerSecond ? b : a));
    lines.push(
      `ahead of Hive Gateway's best correct configuration (${best.label}, ${best.medianPerSecond.toFixed(0)} req/s)${which}: ${(fastest.medianPerSecond / best.medianPerSecond).toFixed(2)}× — ${mark(fastest.medianPerSecond > best.medianPerSecond)}`,
    );
  }
  if (replay && govgraph.singleP50Ms !== null && replay.singleP50Ms) {
    const ratio = govgraph.singleP50Ms / replay.singleP50Ms;
    lines.push(
      `p50 at concurrency 1 within 2× of the direct replay: ${govgraph.singleP50Ms.toFixed(2)} ms vs ${replay.singleP50Ms.toFixed(2)} ms = ${ratio.toFixed(2)}× — ${mark(ratio <= 2)}`,
    );
  }
  if (apollo?.peakRssMiB && govgraph.peakRssMiB) {
    const ratio = govgraph.peakRssMiB / apollo.peakRssMiB;
    lines.push(
      `peak RSS ≤ 1.5× stock Apollo Gateway's: ${govgraph.peakRssMiB.toFixed(0)} MiB vs ${apollo.peakRssMiB.toFixed(0)} MiB = ${ratio.toFixed(2)}× — ${mark(ratio <= 1.5)}`,
    );
  }
  return lines;
}
