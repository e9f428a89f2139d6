import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadGenerator, startLoadGenerator } from '../load/load-generator.js';
import { treeCpuSeconds } from '../load/proc.js';
import { govgraph } from './contenders/govgraph.js';
import { breakdownOf, breakdownTable, comparisonTable, REACHED, type ProfileWindow } from './profile/breakdown.js';
import { flameGraphSvg } from './profile/flame-svg.js';
import { replaceSection } from './report/write-report.js';
import { startPortalMixWorkload } from './workloads/portal-mix.js';
import type { Workload } from './workloads/workload.js';

/**
 * `npm run bench:profile`: where govgraph's department subgraphs spend their CPU under the portal
 * mix. Each subgraph runs with `node --cpu-prof`; govgraph's gateway sends the mix at concurrency
 * 16; only the samples taken during the measured run count. Prints a breakdown (ms of CPU per
 * portal request, per bucket and department) and writes it to docs/benchmarks.md with one flame
 * graph per department (docs/img/profile-<department>.svg), unless --no-write. With
 * BENCH_BASELINE_DIR (another checkout), that checkout's subgraphs are profiled in the same run on
 * the same data, and the two are compared bucket by bucket.
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'silent';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const USAGE = 'npm run bench:profile -- [--seconds 20] [--concurrency 16] [--warmup 5] [--no-write] [--keep]';

interface ProfileOptions {
  seconds: number;
  concurrency: number;
  warmupSeconds: number;
  write: boolean;
  /** Keep the .cpuprofile files (for Chrome DevTools or speedscope) and print where they are. */
  keep: boolean;
}

function parse(argv: string[]): ProfileOptions {
  const options: ProfileOptions = { seconds: 20, concurrency: 16, warmupSeconds: 5, write: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = Number(argv[i + 1]);
    if (flag === '--no-write') options.write = false;
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--seconds' && value > 0) (options.seconds = value), i++;
    else if (flag === '--concurrency' && value >= 1) (options.concurrency = value), i++;
    else if (flag === '--warmup' && value >= 0) (options.warmupSeconds = value), i++;
    else throw new Error(`unknown or bad option ${flag}\n${USAGE}`);
  }
  return options;
}

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const baselineDir = process.env.BENCH_BASELINE_DIR;
  const profileDir = mkdtempSync(join(tmpdir(), 'govgraph-profile-'));
  console.log(`[profile] starting the portal mix with profiled subgraphs${baselineDir ? `, and ${baselineDir}'s beside them` : ''}…`);
  const workload = await startPortalMixWorkload({ subgraphNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], ...(baselineDir ? { baselineDir } : {}) });
  const sets: ProfiledSet[] = [{ label: 'this checkout', env: workload.govgraphEnv, pids: workload.subgraphPidsByName!() }];
  if (workload.baselineSubgraphs) sets.unshift({ label: 'baseline', env: workload.baselineSubgraphs.govgraphEnv, pids: workload.baselineSubgraphs.subgraphPidsByName() });
  const load = await startLoadGenerator();
  try {
    // One set at a time, each with this checkout's gateway: a set's processes get traffic only in their window.
    for (const set of sets) set.window = await measure(set, workload, load, options);
  } finally {
    await load.close();
    await workload.close(); // SIGTERM: each subgraph writes its profile as it exits
  }
  const [after, before] = [sets.at(-1)!, sets.length > 1 ? sets[0]! : null];
  const afterRows = breakdownOf(profileDir, after.pids, after.window!);
  const beforeRows = before ? breakdownOf(profileDir, before.pids, before.window!) : null;
  if (options.keep) console.log(`[profile] profiles kept in ${profileDir}`);
  else rmSync(profileDir, { recursive: true, force: true });

  const command = `${baselineDir ? 'BENCH_BASELINE_DIR=<checkout> ' : ''}npm run bench:profile -- --seconds ${options.seconds} --concurrency ${options.concurrency}`;
  const section = [
    `\`${command}\` — ${new Date().toISOString()}; load average ${loadavg()[0]!.toFixed(1)}. Each set of subgraphs under \`node --cpu-prof\`, sent the portal mix by this checkout's gateway at concurrency ${options.concurrency} for ${options.seconds} s (${sets.map((s) => `${s.label}: ${s.window!.requests} requests`).join('; ')}). ms of one core per portal request: each bucket's share of a department's main-thread samples times the department's CPU per request from /proc. The profiler's sampling adds to that CPU: read shares and ratios here, and CPU per request from \`npm run bench\`.`,
    '',
    ...(beforeRows
      ? ['**All departments, the baseline checkout against this one, same run:**', '', comparisonTable(beforeRows, afterRows), '', '**This checkout, per department:**', '']
      : []),
    breakdownTable(afterRows),
    ...(beforeRows ? ['', '**The baseline checkout, per department:**', '', breakdownTable(beforeRows)] : []),
    '',
    `Flame graphs (this checkout): ${afterRows
      .filter((r) => r.samples >= REACHED)
      .map((r) => `[${r.name}](img/profile-${r.name}.svg)`)
      .join(', ')}.`,
  ].join('\n');
  console.log(`\n${section}`);
  if (options.write) {
    for (const row of afterRows.filter((r) => r.samples >= REACHED)) {
      writeFileSync(join(DOCS, 'img', `profile-${row.name}.svg`), flameGraphSvg(`${row.name} subgraph, portal mix through govgraph's gateway: CPU samples by stack`, row.stacks));
    }
    const path = join(DOCS, 'benchmarks.md');
    writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), 'profile', section));
    console.log('[profile] wrote docs/benchmarks.md (profile section) and docs/img/profile-*.svg');
  }
}

/** A set of subgraphs to profile: the gateway's environment routed to them, and their pids by department. */
interface ProfiledSet {
  label: string;
  env: Record<string, string>;
  pids: Record<string, number>;
  window?: ProfileWindow;
}

/** Starts this checkout's gateway on the set, warms up, and sends the mix for the measured window. */
async function measure(set: ProfiledSet, workload: Workload, load: LoadGenerator, options: ProfileOptions): Promise<ProfileWindow> {
  const gateway = await govgraph.start({ ...workload, govgraphEnv: set.env });
  try {
    const target = {
      kind: 'http' as const,
      requests: workload.requests.map((r) => ({ url: gateway.graphqlUrl, body: JSON.stringify(r.body), headers: { 'content-type': 'application/json', ...r.headers } })),
    };
    console.log(`[profile] ${set.label}: warming up for ${options.warmupSeconds} s, then measuring for ${options.seconds} s at concurrency ${options.concurrency}`);
    await load.run({ target, mode: { kind: 'closed', concurrency: options.concurrency, seconds: options.warmupSeconds } });
    const cpuNow = () => Object.fromEntries(Object.entries(set.pids).map(([name, pid]) => [name, treeCpuSeconds(pid)]));
    const cpuBefore = cpuNow();
    const from = nowMicros();
    const result = await load.run({ target, mode: { kind: 'closed', concurrency: options.concurrency, seconds: options.seconds } });
    const to = nowMicros();
    const cpuAfter = cpuNow();
    const failed = result.requests - (result.statuses['200'] ?? 0) + result.graphqlErrors;
    if (failed > 0) throw new Error(`${set.label}: ${failed} of ${result.requests} requests failed during the profile`);
    console.log(`[profile] ${set.label}: ${result.requests} requests, ${result.perSecond.toFixed(0)} req/s`);
    return { from, to, requests: result.requests, cpuSeconds: Object.fromEntries(Object.keys(set.pids).map((name) => [name, cpuAfter[name]! - cpuBefore[name]!])) };
  } finally {
    await gateway.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
