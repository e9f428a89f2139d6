import { Agent } from 'node:http';
import type { GraphHarness } from '../src/harness.js';
import { makeCredentials } from './credentials.js';
import { hostileInputs } from './generate-inputs.js';
import type { HostileInput } from './hostile-input.js';
import { judgeAnswer, type Finding } from './judge-answer.js';
import { linesWithPersonalData } from './personal-data.js';
import { sendInput, type Answer } from './send-input.js';

export interface HostileSummary {
  seed: number;
  inputs: number;
  serverErrors: number;
  /** Answers (below 500) with an INTERNAL_SERVER_ERROR: an input that surprised a service. */
  internalErrors: number;
  dropped: number;
  missingCode: number;
  stackTraces: number;
  leaks: number;
  /** Log lines (of every service) with a demo person's name, ID number, mobile or address. */
  logLinesWithPersonalData: number;
  /** A plain SearchCatalog answered after the run. */
  answersAfterwards: boolean;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  /** Up to five examples of each finding, to reproduce (seed + index) and fix. */
  examples: Array<{ finding: Finding | 'log'; index: number; kind: string; target: string; status: number | null; excerpt: string }>;
  ms: number;
}

export interface HostileRunOptions {
  seed: number;
  count: number;
  /** Index of the first input (to rerun a stretch of a long run). */
  first?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Called every `progressEvery` inputs with the summary so far. */
  onProgress?: (summary: HostileSummary) => void;
  progressEvery?: number;
}

const COUNTERS: Record<Finding, keyof HostileSummary> = {
  serverError: 'serverErrors',
  internalError: 'internalErrors',
  dropped: 'dropped',
  missingCode: 'missingCode',
  stackTrace: 'stackTraces',
  leak: 'leaks',
};

/**
 * Sends `count` hostile inputs of `seed` to a running graph (started with captureLogs, so its
 * log lines are checked too) and counts what must never happen.
 */
export async function runHostile(graph: GraphHarness, options: HostileRunOptions): Promise<HostileSummary> {
  const started = performance.now();
  const credentials = await makeCredentials(graph);
  const endpoints = { gateway: graph.gateway.url, subgraphs: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url])) };
  const concurrency = options.concurrency ?? 8;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const summary: HostileSummary = {
    seed: options.seed,
    inputs: 0,
    serverErrors: 0,
    internalErrors: 0,
    dropped: 0,
    missingCode: 0,
    stackTraces: 0,
    leaks: 0,
    logLinesWithPersonalData: 0,
    answersAfterwards: false,
    byKind: {},
    byStatus: {},
    examples: [],
    ms: 0,
  };
  const example = (finding: Finding | 'log', input: { index: number; kind: string; target: string }, status: number | null, excerpt: string) => {
    if (summary.examples.filter((e) => e.finding === finding).length < 5)
      summary.examples.push({ finding, index: input.index, kind: input.kind, target: input.target, status, excerpt: excerpt.slice(0, 400) });
  };
  const record = (input: HostileInput, answer: Answer) => {
    summary.inputs++;
    summary.byKind[input.kind] = (summary.byKind[input.kind] ?? 0) + 1;
    const status = answer.status === null ? 'dropped' : String(answer.status);
    summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
    for (const finding of judgeAnswer(input, answer)) {
      (summary[COUNTERS[finding]] as number)++;
      example(finding, input, answer.status, answer.dropped ?? answer.body);
    }
  };
  // Logs are checked and let go as the run goes, so a long run does not keep them all.
  const checkLogs = () => {
    const lines = graph.logs.splice(0, graph.logs.length);
    for (const line of linesWithPersonalData(lines)) {
      summary.logLinesWithPersonalData++;
      example('log', { index: -1, kind: 'log', target: 'log' }, null, line);
    }
  };

  const inputs = hostileInputs(options.seed, options.count, options.first ?? 0);
  const worker = async () => {
    for (let next = inputs.next(); !next.done; next = inputs.next()) {
      record(next.value, await sendInput(next.value, endpoints, credentials, agent));
      if (options.onProgress && summary.inputs % (options.progressEvery ?? 1000) === 0) {
        checkLogs();
        summary.ms = Math.round(performance.now() - started);
        options.onProgress(summary);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();

  const after = await graph.operation('search-catalog.graphql', { filter: { text: '驾驶证' } });
  summary.answersAfterwards = after.status === 200 && after.errors === undefined && after.data?.matters?.totalCount > 0;
  checkLogs();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/** The summary as the lines the command and the test print. */
export function formatSummary(summary: HostileSummary): string {
  const lines = [
    `hostile input, seed ${summary.seed}: ${summary.inputs} inputs in ${(summary.ms / 1000).toFixed(1)} s`,
    `  5xx answers                 ${summary.serverErrors}`,
    `  INTERNAL_SERVER_ERROR below 500 ${summary.internalErrors}`,
    `  dropped connections         ${summary.dropped}`,
    `  errors without a code       ${summary.missingCode}`,
    `  stack traces                ${summary.stackTraces}`,
    `  someone else's data         ${summary.leaks}`,
    `  log lines with personal data ${summary.logLinesWithPersonalData}`,
    `  gateway answers afterwards  ${summary.answersAfterwards ? 'yes' : 'NO'}`,
    `  by kind    ${Object.entries(summary.byKind)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  by status  ${Object.entries(summary.byStatus)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  ];
  for (const e of summary.examples) lines.push(`  ${e.finding} #${e.index} ${e.kind} → ${e.target} ${e.status ?? ''}: ${e.excerpt.replace(/\s+/g, ' ').slice(0, 300)}`);
  return lines.join('\n');
}

/** True when nothing that must never happen did. */
export function isClean(summary: HostileSummary): boolean {
  return (
    summary.serverErrors + summary.internalErrors + summary.dropped + summary.missingCode + summary.stackTraces + summary.leaks + summary.logLinesWithPersonalData === 0 &&
    summary.answersAfterwards
  );
}
