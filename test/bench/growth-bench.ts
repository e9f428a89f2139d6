import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { encodeCursor, DEPARTMENTS } from '@govgraph/kit';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { startGraph, type GraphHarness } from '../src/harness.js';
import type { LatencySummary } from './latency.js';
import { writeGrowthSection } from './growth-report.js';
import { option } from './command-line-option.js';

/**
 * `npm run bench:growth [-- --requests 200 --dialects sqlite,postgres --no-write]`: how the
 * latency of SearchCatalog, MatterGuide and OfficerQueue grows with the catalog (1× and 100×
 * the hall) and with the case history (1 and 10 simulated years, APPLICATIONS_SEED_YEARS).
 * All four graphs of a dialect run at once in this process and every workload is sent to them
 * in interleaved rounds (A B C D A B C D …), one request at a time, signed in, through the real
 * gateway with its response cache off (the database is what is measured). Prints Markdown and
 * writes it into the growth section of docs/benchmarks.md unless --no-write.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
// Four graphs in one process each listen for SIGINT/SIGTERM.
process.setMaxListeners(64);

const requests = Number(option('requests', '200'));
const warmup = Number(option('warmup', '20'));
const wanted = option('dialects', 'sqlite').split(',') as Array<'sqlite' | 'postgres'>;
const dialects = wanted.includes('postgres') && !(await postgresAvailable()) ? wanted.filter((d) => d !== 'postgres') : wanted;

interface Setup {
  label: string;
  catalogScale: number;
  caseYears: number;
}
const SETUPS: Setup[] = [
  { label: 'catalog 1×, 1 year', catalogScale: 1, caseYears: 1 },
  { label: 'catalog 1×, 10 years', catalogScale: 1, caseYears: 10 },
  { label: 'catalog 100×, 1 year', catalogScale: 100, caseYears: 1 },
  { label: 'catalog 100×, 10 years', catalogScale: 100, caseYears: 10 },
];

/** A graph with the catalog at `catalogScale` and `caseYears` of cases (the seed reads the variable). */
async function startSetup(setup: Setup, dialect: 'sqlite' | 'postgres'): Promise<{ graph: GraphHarness; seconds: number }> {
  const previous = process.env.APPLICATIONS_SEED_YEARS;
  process.env.APPLICATIONS_SEED_YEARS = String(setup.caseYears);
  const started = performance.now();
  try {
    const graph = await startGraph({
      catalogScale: setup.catalogScale,
      gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off' },
      ...(dialect === 'postgres' ? { postgresUrl: POSTGRES_URL } : {}),
    });
    return { graph, seconds: (performance.now() - started) / 1000 };
  } finally {
    if (previous === undefined) delete process.env.APPLICATIONS_SEED_YEARS;
    else process.env.APPLICATIONS_SEED_YEARS = previous;
  }
}

type Call = (i: number) => Promise<void>;

function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const total = sorted.reduce((a, b) => a + b, 0);
  return { requests: sorted.length, p50: at(50), p99: at(99), mean: total / sorted.length, perSecond: (sorted.length / total) * 1000 };
}

