import { loadGatewayKeys } from '../../load/targets.js';
import type { LoadTarget } from '../../load/types.js';
import type { Contender, RunningContender } from '../contenders/contender.js';
import { checkReplay, recordPlans } from '../replay/record-plans.js';
import type { BenchRequest, Workload } from '../workloads/workload.js';
import { checkAnswers, type AnswerCheck } from './check-answers.js';
import type { ContenderResults, WorkloadResults } from './results.js';

export const REPLAY_ID = 'replay';
export const REPLAY_LABEL = 'direct replay (lower bound)';

/** A contender ready to be measured: where to send load and whose CPU to read. */
export interface Entrant {
  results: ContenderResults;
  target: LoadTarget;
  /** The gateway's processes (with cluster workers); null for the replay (its CPU is the load process's). */
  pids: (() => number[]) | null;
  running: RunningContender | null;
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
  if (wanted(REPLAY_ID)) {
    const govgraph = contenders.find((c) => c.id === 'govgraph');
    const reason = govgraph ? govgraph.unavailable() : 'no govgraph contender to record the plans through';
    if (reason) unavailable.push({ id: REPLAY_ID, label: REPLAY_LABEL, reason });
    else {
      const results = blank(REPLAY_ID, REPLAY_LABEL, 'replay');
      say(`[${workload.name}] recording the subgraph fetches of ${workload.requests.length} request(s) through govgraph…`);
      const recorded = await recordPlans(workload, govgraph!);
      const gatewayKeysDir = workload.signing?.gatewayKeysDir ?? null;
      const gatewayKeys = gatewayKeysDir ? loadGatewayKeys(gatewayKeysDir) : null;
      const wrong = [...recorded.wrong, ...(await checkReplay(recorded, gatewayKeys))];
      results.checkBefore = { checked: recorded.recordings.reduce((n, r) => n + r.fetches.length, 0), wrong };
      for (const plan of recorded.plans) say(`  ${plan.name}: ${plan.waves.map((w) => w.length).join(' → ')} fetches per wave`);
      if (wrong.length) excluded.push({ ...results, excluded: `replay answers differ: ${wrong[0]!.request}: ${wrong[0]!.difference}` });
      else {
        const checkAgain = async () => ({ checked: results.checkBefore.checked, wrong: await checkReplay(recorded, gatewayKeys) });
        entrants.push({ results, target: { kind: 'replay', plans: recorded.plans, gatewayKeysDir }, pids: null, running: null, checkAgain });
      }
    }
  }

  for (const contender of contenders.filter((c) => wanted(c.id))) {
    const reason = contender.unavailable();
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

/** The answers of every process of a contender, checked one process after another. */
async function checkEachUrl(urls: string[], requests: BenchRequest[]): Promise<AnswerCheck> {
  const checks = [];
  for (const url of urls) checks.push(await checkAnswers(url, requests));
  return { checked: checks.reduce((sum, check) => sum + check.checked, 0), wrong: checks.flatMap((check) => check.wrong) };
}
