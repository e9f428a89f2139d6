import type { Logger } from '@govgraph/kit';
import { downstreamError } from '../downstream-error.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';
import { failureOf } from './subgraph-failure.js';
import { createSubgraphPool, type SubgraphPool } from './subgraph-pool.js';

/** How the gateway talks to every subgraph (GATEWAY_SUBGRAPH_* and GATEWAY_BREAKER_*). */
export interface ResilienceSettings {
  /** Per attempt; `SUBGRAPH_<NAME>_TIMEOUT_MS` overrides it for one subgraph. */
  timeoutMs: number;
  /** Subgraph name → its own timeout. */
  timeoutsMs: Readonly<Record<string, number>>;
  /** Extra attempts for a failed query fetch (never for a mutation); 0 turns retries off. */
  retries: number;
  /** Backoff base: before retry n (0-based) wait a random time in [0, min(base·2ⁿ, 16·base)). */
  retryDelayMs: number;
  /** Consecutive failures that open a subgraph's circuit. */
  breakerFailures: number;
  /** How long an open circuit refuses at once before one trial fetch. */
  breakerOpenMs: number;
  /** Connections kept to one subgraph at most. */
  maxConnections: number;
  /** An idle connection is closed after this long. */
  idleMs: number;
}

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export interface SubgraphLinkOptions {
  name: string;
  settings: ResilienceSettings;
  log: Logger;
  metrics?: GatewayMetrics;
  connectionsOpened?: GatewayMetrics['connectionsOpened'];
  /** Tests make time and chance predictable. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** What the data source knows about one fetch. */
export interface FetchIntent {
  /** A query (or a plan's `_entities` fetch): safe to send again. A mutation is never retried. */
  retryable: boolean;
  /** The request's logger (with its request id). */
  log?: Logger;
}

/**
 * The gateway's line to one subgraph: its connection pool, its timeout, and its circuit breaker,
 * around each fetch the query plan makes. Kept across supergraph swaps (the breaker remembers).
 */
export class SubgraphLink {
  readonly name: string;
  readonly timeoutMs: number;
  readonly breaker: CircuitBreaker;
  readonly pool: SubgraphPool;
  private readonly settings: ResilienceSettings;
  private readonly log: Logger;
  private readonly metrics: GatewayMetrics | undefined;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private reported: BreakerState = 'closed';

  constructor(options: SubgraphLinkOptions) {
    this.name = options.name;
    this.settings = options.settings;
    this.timeoutMs = options.settings.timeoutsMs[options.name] ?? options.settings.timeoutMs;
    this.log = options.log;
    this.metrics = options.metrics;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.breaker = new CircuitBreaker({
      failureThreshold: options.settings.breakerFailures,
      openMs: options.settings.breakerOpenMs,
      ...(options.now ? { now: options.now } : {}),
    });
    this.pool = createSubgraphPool({
      maxConnections: options.settings.maxConnections,
      idleMs: options.settings.idleMs,
      onConnection: () => options.connectionsOpened?.inc({ subgraph: options.name }),
    });
    this.metrics?.breakerState.set({ subgraph: this.name }, 0);
  }

  /**
   * Runs `attempt` (one signed HTTP fetch) under the breaker, again after a failure when the
   * fetch is retryable and the failure transient, at most `retries` more times with jittered
   * backoff. While the circuit is open it fails at once with DOWNSTREAM_SERVICE_ERROR naming
   * the department, without sending anything.
   */
  async run<T>(intent: FetchIntent, attempt: () => Promise<T>): Promise<T> {
    const log = intent.log ?? this.log;
    for (let retry = 0; ; retry++) {
      if (!this.breaker.allow()) {
        // Never sent, so the fetch observer (ok | error, per attempt) does not see it.
        this.metrics?.subgraphFetches.inc({ outcome: 'breaker_open', subgraph: this.name });
        this.report();
        throw downstreamError(this.name);
      }
      this.report();
      try {
        const result = await attempt();
        this.breaker.succeeded();
        this.report();
        return result;
      } catch (error) {
        const failure = failureOf(error);
        if (!failure) {
          // The department answered (e.g. 400 for the caller's input): it is up.
          this.breaker.succeeded();
          this.report();
          throw error;
        }
        // A fetch that never left the gateway's queue says nothing about the department.
        if (failure.kind === 'saturated') this.breaker.inconclusive();
        else this.breaker.failed();
        this.report();
        // The fetch observer counts ok and error per attempt; timeouts are counted here.
        if (failure.kind === 'timeout') this.metrics?.subgraphFetches.inc({ outcome: 'timeout', subgraph: this.name });
        const again = intent.retryable && failure.transient && retry < this.settings.retries;
        const details = { serviceName: this.name, failure: failure.kind, status: failure.status, attempt: retry + 1, err: failure.cause };
        if (!again) {
          log.error(details, 'subgraph request failed');
          throw error;
        }
        log.warn(details, 'subgraph request failed; retrying');
        await this.sleep(this.backoffMs(retry));
      }
    }
  }

  /** Full jitter: spreads the retries of many requests that failed together. */
  backoffMs(retry: number): number {
    const base = this.settings.retryDelayMs;
    return Math.floor(this.random() * Math.min(base * 2 ** retry, base * 16));
  }

  close(): void {
    this.pool.close();
  }

  private report(): void {
    const state = this.breaker.state;
    if (state === this.reported) return;
    this.metrics?.breakerState.set({ subgraph: this.name }, STATE_VALUE[state]);
    if (state === 'open') this.log.warn({ serviceName: this.name, openMs: this.settings.breakerOpenMs }, 'circuit opened: fetches to this subgraph fail at once');
    else if (state === 'closed') this.log.info({ serviceName: this.name }, 'circuit closed: the subgraph answers again');
    this.reported = state;
  }
}

/** One link per subgraph name, made on first use; a supergraph swap reuses them. */
export class SubgraphLinks {
  private readonly links = new Map<string, SubgraphLink>();
  private readonly connectionsOpened: GatewayMetrics['connectionsOpened'] | undefined;

  constructor(
    private readonly settings: ResilienceSettings,
    private readonly log: Logger,
    private readonly metrics?: GatewayMetrics,
  ) {
    this.connectionsOpened = metrics?.connectionsOpened;
  }

  get(name: string): SubgraphLink {
    let link = this.links.get(name);
    if (!link) {
      link = new SubgraphLink({
        name,
        settings: this.settings,
        log: this.log,
        ...(this.metrics ? { metrics: this.metrics } : {}),
        ...(this.connectionsOpened ? { connectionsOpened: this.connectionsOpened } : {}),
      });
      this.links.set(name, link);
    }
    return link;
  }

  close(): void {
    for (const link of this.links.values()) link.close();
  }
}
