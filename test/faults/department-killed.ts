import { callGraph, login, operationText } from './graph-client.js';
import type { FaultGraph } from './fault-graph.js';
import { countOutcomes, dedupe, latency, sleep, startLoad, within, type LatencyFigures } from './load-loops.js';

export interface DepartmentKilledOptions {
  /** The department whose process is killed (SIGKILL) and started again. */
  victim?: string;
  /** Loops per operation. */
  concurrency?: number;
  /** Load before the kill, while it is down, and after it is back (ms). */
  beforeMs?: number;
  downMs?: number;
  afterMs?: number;
  kills?: number;
}

export interface DepartmentKilledFigures {
  victim: string;
  requests: number;
  outcomes: Record<string, Record<string, number>>;
  /** Per kill: from the process answering /readyz again to the first of only whole answers. */
  recoveryMs: number[];
  /** MyHome latency while whole, and while the department was down. */
  myHomeLatency: { up: LatencyFigures; down: LatencyFigures };
  gatewayRestarted: boolean;
  violations: string[];
}

const ME_ONLY = '{ me { id displayName } }';

/**
 * A department's process is SIGKILLed under load and started again: MyHome keeps coming with the
 * other departments' data and one error naming the department, operations that do not touch it
 * are untouched, the gateway never fails at HTTP level nor restarts, and whole answers are back
 * within seconds of the department's return.
 */
export async function departmentKilled(target: FaultGraph, options: DepartmentKilledOptions = {}): Promise<DepartmentKilledFigures> {
  const victim = options.victim ?? 'licences';
  const { concurrency = 4, beforeMs = 1_500, downMs = 3_000, afterMs = 4_000, kills = 1 } = options;
  const url = target.gatewayGraphqlUrl;
  const token = await login(url, 'zhangsan');
  const myHome = operationText('my-home.graphql');
  const search = operationText('search-catalog.graphql');
  const reference = await callGraph('MyHome', url, { query: myHome }, token);
  if (reference.kind !== 'ok') throw new Error(`MyHome is not whole before the fault: ${JSON.stringify(reference.body)}`);
  const gatewayPid = target.graph.pids().gateway;

  const load = startLoad([
    { op: 'MyHome', concurrency, send: () => callGraph('MyHome', url, { query: myHome }, token) },
    { op: 'SearchCatalog', concurrency: Math.max(1, concurrency / 2), send: () => callGraph('SearchCatalog', url, { query: search, variables: { first: 5 } }) },
    { op: 'Me', concurrency: Math.max(1, concurrency / 2), send: () => callGraph('Me', url, { query: ME_ONLY }, token) },
  ]);
  const downWindows: Array<{ killedAt: number; backAt: number }> = [];
  try {
    await sleep(beforeMs);
    for (let k = 0; k < kills; k++) {
      const killedAt = Date.now();
      await target.graph.kill(victim, 'SIGKILL');
      await sleep(downMs);
      await target.graph.start(victim);
      downWindows.push({ killedAt, backAt: Date.now() });
      await sleep(afterMs);
    }
  } finally {
    await load.stop();
  }

  const outcomes = load.outcomes;
  const violations: string[] = [];
  const expectedPartial = `DOWNSTREAM_SERVICE_ERROR:${victim}`;
  const wholeData = reference.body.data;
  // With licences gone, MyHome is the whole answer with `licences: null` (docs/gateway.md).
  const partialData = { me: { ...wholeData.me, licences: null } };
  for (const o of outcomes) {
    if (o.kind === 'http' || o.kind === 'transport') violations.push(`${o.op}: ${o.kind} ${o.codes.join(',')} (status ${o.status})`);
    else if (o.op !== 'MyHome' && o.kind !== 'ok') violations.push(`${o.op} does not touch ${victim} but answered ${o.kind} ${o.codes.join(',')}`);
    else if (o.op === 'MyHome' && o.kind === 'ok' && JSON.stringify(o.body.data) !== JSON.stringify(wholeData)) violations.push('MyHome: whole answer differs from the reference');
    else if (o.op === 'MyHome' && o.kind !== 'ok') {
      if (o.kind !== 'partial' || o.codes.join() !== expectedPartial)
        violations.push(`MyHome: ${o.kind} ${o.codes.join(',')} instead of the other departments' data and ${expectedPartial}`);
      else if (victim === 'licences' && JSON.stringify(o.body.data) !== JSON.stringify(partialData))
        violations.push('MyHome: partial answer lost data of a department that was up');
    }
  }
  const recoveryMs = downWindows.map(({ backAt }, i) => {
    const next = downWindows[i + 1]?.killedAt ?? Infinity;
    // Requests still in flight when the next kill came are that kill's, not this recovery's.
    const after = within(outcomes, 'MyHome', backAt, next).filter((o) => o.at + o.ms < next);
    const lastBad = after.reduce((t, o) => (o.kind === 'ok' ? t : Math.max(t, o.at + o.ms)), backAt);
    const firstGoodAfter = after.find((o) => o.kind === 'ok' && o.at >= lastBad);
    if (!firstGoodAfter) violations.push(`MyHome not whole again after ${victim}'s return #${i + 1}`);
    return firstGoodAfter ? Math.max(0, Math.round(firstGoodAfter.at + firstGoodAfter.ms - backAt)) : NaN;
  });
  const down = downWindows.flatMap(({ killedAt, backAt }) => within(outcomes, 'MyHome', killedAt, backAt));
  const up = outcomes.filter((o) => o.op === 'MyHome' && o.kind === 'ok');
  const gatewayRestarted = target.graph.pids().gateway !== gatewayPid || target.dead().includes('gateway');
  if (gatewayRestarted) violations.push('the gateway process changed');
  for (const name of target.dead()) violations.push(`${name}'s process died`);
  if (down.filter((o) => o.kind === 'partial').length === 0) violations.push(`no partial MyHome seen while ${victim} was down`);
  return {
    victim,
    requests: outcomes.length,
    outcomes: countOutcomes(outcomes),
    recoveryMs,
    myHomeLatency: { up: latency(up), down: latency(down) },
    gatewayRestarted,
    violations: dedupe(violations),
  };
}
