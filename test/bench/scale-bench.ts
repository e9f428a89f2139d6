import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { DEPARTMENTS } from '@govgraph/kit';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { seedFullYear, type FullYearSummary } from '@govgraph/applications/full-year';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { measure, type LatencySummary } from './latency.js';
import { writeScaleSection } from './scale/scale-report.js';
import { btreeDepth, formatBytes, schemaSizes } from './scale/sizes.js';
import { option } from './command-line-option.js';

/**
 * `npm run bench:scale [-- --requests 200 --scale 1 --no-write]` (issue 24): the case system at
 * 1× (the demo seed: 20,000 simulated cases a year) and at the full year (the demo plus 2017 at
 * the hall report's volumes, 8.5 million cases, `seedFullYear`), on PostgreSQL, through the real
 * gateway (response cache off, signed in, one request at a time): seed time, the applications
 * schema's size, p50/p99 of hallStatistics, the officer queue, MyHome and StartForm; then what 10×
 * the year would take, projected from the growth between the two (not seeded). Prints Markdown and
 * writes it into docs/scale.md unless --no-write. The graph's scratch schemas are dropped at the end.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
process.setMaxListeners(64);

const requests = Number(option('requests', '200'));
const warmup = Number(option('warmup', '20'));
const scale = Number(option('scale', '1'));
const YEAR = 2017;

if (!(await postgresAvailable())) {
  console.error('bench:scale needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)');
  process.exit(1);
}

type Call = (i: number) => Promise<void>;

/** The applications schema's URL: the graph's scratch schema on the bench's server. */
async function applicationsUrl(graph: GraphHarness): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(graph.databases.applications!.db);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
  return url.toString();
}

/** The department with the most cases, and whether a demo officer works there. */
async function busiestDepartment(db: Kysely<any>): Promise<{ code: string; cases: number }> {
  const row = await db
    .selectFrom('case_status_count')
    .select(['department_code', sql<number>`sum(cases)`.as('cases')])
    .groupBy('department_code')
    .orderBy('cases', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { code: row.department_code, cases: Number(row.cases) };
}

const OFFICERS: Record<string, string> = {
  [DEPARTMENTS.trafficPolice.code]: 'officer.police',
  [DEPARTMENTS.marketRegulation.code]: 'officer.market',
  [DEPARTMENTS.dataAdministration.code]: 'officer.hall',
};

async function workloads(graph: GraphHarness): Promise<{ calls: Record<string, Call>; notes: string[] }> {
  const ok = (result: { errors?: unknown }) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  const [citizen, police] = [await graph.login('zhangsan'), await graph.login('officer.police')];
  const busiest = await busiestDepartment(graph.databases.applications!.db);
  const busiestOfficer = OFFICERS[busiest.code];
  const completedOfficer = busiestOfficer ? await graph.login(busiestOfficer) : police;
  const notes = [
    busiestOfficer
      ? `The department with the most cases is ${busiest.code} (${busiest.cases.toLocaleString('en')} cases); its demo officer is ${busiestOfficer}.`
      : `The department with the most cases (${busiest.code}, ${busiest.cases.toLocaleString('en')}) has no demo officer: the COMPLETED queue is officer.police's.`,
  ];
  return {
    notes,
    calls: {
      [`HallStatistics(year: ${YEAR})`]: async () => ok(await graph.operation('hall-statistics.graphql', { year: YEAR })),
      'OfficerQueue (officer.police, open cases)': async () => ok(await graph.operation('officer-queue.graphql', {}, police)),
      [`OfficerQueue COMPLETED (${busiestOfficer ?? 'officer.police'})`]: async () => ok(await graph.operation('officer-queue.graphql', { status: 'COMPLETED' }, completedOfficer)),
      'MyHome (zhangsan)': async () => ok(await graph.operation('my-home.graphql', {}, citizen)),
      'StartForm (zhangsan, JJ-0101)': async () => ok(await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, citizen)),
    },
  };
}

async function latencies(graph: GraphHarness): Promise<{ results: Record<string, LatencySummary>; notes: string[] }> {
  const { calls, notes } = await workloads(graph);
  const results: Record<string, LatencySummary> = {};
  for (const [name, call] of Object.entries(calls)) {
    results[name] = await measure(call, requests, warmup);
    console.error(`  ${name}: p50 ${results[name]!.p50.toFixed(1)} ms, p99 ${results[name]!.p99.toFixed(1)} ms`);
  }
  return { results, notes };
}

