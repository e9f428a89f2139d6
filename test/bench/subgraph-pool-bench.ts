import 'reflect-metadata';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphPool } from '../../gateway/src/resilience/subgraph-pool.js';
import { startGraph } from '../src/harness.js';

/**
 * `npm run bench:subgraph-pool -w @govgraph/test`: what the gateway's per-subgraph connection
 * pool buys. Part 1 sends the same small POST to a subgraph-like server three ways — the pool
 * (kept alive, bounded), a new connection per fetch, and the global fetch (undici's shared,
 * unbounded pool, what the gateway used before) — one at a time and 64 at once, counting the
 * TCP connections the server accepted. Part 2 runs MyHome through the whole graph, 16 at once,
 * and reads the gateway's own counters: fetches sent vs connections opened per subgraph.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const BODY = JSON.stringify({
  query: 'query Q__licences__1($representations:[_Any!]!){_entities(representations:$representations){...on Applicant{licences{id}}}}',
  variables: { representations: [{ __typename: 'Applicant', id: 'P-000001' }] },
});
const ANSWER = JSON.stringify({ data: { _entities: [{ licences: [{ id: 'L-1' }, { id: 'L-2' }] }] } });

interface Row {
  label: string;
  requests: number;
  p50: number;
  p99: number;
  perSecond: number;
  connections: number;
}

async function startSubgraphLike(): Promise<{ url: string; connections(): number; server: Server }> {
  let connections = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  server.keepAliveTimeout = 65_000; // as kit's createSubgraph
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, connections: () => connections, server };
}

/** One fetch on a connection of its own, closed after the answer (no pool at all). */
function unpooled(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY), connection: 'close' } },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

async function run(label: string, send: () => Promise<void>, requests: number, concurrency: number, connections: () => number): Promise<Row> {
  for (let i = 0; i < 200; i++) await send(); // warm up (and open the pools)
  const before = connections();
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const t = performance.now();
        await send();
        samples.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
  return { label, requests, p50: at(50), p99: at(99), perSecond: (requests / elapsed) * 1000, connections: connections() - before };
}

function print(rows: Row[]): void {
  console.log('| client                                   | in flight |  p50 ms |  p99 ms |  req/s | new connections |');
  console.log('|------------------------------------------|-----------|---------|---------|--------|-----------------|');
  for (const r of rows) {
    const [name, flight] = r.label.split('@');
    console.log(
      `| ${name!.padEnd(40)} | ${flight!.padStart(9)} | ${r.p50.toFixed(3).padStart(7)} | ${r.p99.toFixed(3).padStart(7)} | ${r.perSecond.toFixed(0).padStart(6)} | ${String(r.connections).padStart(15)} |`,
    );
  }
}

const subgraph = await startSubgraphLike();
const pool = createSubgraphPool({ maxConnections: 32, idleMs: 30_000 });
const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY };
const clients: Array<[string, () => Promise<void>]> = [
  ['pool (keep-alive, ≤ 32 connections)', async () => void (await (await pool.fetch(subgraph.url, post)).text())],
  ['new connection per fetch', () => unpooled(subgraph.url)],
  ['global fetch (undici, shared, unbounded)', async () => void (await (await fetch(subgraph.url, post)).text())],
];
const rows: Row[] = [];
for (const [concurrency, requests] of [
  [1, 3_000],
  [64, 10_000],
] as const) {
  for (const [label, send] of clients) rows.push(await run(`${label}@${concurrency}`, send, requests, concurrency, subgraph.connections));
}
console.log('\nPart 1: one subgraph-like server, a 180-byte POST and a 60-byte answer\n');
print(rows);
pool.close();
subgraph.server.closeAllConnections();
subgraph.server.close();

console.log('\nPart 2: MyHome (zhangsan) through the gateway, 16 at once, 1,000 requests\n');
const graph = await startGraph();
try {
  const token = await graph.login('zhangsan');
  const metricsText = async () => (await fetch(`${graph.gateway.url}/metrics`)).text();
  const series = (text: string, name: string) => Object.fromEntries([...text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\d+)`, 'gm'))].map((m) => [m[1]!, Number(m[2])]));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next++ < 1_000) {
        const result = await graph.operation('my-home.graphql', {}, token);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
    }),
  );
  const elapsed = performance.now() - started;
  const text = await metricsText();
  const opened = series(text, 'govgraph_subgraph_connections_opened_total');
  const fetches = series(text, 'govgraph_subgraph_fetches_total');
  console.log(`${((1_000 / elapsed) * 1000).toFixed(0)} MyHome/s`);
  console.log('connections opened per subgraph:', opened);
  console.log('fetches per subgraph and outcome:', Object.keys(fetches).length ? fetches : '(no fetch counter on this build)');
} finally {
  await graph.close();
}
