import type { Workload } from '../workloads/workload.js';
import { apolloStock } from './apollo-stock.js';
import { govgraph } from './govgraph.js';
import { HIVE_VARIANTS } from './hive.js';

/** A gateway under test, started as its own process. */
export interface RunningContender {
  id: string;
  label: string;
  graphqlUrl: string;
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

/** Every contender, in table order: govgraph, stock Apollo, then Hive's variants. */
export function listContenders(): Contender[] {
  return [govgraph, apolloStock, ...HIVE_VARIANTS];
}
