import type { HistogramData, LatencyPercentiles } from './histogram.js';

/** One HTTP request the load generator sends: a POST of a JSON body. */
export interface LoadRequest {
  url: string;
  /** The body as sent (already JSON text, so no serialisation in the hot loop). */
  body: string;
  headers: Record<string, string>;
}

/** One subgraph fetch of a recorded plan. */
export interface ReplayFetch {
  /** The subgraph it went to: a re-signed fetch is signed for it (the signature's audience). */
  subgraph: string;
  url: string;
  body: string;
  /** The headers the gateway sent, minus hop-by-hop ones. */
  headers: Record<string, string>;
}

/** The fetches one gateway request made, grouped in waves: each wave's fetches run in parallel, waves in order. */
export interface ReplayPlan {
  name: string;
  waves: ReplayFetch[][];
}

export type LoadTarget =
  /** Requests sent round-robin to an HTTP server. */
  | { kind: 'http'; requests: LoadRequest[] }
  /**
   * Recorded plans replayed directly to the subgraphs, round-robin. With a key folder (the layout
   * of GOVGRAPH_KEYS_DIR), every fetch is signed afresh with the gateway's key found there, as the
   * gateway would (the kit's signatures carry a timestamp and a nonce: they expire and are
   * accepted once). A folder rather than keys, because the target crosses to the load process.
   */
  | { kind: 'replay'; plans: ReplayPlan[]; gatewayKeysDir: string | null };

export type LoadMode =
  /** N clients, each sending its next request when the previous answer arrived. */
  | { kind: 'closed'; concurrency: number; seconds: number }
  /**
   * R requests per second on a fixed schedule, whatever the server does; latency counts from the
   * intended send time, so a stall shows in full (no coordinated omission). `maxInFlight` bounds
   * memory when the server stops answering (requests beyond it are counted as `skipped`).
   */
  | { kind: 'open'; rate: number; seconds: number; maxInFlight?: number };

export interface LoadSpec {
  target: LoadTarget;
  mode: LoadMode;
  /** Also report a summary per window of this many seconds (for soak tests). */
  windowSeconds?: number;
}

export interface WindowSummary {
  startSecond: number;
  requests: number;
  errors: number;
  latency: LatencyPercentiles;
}

export interface LoadResult {
  mode: LoadMode['kind'];
  /** Requests completed (any outcome) within the run. */
  requests: number;
  elapsedSeconds: number;
  perSecond: number;
  latency: LatencyPercentiles;
  histogram: HistogramData;
  /** HTTP status → count ("network" for requests that never got a status). */
  statuses: Record<string, number>;
  /** 200 responses whose body carried GraphQL `errors`. */
  graphqlErrors: number;
  /** Requests that failed below HTTP (reset, refused, closed mid-answer). */
  networkErrors: number;
  /** Connections that closed with a request on them (reset, refused, closed mid-answer); idle keep-alive timeouts are not drops. */
  droppedConnections: number;
  connectionsOpened: number;
  /** Open loop only: requests not sent because maxInFlight were already waiting. */
  skipped: number;
  /** CPU the load process used during the run, seconds (user + system). */
  loadCpuSeconds: number;
  windows: WindowSummary[];
  /** The first few distinct failed answers (status and body, cut short), to say what went wrong. */
  errorSamples: string[];
}

/** The outcome of one request, as the loops see it. */
export interface Outcome {
  status: number | 'network';
  graphqlError: boolean;
  /** For a failure: what came back (or the network error), cut short. */
  sample?: string;
}