/** The workloads against one graph; each throws on a GraphQL error. */
async function workloads(graph: GraphHarness): Promise<Record<string, Call>> {
  const [citizen, officer] = [await graph.login('zhangsan'), await graph.login('officer.police')];
  const ok = (result: { errors?: unknown }) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  const codes: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 3; i++) {
    const page: any = await graph.operation('search-catalog.graphql', { first: 100, after }, citizen);
    codes.push(...page.data.matters.edges.map((e: any) => e.node.code));
    after = page.data.matters.pageInfo.endCursor;
  }
  // A late page of the traffic police's completed cases (90 % through): deeper with more years.
  const applications = graph.databases.applications!.db as any;
  const completed = applications.selectFrom('application').where('department_code', '=', DEPARTMENTS.trafficPolice.code).where('status', '=', 'COMPLETED');
  const { n } = await completed.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const late = await completed
    .select(['deadline', 'id'])
    .orderBy('deadline')
    .orderBy('id')
    .offset(Math.floor(Number(n) * 0.9))
    .limit(1)
    .executeTakeFirstOrThrow();
  const lateCursor = encodeCursor('queue', `${late.deadline}|${late.id}`);

  return {
    'SearchCatalog, first page (20)': async () => ok(await graph.operation('search-catalog.graphql', {}, citizen)),
    'SearchCatalog, text 驾驶证 (3 chars)': async () => ok(await graph.operation('search-catalog.graphql', { filter: { text: '驾驶证' } }, citizen)),
    'SearchCatalog, text 驾驶 (2 chars)': async () => ok(await graph.operation('search-catalog.graphql', { filter: { text: '驾驶' } }, citizen)),
    'MatterGuide, varying matters': async (i) => ok(await graph.operation('matter-guide.graphql', { code: codes[i % codes.length] }, citizen)),
    'OfficerQueue, open cases, first page': async () => ok(await graph.operation('officer-queue.graphql', {}, officer)),
    'OfficerQueue, completed, first page': async () => ok(await graph.operation('officer-queue.graphql', { status: 'COMPLETED' }, officer)),
    'OfficerQueue, completed, late page by cursor': async () => ok(await graph.operation('officer-queue.graphql', { status: 'COMPLETED', after: lateCursor }, officer)),
  };
}

/** Warm-up, then rounds of one request to each graph in turn: every graph sees the same noise. */
async function interleaved(calls: Call[]): Promise<LatencySummary[]> {
  for (let i = 0; i < warmup; i++) for (const call of calls) await call(i);
  const samples: number[][] = calls.map(() => []);
  for (let i = 0; i < requests; i++) {
    for (const [g, call] of calls.entries()) {
      const t = performance.now();
      await call(i);
      samples[g]!.push(performance.now() - t);
    }
  }
  return samples.map(summarize);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const argv = process.argv.slice(2).filter((a) => a !== '--no-write');
const command = `npm run bench:growth${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
/** Each dialect's Markdown, written into its own block of the growth section. */
const written: Array<[string, string]> = [];

for (const dialect of dialects) {
  const lines: string[] = [];
  const print = (line = '') => {
    console.log(line);
    lines.push(line);
  };
  const graphs: GraphHarness[] = [];
  try {
    const seeded: string[] = [];
    for (const setup of SETUPS) {
      const { graph, seconds } = await startSetup(setup, dialect);
      graphs.push(graph);
      const stats: any = await graph.query('{ catalogStatistics { matterCount districtImplementationCount } }');
      const matters = stats.data.catalogStatistics.matterCount + stats.data.catalogStatistics.districtImplementationCount;
      const cases = await (graph.databases.applications!.db as any)
        .selectFrom('application')
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      seeded.push(`${setup.label}: ${matters.toLocaleString('en')} matters, ${Number(cases.n).toLocaleString('en')} cases, started in ${seconds.toFixed(1)} s`);
      console.error(`[${dialect}] ${seeded.at(-1)}`);
    }
    const perGraph = await Promise.all(graphs.map(workloads));
    print(`#### ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
    print();
    print(
      `\`${command}\` · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine}. ` +
        `p50 / p99 in ms through the gateway, signed in, response cache off, ${requests} requests per cell after ${warmup} warm-up, the four graphs interleaved request by request.`,
    );
    print();
    for (const line of seeded) print(`- ${line}`);
    print();
    print(`| workload | ${SETUPS.map((s) => s.label).join(' | ')} |`);
    print(`|---|${SETUPS.map(() => '---:').join('|')}|`);
    for (const name of Object.keys(perGraph[0]!)) {
      const summaries = await interleaved(perGraph.map((w) => w[name]!));
      print(`| ${name} | ${summaries.map((s) => `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}`).join(' | ')} |`);
    }
    print();
    written.push([`latency-${dialect}`, lines.join('\n')]);
  } finally {
    for (const graph of graphs) await graph.close();
  }
}

if (!process.argv.includes('--no-write')) for (const [part, markdown] of written) writeGrowthSection(part, markdown);
