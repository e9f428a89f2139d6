import type { WorkloadResults } from '../runner/results.js';
import type { Row } from './summarise.js';

const ms = (v: number | null) => (v === null ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const rate = (v: number) => v.toFixed(0);

/** The results table of one workload in Markdown (also what is printed to stdout). */
export function markdownTable(results: WorkloadResults, rows: Row[]): string {
  const c = results.settings.concurrency;
  const header = [
    'contender',
    'req/s (median)',
    'spread (min–max)',
    '× stock Apollo',
    `p50 / p99 ms at ${c}`,
    'p50 / p99 ms at 1',
    'gateway CPU ms/req',
    'subgraph CPU ms/req',
    'peak RSS MiB',
    'errors',
    'answers before / after',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    if (r.excluded) {
      lines.push(`| ${r.label} | – | – | – | – | – | – | – | – | – | excluded: ${escapeCell(r.excluded)} |`);
      continue;
    }
    const answers = `${r.wrongBefore ? `${r.wrongBefore} wrong` : 'ok'} / ${r.wrongAfter === null ? '–' : r.wrongAfter ? `${r.wrongAfter} wrong` : 'ok'}`;
    lines.push(
      `| ${r.label} | ${rate(r.medianPerSecond)} | ${rate(r.minPerSecond)}–${rate(r.maxPerSecond)} | ${r.ratioToApollo === null ? '–' : `${r.ratioToApollo.toFixed(2)}×`} | ` +
        `${ms(r.p50Ms)} / ${ms(r.p99Ms)} | ${ms(r.singleP50Ms)} / ${ms(r.singleP99Ms)} | ${r.cpuMsPerRequest.toFixed(2)}${r.kind === 'replay' ? ' (load process)' : ''} | ` +
        `${r.subgraphCpuMsPerRequest.toFixed(2)} | ${r.peakRssMiB === null ? '–' : r.peakRssMiB.toFixed(0)} | ${r.errors}${r.droppedConnections ? ` (+${r.droppedConnections} dropped conns)` : ''} | ${answers} |`,
    );
  }
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 200);
}

/** Load-process CPU per contender, so a reader can see the generator was not the bottleneck. */
export function loadProcessLine(rows: Row[]): string {
  const measured = rows.filter((r) => !r.excluded);
  if (!measured.length) return '';
  return `Load process CPU (highest run, share of one core): ${measured.map((r) => `${r.label} ${r.loadCpuPercent.toFixed(0)} %`).join(', ')}.`;
}
