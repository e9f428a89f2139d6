import { callGraph, login, operationText, type Outcome } from './graph-client.js';
import type { FaultGraph } from './fault-graph.js';
import { countOutcomes, latency, sleep, startLoad, type LatencyFigures } from './load-loops.js';

export interface OutageOptions {
  /** Takes the dependency away (stops Redis, stops PostgreSQL …) and brings it back. */
  down(): Promise<void>;
  up(): Promise<void>;
  concurrency?: number;
  beforeMs?: number;
  downMs?: number;
  /** Load after the dependency is back; recovery must happen within it. */
  afterMs?: number;
}

export interface OutageFigures {
  requests: number;
  /** Outcomes per phase: before the outage, during it, after the dependency is back. */
  phases: Record<'before' | 'down' | 'after', Record<string, Record<string, number>>>;
  latency: Record<'before' | 'down' | 'after', LatencyFigures>;
  /** From the dependency answering again to the first moment after which every answer is whole. */
  recoveryMs: number;
  /** Services whose process is not the one that was running before (crashed, restarted). */
  processesChanged: string[];
  outcomes: Outcome[];
  window: { downAt: number; upAt: number };
}

const ME_ONLY = '{ me { id displayName } }';

/**
 * The portal's reads (MyHome across all four departments, the catalog search, identity alone)
 * plus a sign-in now and then, under load while a shared dependency goes away and comes back.
 * The scenario only measures; the caller judges the outcomes against what is documented.
 */
export async function outageUnderLoad(target: FaultGraph, options: OutageOptions): Promise<OutageFigures> {
  const { concurrency = 4, beforeMs = 1_500, downMs = 3_000, afterMs = 6_000 } = options;
  const url = target.gatewayGraphqlUrl;
  const token = await login(url, 'zhangsan');
  const myHome = operationText('my-home.graphql');
  const search = operationText('search-catalog.graphql');
  const signIn = operationText('login.graphql');
  const pidsBefore = target.graph.pids();

  const load = startLoad([
    { op: 'MyHome', concurrency, send: () => callGraph('MyHome', url, { query: myHome }, token) },
    { op: 'SearchCatalog', concurrency: Math.max(1, concurrency / 2), send: () => callGraph('SearchCatalog', url, { query: search, variables: { first: 5 } }) },
    { op: 'Me', concurrency: Math.max(1, concurrency / 2), send: () => callGraph('Me', url, { query: ME_ONLY }, token) },
    // Sign-in throttling counts in Redis; slow enough to stay inside its per-address budget.
    { op: 'Login', concurrency: 1, pauseMs: 1_500, send: () => callGraph('Login', url, { query: signIn, variables: { username: 'lisi', password: 'demo' } }) },
  ]);
  let downAt = 0;
  let upAt = 0;
  try {
    await sleep(beforeMs);
    downAt = Date.now();
    await options.down();
    await sleep(downMs);
    await options.up();
    upAt = Date.now();
    await sleep(afterMs);
  } finally {
    await load.stop();
  }
  const outcomes = load.outcomes;
  const before = outcomes.filter((o) => o.at < downAt);
  const down = outcomes.filter((o) => o.at >= downAt && o.at < upAt);
  const after = outcomes.filter((o) => o.at >= upAt);
  const lastBad = after.reduce((t, o) => (o.kind === 'ok' ? t : Math.max(t, o.at + o.ms)), upAt);
  const pidsAfter = target.graph.pids();
  return {
    requests: outcomes.length,
    phases: { before: countOutcomes(before), down: countOutcomes(down), after: countOutcomes(after) },
    latency: { before: latency(before), down: latency(down), after: latency(after) },
    recoveryMs: lastBad > Date.now() - 500 ? NaN : Math.round(lastBad - upAt),
    processesChanged: [...new Set([...Object.keys(pidsBefore).filter((name) => pidsAfter[name] !== pidsBefore[name]), ...target.dead()])],
    outcomes,
    window: { downAt, upAt },
  };
}

/** Labels of the outcomes that are neither whole nor GraphQL errors whose every code matches `allowed`. */
export function outcomesOutside(outcomes: readonly Outcome[], allowed: RegExp): string[] {
  const bad = outcomes.filter((o) => o.kind !== 'ok' && !((o.kind === 'partial' || o.kind === 'error') && o.codes.every((c) => allowed.test(c))));
  return [...new Set(bad.map((o) => `${o.op}: ${o.kind} ${o.codes.join(',')}`))];
}

/** True once the gateway's /readyz reports its Redis connection ready again (within the timeout). */
export async function redisReadyAgain(gatewayUrl: string, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${gatewayUrl}/readyz`)).json().catch(() => ({}))) as { redis?: string };
    if (body.redis === 'ready') return true;
    await sleep(200);
  }
  return false;
}
