import type { Workload } from '../workloads/workload.js';
import { apolloStock } from './apollo-stock.js';
import { govgraph, govgraphBaseline, govgraphOnBaselineSubgraphs, govgraphTwoProcesses } from './govgraph.js';
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
  /**
   * The subgraph processes it routes to, when not the workload's own (e.g. the baseline
   * checkout's subgraphs): whose CPU its "subgraph CPU" column reads.
   */
  subgraphPids?(): number[];
  stop(): Promise<void>;
}

export interface Contender {
  /** 'govgraph' | 'apollo-stock' | 'hive' | 'hive-jit' | ... */
  id: string;
  /** For tables. */
  label: string;
  /**
   * null when it can run; otherwise why not (e.g. 'run npm run bench:install first'). With a
   * workload: whether it can run on that one (e.g. it needs the baseline checkout's subgraphs).
   */
  unavailable(workload?: Workload): string | null;
  start(workload: Workload): Promise<RunningContender>;
}

/**
 * Every contender, in table order: govgraph (one process, two, a baseline checkout's gateway, this
 * gateway on a baseline checkout's subgraphs), stock Apollo, then Hive's variants.
 */
export function listContenders(): Contender[] {
  return [govgraph, govgraphTwoProcesses, govgraphBaseline, govgraphOnBaselineSubgraphs, apolloStock, ...HIVE_VARIANTS];
}
