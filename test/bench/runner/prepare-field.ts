import { loadGatewayKeys } from '../../load/targets.js';
import type { LoadTarget, ReplayFetch } from '../../load/types.js';
import type { Contender, RunningContender } from '../contenders/contender.js';
import { noBaselineSubgraphs } from '../contenders/govgraph.js';
import { checkReplay, recordPlans, type RecordedPlans } from '../replay/record-plans.js';
import type { BaselineSubgraphs, BenchRequest, Workload } from '../workloads/workload.js';
import { checkAnswers, type AnswerCheck } from './check-answers.js';
import type { ContenderResults, WorkloadResults } from './results.js';

export const REPLAY_ID = 'replay';
export const REPLAY_LABEL = 'direct replay (lower bound)';
/** The same recorded plans replayed to the baseline checkout's subgraphs (portal mix with BENCH_BASELINE_DIR). */
export const REPLAY_BASELINE_ID = 'replay-baseline-subgraphs';
export const REPLAY_BASELINE_LABEL = 'direct replay, baseline subgraphs';

/** A contender ready to be measured: where to send load and whose CPU to read. */
export interface Entrant {
  results: ContenderResults;
  target: LoadTarget;
  /** The gateway's processes (with cluster workers); null for the replay (its CPU is the load process's). */
  pids: (() => number[]) | null;
  running: RunningContender | null;
  /** The subgraph processes it loads: whose CPU is its "subgraph CPU". */
  subgraphPids(): number[];
  /** The answer check again, after load. */
  checkAgain(): Promise<ContenderResults['checkBefore']>;
}

export interface Field {
  /** Measured, gateways in the order listed and the replay last. */
  entrants: Entrant[];
  /** Started or recorded but not measured (wrong answers, failed start). */
  excluded: ContenderResults[];
  unavailable: WorkloadResults['unavailable'];
}

const say = (line: string) => console.log(line);
/** An error message (a process's last output lines included) folded onto one table-sized line. */
const oneLine = (message: string) =>
  message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ⏎ ')
    .slice(0, 400);

function blank(id: string, label: string, kind: ContenderResults['kind']): ContenderResults {
  return { id, label, kind, checkBefore: { checked: 0, wrong: [] }, checkAfter: null, excluded: null, runs: [], peakRssBytes: null };
}

/**
 * Records and checks the direct replay, starts every wanted and available contender and checks
 * its answers. Whatever started is in `entrants` (the caller stops them), also when this throws
 * half-way: pass in the list to fill.
 */
