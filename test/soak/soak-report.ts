import type { Machine } from '../bench/runner/results.js';

export interface SoakMinute {
  minute: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  /** Resident memory at the minute's first and last sample. */
  gatewayRssMb: [number, number];
  subgraphsRssMb: [number, number];
}

export interface SoakResult {
  date: string;
  command: string;
  machine: Machine;
  maxPerSecond: number;
  rate: number;
  fraction: number;
  totals: { requests: number; errors: number; skipped: number; dropped: number; p50: number; p99: number };
  minutes: SoakMinute[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** The soak as Markdown: what ran, the totals, and one row per minute. */
export function renderSoakReport(result: SoakResult): string {
  const { totals, minutes, machine } = result;
  const first = minutes[0];
  const last = minutes[minutes.length - 1];
  const drift = first && last && first.p99 > 0 ? (last.p99 / first.p99).toFixed(2) : '–';
  const growth = (pick: (m: SoakMinute) => [number, number]) => (first && last ? `${pick(first)[0]} → ${pick(last)[1]} MB` : '–');
  return [
    `Last run ${result.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}: \`${result.command}\`.`,
    '',
    `The portal mix (MyHome, SearchCatalog, MatterGuide, StartForm, ApplicationDetail, signed in) against the gateway and four subgraph processes on SQLite. The most it sustained with 16 clients: **${result.maxPerSecond.toFixed(0)} req/s**; soaked at **${result.rate} req/s** (${Math.round(result.fraction * 100)} %) for ${minutes.length} minutes, open loop (latency from the intended send time).`,
    '',
    `- requests ${totals.requests}, errors ${totals.errors} (${((totals.errors / Math.max(1, totals.requests)) * 100).toFixed(3)} %), not sent because the server fell behind ${totals.skipped}, dropped connections ${totals.dropped}`,
    `- latency p50 ${ms(totals.p50)} ms, p99 ${ms(totals.p99)} ms; p99 drift (last minute ÷ first) ${drift}`,
    `- resident memory, gateway ${growth((m) => m.gatewayRssMb)}; subgraphs together ${growth((m) => m.subgraphsRssMb)}`,
    '',
    '| minute | requests | errors | p50 ms | p99 ms | gateway RSS MB (start → end) | subgraphs RSS MB (start → end) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...minutes.map(
      (m) =>
        `| ${m.minute} | ${m.requests} | ${m.errors} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.gatewayRssMb[0]} → ${m.gatewayRssMb[1]} | ${m.subgraphsRssMb[0]} → ${m.subgraphsRssMb[1]} |`,
    ),
  ].join('\n');
}