/**
 * EXPLAIN ANALYZE of the reads behind the measured operations, at the full year: the year counters,
 * the queue's first page as the repository asks for it (application.repository.ts: queue) for the
 * busiest department and for the quietest, and its count from the status counters.
 */
async function plans(db: Kysely<any>, busiest: string): Promise<string[]> {
  const explain = async (label: string, query: string) => {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers, costs off) ${sql.raw(query)}`.execute(db);
    return [`${label}:`, '```', ...rows.map((r) => r['QUERY PLAN']), '```'];
  };
  const quietest = await db
    .selectFrom('case_status_count')
    .select('department_code')
    .where('status', '=', 'COMPLETED')
    .where('cases', '>', 0)
    .orderBy('cases')
    .limit(1)
    .executeTakeFirstOrThrow();
  const page = (department: string) => `select * from application where department_code = '${department}' and status in ('COMPLETED') order by deadline asc, id asc limit 21`;
  return [
    ...(await explain('hallStatistics: the year counters', `select department_code, channel, event, cases, instant, on_time from case_tally_year where year = ${YEAR}`)),
    ...(await explain(`OfficerQueue COMPLETED, first page, the busiest department (${busiest})`, page(busiest))),
    ...(await explain(`OfficerQueue COMPLETED, first page, the quietest department (${quietest.department_code})`, page(quietest.department_code))),
    ...(await explain('OfficerQueue COMPLETED: totalCount', `select sum(cases) from case_status_count where department_code = '${busiest}' and status in ('COMPLETED')`)),
  ];
}

/** At most how many day counter rows a year can have: its days × matters × channels × events seen. */
async function dayRowBound(db: Kysely<any>): Promise<{ bound: number; days: number; matters: number; events: number }> {
  const row = await db
    .selectFrom('case_tally_day')
    .select([sql<number>`count(distinct day)`.as('days'), sql<number>`count(distinct matter_code)`.as('matters'), sql<number>`count(distinct event)`.as('events')])
    .where('day', 'like', `${YEAR}-%`)
    .executeTakeFirstOrThrow();
  const [days, matters, events] = [Number(row.days), Number(row.matters), Number(row.events)];
  return { bound: days * matters * 2 * events, days, matters, events };
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const argv = process.argv.slice(2).filter((a) => a !== '--no-write');
const command = `npm run bench:scale${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
const loadAtStart = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');

const started = performance.now();
const graph = await startGraph({ postgresUrl: POSTGRES_URL, gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off' } });
const startSeconds = (performance.now() - started) / 1000;
const lines: string[] = [];
const print = (line = '') => {
  console.log(line);
  lines.push(line);
};
try {
  const db = graph.databases.applications!.db as Kysely<any>;
  console.error(`1×: graph started (demo seed) in ${startSeconds.toFixed(1)} s; measuring…`);
  const small = await schemaSizes(db);
  const smallLatency = await latencies(graph);

  console.error(`full year: seeding ${YEAR} at scale ${scale}…`);
  const full: FullYearSummary = await seedFullYear({ databaseUrl: await applicationsUrl(graph), dataDir: graph.dataDir, year: YEAR, scale });
  const loadAfterSeed = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const large = await schemaSizes(db);
  const largeLatency = await latencies(graph);
  const busiest = await busiestDepartment(db);
  const explained = await plans(db, busiest.code);
  const dayBound = await dayRowBound(db);

  print(
    `\`${command}\` · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine} · PostgreSQL at ${new URL(POSTGRES_URL).host} (shared_buffers as the server has it).`,
  );
  print(`Load average (1/5/15 min) at the start ${loadAtStart}, after the seed ${loadAfterSeed}.`);
  print();
  print('#### Seeding');
  print();
  print(`| | cases | history entries | time |`);
  print(`|---|---:|---:|---:|`);
  print(`| 1× (demo seed, whole graph started) | ${small.cases.toLocaleString('en')} | ${small.events.toLocaleString('en')} | ${startSeconds.toFixed(1)} s |`);
  print(
    `| full year (+ ${YEAR}: ${full.cases.toLocaleString('en')} cases, replacing ${full.replaced.toLocaleString('en')}) | ${large.cases.toLocaleString('en')} | ${large.events.toLocaleString('en')} | ${full.seconds.toFixed(0)} s (${Object.entries(
      full.steps,
    )
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')}) |`,
  );
  print();
  print('#### Latency through the gateway (ms, p50 / p99)');
  print();
  print(
    `${requests} requests each after ${warmup} warm-up, one at a time, signed in, response cache off. At 1×: ${smallLatency.notes.join(' ')} At the full year: ${largeLatency.notes.join(' ')}`,
  );
  print();
  print('| operation | 1× | full year | target |');
  print('|---|---:|---:|---|');
  for (const name of Object.keys(smallLatency.results)) {
    const [a, b] = [smallLatency.results[name]!, largeLatency.results[name]!];
    const target = /HallStatistics|OfficerQueue/.test(name)
      ? `p50 ≤ 20 ms: ${b.p50 <= 20 ? 'met' : '**missed**'}`
      : /StartForm/.test(name)
        ? `unchanged (${(b.p50 - a.p50).toFixed(1)} ms)`
        : '';
    print(`| ${name} | ${a.p50.toFixed(1)} / ${a.p99.toFixed(1)} | ${b.p50.toFixed(1)} / ${b.p99.toFixed(1)} | ${target} |`);
  }
  print();
  print('#### Size of the applications schema, and 10× the year projected');
  print();
  print(
    '10× is projected, not seeded: each relation grows by its measured bytes per added case (full year − 1×) times ten years of cases; B-tree depth from size and entries per page (sizes.ts: btreeDepth).',
  );
  print();
  const addedCases = large.cases - small.cases;
  const tenfold = small.cases + 10 * addedCases;
  print(`| relation | 1× | full year | 10× the year (projected) | B-tree depth full / 10× |`);
  print(`|---|---:|---:|---:|---:|`);
  const names = [...new Set(large.relations.map((r) => r.name))].filter((n) => (large.relations.find((r) => r.name === n)?.bytes ?? 0) > 1 << 20);
  for (const name of names) {
    const [a, b] = [small.relations.find((r) => r.name === name), large.relations.find((r) => r.name === name)!];
    const perCase = (b.bytes - (a?.bytes ?? 0)) / addedCases;
    const projectedBytes = Math.max(0, (a?.bytes ?? 0) + perCase * 10 * addedCases);
    const projectedRows = Math.max(0, (a?.rows ?? 0) + ((b.rows - (a?.rows ?? 0)) / addedCases) * 10 * addedCases);
    const depth = b.kind === 'index' ? `${btreeDepth(b.bytes, b.rows).depth} / ${btreeDepth(projectedBytes, projectedRows).depth}` : '';
    print(`| ${b.kind === 'index' ? `${name} (index)` : name} | ${formatBytes(a?.bytes ?? 0)} | ${formatBytes(b.bytes)} | ${formatBytes(projectedBytes)} | ${depth} |`);
  }
  const projectedTotal = small.totalBytes + ((large.totalBytes - small.totalBytes) / addedCases) * 10 * addedCases;
  print(`| **all tables, indexes and TOAST** | ${formatBytes(small.totalBytes)} | ${formatBytes(large.totalBytes)} | ${formatBytes(projectedTotal)} | |`);
  print(`| cases | ${small.cases.toLocaleString('en')} | ${large.cases.toLocaleString('en')} | ${Math.round(tenfold).toLocaleString('en')} | |`);
  print();
  print('Counter rows (what hallStatistics and the list counts read):');
  print();
  print('| counter table | 1× | full year | 10× the year |');
  print('|---|---:|---:|---|');
  for (const [table, rows] of Object.entries(large.counterRows)) {
    const bound =
      table === 'case_tally_day'
        ? `the year’s keys only get denser, not longer: at most ${dayBound.bound.toLocaleString('en')} for ${YEAR} (${dayBound.days} days × ${dayBound.matters.toLocaleString('en')} matters seen × 2 channels × ${dayBound.events} events)`
        : table === 'case_tally_year'
          ? 'one row per year × department × channel × event'
          : table === 'case_status_count'
            ? 'departments × statuses: unchanged'
            : 'one per applicant: the population, not the cases';
    print(`| ${table} | ${small.counterRows[table]!.toLocaleString('en')} | ${rows.toLocaleString('en')} | ${bound} |`);
  }
  print();
  print('<details><summary>Plans at the full year (EXPLAIN ANALYZE, BUFFERS)</summary>');
  print();
  for (const line of explained) print(line);
  print();
  print('</details>');
} finally {
  await graph.close();
}
if (!process.argv.includes('--no-write')) writeScaleSection(lines.join('\n'));
