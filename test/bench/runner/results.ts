import type { HistogramData } from '../../load/histogram.js';
import type { LoadResult } from '../../load/types.js';

/** The raw results of one workload's run, as written to test/bench/results/<workload>.json. */
export interface WorkloadResults {
  workload: string;
  date: string;
  command: string;
  machine: Machine;
  settings: { rounds: number; seconds: number; singleSeconds: number; concurrency: number; warmupSeconds: number };
  /** Request names of the mix, in the order they are cycled. */
  requests: string[];
  unavailable: Array<{ id: string; label: string; reason: string }>;
  contenders: ContenderResults[];
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the workload's run started and when it ended: how busy the shared machine was. */
  loadAverage?: { start: number; end: number };
}

/** One measured run of one contender. */
export interface Measurement {
  round: number;
  concurrency: number;
  requests: number;
  elapsedSeconds: number;
  perSecond: number;
  histogram: HistogramData;
  statuses: Record<string, number>;
  graphqlErrors: number;
  networkErrors: number;
  droppedConnections: number;
  /** CPU of the contender's process tree during the run (the load process's, for the replay). */
  contenderCpuSeconds: number;
  subgraphCpuSeconds: number;
  loadCpuSeconds: number;
  /** The first few distinct failed answers of the run. */
  errorSamples?: string[];
}

export interface ContenderResults {
  id: string;
  label: string;
  kind: 'gateway' | 'replay';
  /** Answers checked against the expected JSON before and after load. */
  checkBefore: { checked: number; wrong: Array<{ request: string; difference: string }> };
  checkAfter: { checked: number; wrong: Array<{ request: string; difference: string }> } | null;
  /** Why it was not measured (wrong answers, failed start), when it was not. */
  excluded: string | null;
  runs: Measurement[];
  peakRssBytes: number | null;
}

export function toMeasurement(round: number, concurrency: number, load: LoadResult, contenderCpuSeconds: number, subgraphCpuSeconds: number): Measurement {
  return {
    round,
    concurrency,
    requests: load.requests,
    elapsedSeconds: load.elapsedSeconds,
    perSecond: load.perSecond,
    histogram: load.histogram,
    statuses: load.statuses,
    graphqlErrors: load.graphqlErrors,
    networkErrors: load.networkErrors,
    droppedConnections: load.droppedConnections,
    contenderCpuSeconds,
    subgraphCpuSeconds,
    loadCpuSeconds: load.loadCpuSeconds,
    errorSamples: load.errorSamples,
  };
}
