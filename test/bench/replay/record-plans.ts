import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkResponse } from '../../load/check-response.js';
import { KeepAliveClient } from '../../load/http-client.js';
import type { PartyKeys } from '@govgraph/kit/trust';
import { prepareFetch } from '../../load/targets.js';
import type { ReplayPlan } from '../../load/types.js';
import type { Contender } from '../contenders/contender.js';
import { maskVolatile } from '../workloads/volatile-fields.js';
import type { Workload } from '../workloads/workload.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';
import { deriveWaves, toReplayPlan, type RecordedFetch } from './waves.js';

export interface RecordedPlans {
  plans: ReplayPlan[];
  /** Per request: its fetches as recorded, answers included (to check a replay against). */
  recordings: Array<{ request: string; fetches: RecordedFetch[] }>;
  /** Requests whose answer through the proxies was not the expected one (the recording is then suspect). */
  wrong: Array<{ request: string; difference: string }>;
}

/** Replaces every occurrence of each key by its value. */
function rewrite(text: string, urls: Map<string, string>): string {
  let out = text;
  for (const [from, to] of urls) out = out.split(from).join(to);
  return out;
}

/**
 * Records the subgraph fetches each request of the mix makes through a gateway (govgraph's):
 * a recording proxy in front of every subgraph, a copy of the supergraph (and of the gateway's
 * environment) pointing at the proxies, one request at a time, `passes` times each.
 */
export async function recordPlans(workload: Workload, gateway: Contender, holdMs = 50, passes = 3): Promise<RecordedPlans> {
  const proxies: RecordingProxy[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-replay-'));
  try {
    for (const [name, url] of Object.entries(workload.subgraphUrls)) proxies.push(await startRecordingProxy(name, url, holdMs));
    const urls = new Map(proxies.map((p) => [p.targetUrl, p.url]));
    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphPath, rewrite(readFileSync(workload.supergraphPath, 'utf8'), urls));
    urls.set(workload.supergraphPath, supergraphPath);
    const proxied: Workload = {
      ...workload,
      supergraphPath,
      subgraphUrls: Object.fromEntries(proxies.map((p) => [p.name, p.url])),
      govgraphEnv: Object.fromEntries(Object.entries(workload.govgraphEnv).map(([k, v]) => [k, rewrite(v, urls)])),
    };
    const running = await gateway.start(proxied);
    const all = () => proxies.flatMap((p) => p.fetches);
    const recordings: RecordedPlans['recordings'] = [];
    const wrong: RecordedPlans['wrong'] = [];
    try {
      for (const request of workload.requests) {
        let best: RecordedFetch[] | null = null;
        for (let pass = 0; pass < passes; pass++) {
          const before = performance.now();
          const response = await fetch(running.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...request.headers },
            body: JSON.stringify(request.body),
          });
          const text = await response.text();
          const after = performance.now();
          if (pass === 0) {
            const check = checkResponse(request.expected, parseMasked(text, request.volatile));
            if (!check.ok) wrong.push({ request: request.name, difference: check.difference! });
          }
          // Only this request's fetches: anything else the gateway sent (a readiness probe) falls outside.
          const fetches = all().filter((f) => f.startMs >= before && f.endMs <= after);
          // A stalled gateway can only split a wave (a parallel fetch sent after its sibling's
          // answer), never merge two: the pass with the fewest waves is the truest.
          if (!best || deriveWaves(fetches).length < deriveWaves(best).length) best = fetches;
        }
        recordings.push({ request: request.name, fetches: best! });
      }
    } finally {
      await running.stop();
    }
    return { plans: recordings.map((r) => toReplayPlan(r.request, r.fetches)), recordings, wrong };
  } finally {
    for (const proxy of proxies) await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseMasked(text: string, volatile: string[] | undefined): unknown {
  try {
    return maskVolatile(JSON.parse(text), volatile);
  } catch {
    return text; // not JSON: checkResponse says so
  }
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A subgraph answer with every ISO timestamp replaced by a placeholder: some answers carry "now"
 * (when a fact was read), so a replay a minute later differs there and nowhere else. The
 * gateways' answers are checked with the workload's exact volatile paths instead.
 */
function withoutTimestamps(value: unknown): unknown {
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? '<timestamp>' : value;
  if (Array.isArray(value)) return value.map(withoutTimestamps);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutTimestamps(v)]));
  return value;
}

/** Replays each recording once, directly, and compares every subgraph answer with the recorded one. */
export async function checkReplay(recorded: RecordedPlans, gatewayKeys: PartyKeys | null): Promise<Array<{ request: string; difference: string }>> {
  const client = new KeepAliveClient(16);
  const wrong: Array<{ request: string; difference: string }> = [];
  try {
    for (const { request, fetches } of recorded.recordings) {
      for (const fetch of fetches) {
        const prepared = prepareFetch(fetch, gatewayKeys);
        const answer = await client.post(prepared.url, prepared.body, prepared.headersFor(`replay-check-${Date.now()}`));
        let replayed: unknown;
        try {
          replayed = withoutTimestamps(JSON.parse(answer.body));
        } catch {
          replayed = answer.body; // not JSON: checkResponse reports it
        }
        const check = checkResponse(withoutTimestamps(JSON.parse(fetch.responseBody)), replayed);
        if (answer.status !== fetch.status || !check.ok) wrong.push({ request: `${request} → ${fetch.subgraph}`, difference: check.difference ?? `HTTP ${answer.status}` });
      }
    }
  } finally {
    client.close();
  }
  return wrong;
}