export async function prepareField(workload: Workload, contenders: Contender[], only: string[] | null, entrants: Entrant[]): Promise<Field> {
  const wanted = (id: string) => !only || only.includes(id);
  const unavailable: WorkloadResults['unavailable'] = [];
  const excluded: ContenderResults[] = [];
  // The replay first: recording starts a gateway of its own, better done before the others idle in memory.
  const replays = [
    { id: REPLAY_ID, label: REPLAY_LABEL, subgraphs: null as BaselineSubgraphs | null, reason: null as string | null },
    { id: REPLAY_BASELINE_ID, label: REPLAY_BASELINE_LABEL, subgraphs: workload.baselineSubgraphs ?? null, reason: noBaselineSubgraphs(workload) },
  ].filter((r) => wanted(r.id));
  const govgraph = contenders.find((c) => c.id === 'govgraph');
  const cannotRecord = govgraph ? govgraph.unavailable(workload) : 'no govgraph contender to record the plans through';
  for (const r of replays.filter((r) => r.reason ?? cannotRecord)) unavailable.push({ id: r.id, label: r.label, reason: (r.reason ?? cannotRecord)! });
  const toReplay = replays.filter((r) => !(r.reason ?? cannotRecord));
  if (toReplay.length) {
    say(`[${workload.name}] recording the subgraph fetches of ${workload.requests.length} request(s) through govgraph…`);
    const recordedHere = await recordPlans(workload, govgraph!);
    for (const plan of recordedHere.plans) say(`  ${plan.name}: ${plan.waves.map((w) => w.length).join(' → ')} fetches per wave`);
    const gatewayKeysDir = workload.signing?.gatewayKeysDir ?? null;
    const gatewayKeys = gatewayKeysDir ? loadGatewayKeys(gatewayKeysDir) : null;
    for (const replay of toReplay) {
      const recorded = replay.subgraphs ? rerouted(recordedHere, workload.subgraphUrls, replay.subgraphs.subgraphUrls) : recordedHere;
      const results = blank(replay.id, replay.label, 'replay');
      const wrong = [...recorded.wrong, ...(await checkReplay(recorded, gatewayKeys))];
      results.checkBefore = { checked: recorded.recordings.reduce((n, r) => n + r.fetches.length, 0), wrong };
      if (wrong.length) excluded.push({ ...results, excluded: `replay answers differ: ${wrong[0]!.request}: ${wrong[0]!.difference}` });
      else {
        const checkAgain = async () => ({ checked: results.checkBefore.checked, wrong: await checkReplay(recorded, gatewayKeys) });
        const subgraphPids = replay.subgraphs ? replay.subgraphs.subgraphPids : workload.subgraphPids;
        entrants.push({ results, target: { kind: 'replay', plans: recorded.plans, gatewayKeysDir }, pids: null, running: null, subgraphPids, checkAgain });
      }
    }
  }

  for (const contender of contenders.filter((c) => wanted(c.id))) {
    const reason = contender.unavailable(workload);
    if (reason) {
      unavailable.push({ id: contender.id, label: contender.label, reason });
      continue;
    }
    const results = blank(contender.id, contender.label, 'gateway');
    let running: RunningContender;
    try {
      running = await contender.start(workload);
    } catch (error) {
      excluded.push({ ...results, excluded: `failed to start: ${oneLine((error as Error).message)}` });
      continue;
    }
    const urls = running.graphqlUrls ?? [running.graphqlUrl];
    const checkEvery = () => checkEachUrl(urls, workload.requests);
    results.checkBefore = await checkEvery();
    const entrant: Entrant = {
      results,
      running,
      pids: () => running.pids(),
      subgraphPids: () => (running.subgraphPids ?? workload.subgraphPids)(),
      checkAgain: checkEvery,
      // Each request of the mix to each process in turn.
      target: { kind: 'http', requests: workload.requests.flatMap((r) => urls.map((url) => ({ url, body: JSON.stringify(r.body), headers: r.headers }))) },
    };
    if (results.checkBefore.wrong.length) {
      const first = results.checkBefore.wrong[0]!;
      results.excluded = `wrong answer before load (${results.checkBefore.wrong.length}/${workload.requests.length}): ${first.request}: ${first.difference}`;
      excluded.push(results);
      await running.stop();
    } else entrants.push(entrant);
  }
  for (const u of unavailable) say(`[${workload.name}] unavailable: ${u.label} — ${u.reason}`);
  for (const e of excluded) say(`[${workload.name}] excluded: ${e.label} — ${e.excluded}`);
  entrants.sort((a, b) => Number(a.pids === null) - Number(b.pids === null));
  return { entrants, excluded, unavailable };
}

/**
 * Recorded fetches sent to other subgraphs instead (the baseline checkout's): each fetch's URL
 * moved from its subgraph's URL to the other one's, the recorded answers kept to check against.
 */
function rerouted(recorded: RecordedPlans, from: Record<string, string>, to: Record<string, string>): RecordedPlans {
  const move = <F extends ReplayFetch>(fetch: F): F => {
    const source = from[fetch.subgraph];
    const target = to[fetch.subgraph];
    if (!source || !target) throw new Error(`no baseline subgraph for ${fetch.subgraph}'s fetches`);
    const url = new URL(fetch.url);
    const [a, b] = [new URL(source), new URL(target)];
    if (url.origin !== a.origin) throw new Error(`a fetch to ${fetch.subgraph} went to ${url.origin}, not ${a.origin}`);
    url.host = b.host;
    return { ...fetch, url: url.href };
  };
  return {
    ...recorded,
    plans: recorded.plans.map((plan) => ({ ...plan, waves: plan.waves.map((wave) => wave.map(move)) })),
    recordings: recorded.recordings.map((r) => ({ ...r, fetches: r.fetches.map(move) })),
  };
}

/** The answers of every process of a contender, checked one process after another. */
async function checkEachUrl(urls: string[], requests: BenchRequest[]): Promise<AnswerCheck> {
  const checks = [];
  for (const url of urls) checks.push(await checkAnswers(url, requests));
  return { checked: checks.reduce((sum, check) => sum + check.checked, 0), wrong: checks.flatMap((check) => check.wrong) };
}
