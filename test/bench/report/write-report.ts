import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkloadResults } from '../runner/results.js';
import { barChartSvg } from './chart.js';
import { summarise, targetLines } from './summarise.js';
import { loadProcessLine, markdownTable } from './table.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const RESULTS_DIR = join(REPO, 'test/bench/results');
const DOC = join(REPO, 'docs/benchmarks.md');
const CHART = join(REPO, 'docs/img/benchmarks.svg');
const WORKLOAD_ORDER = ['portal-mix', 'deep-query'];
const TITLES: Record<string, string> = {
  'portal-mix': 'Portal mix (govgraph subgraphs, signed in)',
  'deep-query': 'Deep query (accounts / inventory / products / reviews)',
};

export function resultsFile(workload: string): string {
  return join(RESULTS_DIR, `${workload}.json`);
}

/** The last run of each workload, from test/bench/results/. */
export function readAllResults(): WorkloadResults[] {
  return WORKLOAD_ORDER.filter((w) => existsSync(resultsFile(w))).map((w) => JSON.parse(readFileSync(resultsFile(w), 'utf8')) as WorkloadResults);
}

/** 'MyHome (zhangsan)', 'MyHome (lisi)', … → 'MyHome ×2, …' in order of first appearance. */
function mixSummary(requests: string[]): string {
  const counts = new Map<string, number>();
  for (const name of requests) {
    const operation = name.replace(/\s*\(.*\)$/, '');
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
  }
  return [...counts].map(([operation, n]) => (n > 1 ? `${operation} ×${n}` : operation)).join(', ');
}

/** What is printed to stdout after a workload's run. */
export function workloadReport(results: WorkloadResults): string {
  const rows = summarise(results);
  const lines = [
    `### ${TITLES[results.workload] ?? results.workload}`,
    '',
    `\`${results.command}\` — ${results.date}; ${results.settings.rounds} round(s) × ${results.settings.seconds} s at concurrency ${results.settings.concurrency}` +
      (results.settings.singleSeconds > 0 ? `, ${results.settings.singleSeconds} s at concurrency 1` : '') +
      `, after ${results.settings.warmupSeconds} s warm-up each; mix (round-robin): ${mixSummary(results.requests)}.` +
      (results.machine.loadAverage
        ? ` Load average of the ${results.machine.cores}-core machine: ${results.machine.loadAverage.start.toFixed(1)} at the start, ${results.machine.loadAverage.end.toFixed(1)} at the end.`
        : ''),
    '',
    markdownTable(results, rows),
    '',
    ...targetLines(results, rows).map((l) => `- ${l}`),
    '',
    loadProcessLine(rows),
  ];
  for (const c of results.contenders) {
    const samples = [...new Set(c.runs.flatMap((m) => m.errorSamples ?? []))];
    if (samples.length) lines.push('', `Errors from ${c.label}, e.g.: \`${samples[0]!.replace(/\s+/g, ' ').replace(/`/g, "'").slice(0, 240)}\``);
  }
  if (results.unavailable.length) lines.push('', `Not measured: ${results.unavailable.map((u) => `${u.label} (${u.reason})`).join('; ')}.`);
  return lines.join('\n');
}

function machineLine(all: WorkloadResults[]): string {
  const machines = [...new Set(all.map(({ machine: { loadAverage, ...fixed } }) => JSON.stringify(fixed)))].map((m) => JSON.parse(m) as WorkloadResults['machine']);
  return machines.map((m) => `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}`).join('; ');
}

/** Indented JSON, each histogram on one line: readable diffs without a line per bucket. */
export function resultsJson(results: WorkloadResults): string {
  const inline: string[] = [];
  const text = JSON.stringify(results, (key, value) => (key === 'histogram' ? `@@histogram:${inline.push(JSON.stringify(value)) - 1}@@` : value), 1);
  return text.replace(/"@@histogram:(\d+)@@"/g, (_, index: string) => inline[Number(index)]!);
}

/** Replaces what sits between `<!-- name:start -->` and `<!-- name:end -->` in a file. */
export function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content.trim()}\n${text.slice(to)}`;
}

/** Writes the raw JSON of this run and regenerates the doc's results section and the chart from every workload's last run. */
export function writeReport(results: WorkloadResults): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resultsFile(results.workload), `${resultsJson(results)}\n`);
  const all = readAllResults();
  mkdirSync(join(REPO, 'docs/img'), { recursive: true });
  writeFileSync(CHART, barChartSvg(all.map((r) => ({ title: TITLES[r.workload] ?? r.workload, rows: summarise(r) }))));
  const section = [
    '![Requests per second per gateway and workload](img/benchmarks.svg)',
    '',
    `Machine: ${machineLine(all)}. The machine is shared and noisy: read the ratios within one run, not the absolute numbers; the spread column shows how much rounds differed.`,
    '',
    ...all.map((r) => workloadReport(r)),
    '',
    `Raw results (every run's histogram and counters): \`test/bench/results/*.json\`.`,
  ].join('\n');
  writeFileSync(DOC, replaceSection(readFileSync(DOC, 'utf8'), 'bench:results', section));
}
