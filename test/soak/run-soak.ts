/**
 * `npm run reliability:soak -- [--minutes 10] [--fraction 0.7] [--concurrency 16] [--no-docs]`
 *
 * The portal mix against govgraph's gateway (every subgraph and the gateway a process of its own)
 * for a long, steady while: first the most it sustains (closed loop), then a fixed rate at a
 * fraction of that (open loop, latency from the intended send time) for the given minutes. Per
 * minute: requests, errors, p50/p99, and the memory of the gateway and of the subgraphs at the
 * minute's start and end. Every answer is checked against the expected JSON before and after.
 * Exits 1 on any error or wrong answer; the figures go into docs/reliability.md ("Soak").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { startLoadGenerator, type LoadRequest } from '../load/index.js';
import { govgraph } from '../bench/contenders/govgraph.js';
import { describeMachine } from '../bench/report/machine.js';
import { replaceSection } from '../bench/report/write-report.js';
import { checkAnswers } from '../bench/runner/check-answers.js';
import type { BenchRequest } from '../bench/workloads/workload.js';
import { startPortalMixWorkload } from '../bench/workloads/portal-mix.js';
import { sampleMemory, type MemorySample } from './memory-sampler.js';
import { renderSoakReport, type SoakMinute, type SoakResult } from './soak-report.js';

const args = parseArgs(process.argv.slice(2));
const workload = await startPortalMixWorkload();
const gateway = await govgraph.start(workload);
const load = await startLoadGenerator();
try {
  const requests: LoadRequest[] = workload.requests.map((request) => ({
    url: gateway.graphqlUrl,
    body: JSON.stringify(request.body),
    headers: { 'content-type': 'application/json', ...request.headers },
  }));
  await expectRightAnswers('before the soak', gateway.graphqlUrl, workload.requests);

  log(`finding the most it sustains: ${args.concurrency} clients, 5 s warm-up + ${args.probeSeconds} s`);
  await load.run({ target: { kind: 'http', requests }, mode: { kind: 'closed', concurrency: args.concurrency, seconds: 5 } });
  const probe = await load.run({ target: { kind: 'http', requests }, mode: { kind: 'closed', concurrency: args.concurrency, seconds: args.probeSeconds } });
  const rate = Math.max(1, Math.floor(probe.perSecond * args.fraction));
  log(`maximum ${probe.perSecond.toFixed(0)} req/s; soaking at ${rate} req/s (${Math.round(args.fraction * 100)} %) for ${args.minutes} min`);

  const pids = { gateway: gateway.pid, subgraphs: workload.subgraphPids() };
  const samples: MemorySample[] = [];
  const sampler = sampleMemory(pids, 5_000, (sample) => samples.push(sample));
  const soak = await load.run({
    target: { kind: 'http', requests },
    mode: { kind: 'open', rate, seconds: args.minutes * 60, maxInFlight: 2_000 },
    windowSeconds: 60,
  });
  sampler.stop();
  await expectRightAnswers('after the soak', gateway.graphqlUrl, workload.requests);

  // The last requests may finish a moment after the final minute: no row for that sliver.
  const minutes: SoakMinute[] = soak.windows
    .filter((window) => window.startSecond < args.minutes * 60)
    .map((window) => {
      const inMinute = samples.filter((s) => s.second >= window.startSecond && s.second < window.startSecond + 60);
      const first = inMinute[0];
      const last = inMinute[inMinute.length - 1];
      return {
        minute: window.startSecond / 60 + 1,
        requests: window.requests,
        errors: window.errors,
        p50: window.latency.p50Ms,
        p99: window.latency.p99Ms,
        gatewayRssMb: [mb(first?.gatewayRss), mb(last?.gatewayRss)],
        subgraphsRssMb: [mb(first?.subgraphsRss), mb(last?.subgraphsRss)],
      };
    });
  const result: SoakResult = {
    date: new Date().toISOString(),
    command: `npm run reliability:soak -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: describeMachine(),
    maxPerSecond: probe.perSecond,
    rate,
    fraction: args.fraction,
    totals: {
      requests: soak.requests,
      errors: soak.requests - (soak.statuses['200'] ?? 0) + soak.graphqlErrors,
      skipped: soak.skipped,
      dropped: soak.droppedConnections,
      p50: soak.latency.p50Ms,
      p99: soak.latency.p99Ms,
    },
    minutes,
  };
  const report = renderSoakReport(result);
  console.log(`\n${report}`);
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  if (args.writeDocs) {
    const doc = new URL('../../docs/reliability.md', import.meta.url);
    writeFileSync(doc, replaceSection(readFileSync(doc, 'utf8'), 'soak', report));
  }
  if (result.totals.errors > 0 || result.totals.skipped > 0) {
    console.error(`soak: ${result.totals.errors} errors, ${result.totals.skipped} requests not sent (server fell behind)`);
    process.exitCode = 1;
  }
} finally {
  await load.close();
  await gateway.stop();
  await workload.close();
}

async function expectRightAnswers(when: string, graphqlUrl: string, mix: BenchRequest[]) {
  const { checked, wrong } = await checkAnswers(graphqlUrl, mix);
  for (const answer of wrong) console.error(`soak: wrong answer ${when} to ${answer.request}: ${answer.difference}`);
  if (wrong.length > 0) throw new Error(`${wrong.length} of ${checked} answers wrong ${when}`);
  log(`${checked} answers right ${when}`);
}

function mb(bytes: number | undefined): number {
  return bytes === undefined ? NaN : Math.round(bytes / 2 ** 20);
}

function log(message: string) {
  console.log(`soak: ${message}`);
}

function parseArgs(argv: string[]) {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    if (at === -1) return fallback;
    const parsed = Number(argv[at + 1]);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number`);
    return parsed;
  };
  return {
    minutes: value('minutes', 10),
    fraction: value('fraction', 0.7),
    concurrency: value('concurrency', 16),
    probeSeconds: value('probe-seconds', 20),
    writeDocs: !argv.includes('--no-docs'),
  };
}
