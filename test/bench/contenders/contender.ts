import type { Workload } from '../workloads/workload.js';
import { apolloStock } from './apollo-stock.js';
import { govgraph, govgraphBaseline, govgraphTwoProcesses } from './govgraph.js';
import { HIVE_VARIANTS } from './hive.js';

/** A gateway under test, started as its own process. */
export interface RunningContender {
  id: string;
  label: string;
  graphqlUrl: string;
  /**
   * Several processes side by side (each its own port): the load goes to each in turn, as a
   * round-robin balancer would send it. Absent: `graphqlUrl` alone.
   */
  graphqlUrls?: string[];
  /** The process started; with workers (`--fork`), their parent. */
  pid: number;
  /** The process and its descendants (cluster workers): sum CPU and RSS over these. */
  pids(): number[];
  stop(): Promise<void>;
}

export interface Contender {
  /** 'govgraph' | 'apollo-stock' | 'hive' | 'hive-jit' | ... */
  id: string;
  /** For tables. */
  label: string;
  /** null when it can run; otherwise why not (e.g. 'run npm run bench:install first'). */
  unavailable(): string | null;
  start(workload: Workload): Promise<RunningContender>;
}

/** Every contender, in table order: govgraph (one process, two, a baseline checkout), stock Apollo, then Hive's variants. */
export function listContenders(): Contender[] {
  return [govgraph, govgraphTwoProcesses, govgraphBaseline, apolloStock, ...HIVE_VARIANTS];
}
