import { callGraph, login, operationText } from './graph-client.js';
import type { FaultGraph } from './fault-graph.js';
import { countOutcomes, dedupe, latency, sleep, startLoad, within, type LatencyFigures } from './load-loops.js';

export interface SlowDepartmentOptions {
  /** A proxied subgraph of the FaultGraph (its proxy delays every request). */
  victim?: string;
  /** Delay the proxy adds to each request (ms); well over the department's timeout. */
  delayMs?: number;
  /** The victim's `<NAME>_TIMEOUT_MS` as the gateway was started with; bounds the affected requests. */
  timeoutMs: number;
  /** GATEWAY_BREAKER_OPEN_MS as the gateway was started with. */
  breakerOpenMs: number;
  concurrency?: number;
  /** Each phase's length: normal, slow, normal again (ms); phases alternate `rounds` times. */
  phaseMs?: number;
  rounds?: number;
}

export interface SlowDepartmentFigures {
  victim: string;
  delayMs: number;
  requests: number;
  outcomes: Record<string, Record<string, number>>;
  /** Latency of operations that never touch the victim, with the victim normal and slow. */
  unaffected: Record<string, { normal: LatencyFigures; slow: LatencyFigures }>;
  /** MyHome (needs the victim) while it is slow: bounded by its timeout, then by the breaker. */
  affected: { normal: LatencyFigures; slow: LatencyFigures };
  breakerOpenRefusals: number;
  /** Affected requests slower than every attempt timing out (3 × timeout + 1 s): machine noise when not 0. */
  overTimeoutBound: number;
  /** Per round: from the delay's end to the first of only whole MyHome answers. */
  recoveryMs: number[];
  violations: string[];
}

const ME_ONLY = '{ me { id displayName } }';

/**
 * A department turns slow (a proxy delays each request far beyond its timeout): operations that
 * do not touch it keep their latency, those that do answer within the timeout — sooner once the
 * circuit is open — with the other departments' data and an error naming it, and all is whole
 * again shortly after it is quick again.
 */
export async function slowDepartment(target: FaultGraph, options: SlowDepartmentOptions): Promise<SlowDepartmentFigures> {
  const victim = options.victim ?? 'licences';
  const { delayMs = 5_000, concurrency = 4, phaseMs = 3_000, rounds = 1, timeoutMs, breakerOpenMs } = options;
  const proxy = target.proxies[victim];
  if (!proxy) throw new Error(`${victim} is not behind a fault proxy`);
  const url = target.gatewayGraphqlUrl;
  const token = await login(url, 'zhangsan');
  const myHome = operationText('my-home.graphql');
  const search = operationText('search-catalog.graphql');
  const metricsBefore = breakerRefusals(await target.metrics(), victim);

  const load = startLoad([
    { op: 'MyHome', concurrency, send: () => callGraph('MyHome', url, { query: myHome }, token) },
    { op: 'SearchCatalog', concurrency: Math.max(1, concurrency / 2), send: () => callGraph('SearchCatalog', url, { query: search, variables: { first: 5 } }) },
    { op: 'Me', concurrency: Math.max(1, concurrency / 2), send: () => callGraph('Me', url, { query: ME_ONLY }, token) },
  ]);
  const normal: Array<[number, number]> = [];
  const slow: Array<[number, number]> = [];
  try {
    for (let round = 0; round < rounds; round++) {
      let from = Date.now();
      await sleep(phaseMs);
      normal.push([from, Date.now()]);
      from = Date.now();
      proxy.set('delay', delayMs);
      await sleep(phaseMs);
      proxy.set('pass');
      // Requests already held by the proxy would still arrive late: cut them, as a recovered server would.
      proxy.dropConnections();
      slow.push([from, Date.now()]);
    }
    const from = Date.now();
    await sleep(phaseMs + breakerOpenMs);
    normal.push([from, Date.now()]);
  } finally {
    proxy.set('pass');
    await load.stop();
  }

  const outcomes = load.outcomes;
  const inWindows = (op: string, windows: Array<[number, number]>) => windows.flatMap(([a, b]) => within(outcomes, op, a, b));
  const violations: string[] = [];
  for (const o of outcomes) {
    if (o.kind === 'http' || o.kind === 'transport') violations.push(`${o.op}: ${o.kind} ${o.codes.join(',')}`);
    else if (o.op !== 'MyHome' && o.kind !== 'ok') violations.push(`${o.op} does not touch ${victim} but answered ${o.kind} ${o.codes.join(',')}`);
    else if (o.op === 'MyHome' && o.kind !== 'ok' && (o.kind !== 'partial' || o.codes.join() !== `DOWNSTREAM_SERVICE_ERROR:${victim}`)) {
      violations.push(`MyHome: ${o.kind} ${o.codes.join(',')}`);
    }
  }
  // The timeout must cut the wait: no affected request may sit out the department's delay.
  const slowMyHome = inWindows('MyHome', slow);
  const waitedOut = slowMyHome.filter((o) => o.ms >= delayMs);
  if (waitedOut.length > 0) violations.push(`${waitedOut.length} MyHome requests waited out ${victim}'s ${delayMs} ms delay`);
  // Worst case of one affected request: every attempt times out (queries are retried twice), plus the pauses — a figure, not a rule, on a shared machine.
  const overBound = slowMyHome.filter((o) => o.ms > 3 * timeoutMs + 1_000).length;
  const unaffected: SlowDepartmentFigures['unaffected'] = {};
  for (const op of ['SearchCatalog', 'Me']) {
    unaffected[op] = { normal: latency(inWindows(op, normal)), slow: latency(inWindows(op, slow)) };
    // Not a speed claim (the machine is shared): the department's delay must not reach them at all.
    if (unaffected[op].slow.max >= delayMs) violations.push(`${op} waited for ${victim}'s delay (max ${unaffected[op].slow.max} ms)`);
  }
  const recoveryMs = slow.map(([, end], i) => {
    const until = normal[i + 1]?.[1] ?? Infinity;
    // Requests still in flight when the next slow phase began are that phase's.
    const after = within(outcomes, 'MyHome', end, until).filter((o) => o.at + o.ms < until);
    const lastBad = after.reduce((t, o) => (o.kind === 'ok' ? t : Math.max(t, o.at + o.ms)), end);
    const good = after.find((o) => o.kind === 'ok' && o.at >= lastBad);
    if (!good) violations.push(`MyHome not whole again after ${victim} was quick again (round ${i + 1})`);
    return good ? Math.round(good.at + good.ms - end) : NaN;
  });
  const breakerOpenRefusals = breakerRefusals(await target.metrics(), victim) - metricsBefore;
  if (breakerOpenRefusals === 0) violations.push(`the circuit to ${victim} never opened`);
  return {
    victim,
    delayMs,
    requests: outcomes.length,
    outcomes: countOutcomes(outcomes),
    unaffected,
    affected: { normal: latency(inWindows('MyHome', normal)), slow: latency(slowMyHome) },
    breakerOpenRefusals,
    overTimeoutBound: overBound,
    recoveryMs,
    violations: dedupe(violations),
  };
}

function breakerRefusals(metrics: string, subgraph: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith('govgraph_subgraph_fetches_total{') && l.includes('outcome="breaker_open"') && l.includes(`subgraph="${subgraph}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}
