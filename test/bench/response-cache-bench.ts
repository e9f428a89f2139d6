import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createLogger, DEPARTMENTS, formatLicenceId, subgraphEnvPrefix } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { postGraphQL, readOperation, startGraph } from '../src/harness.js';
import { metricValue, readMetrics } from '../src/metrics.js';
import { measure, type LatencySummary } from './latency.js';

/**
 * `npm run bench:cache [-- --requests 300 --concurrency 16]`: the public contract operations
 * through a gateway with the response cache off, then on (in memory, and in Redis when one
 * answers at 127.0.0.1:6379 / TEST_REDIS_URL), on the same subgraphs. Prints p50/p99 of
 * sequential requests and the throughput of `concurrency` clients, side by side.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const requests = argument('requests', 300);
const concurrency = argument('concurrency', 16);

const ZHANGSAN_LICENCE = formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: DEPARTMENTS.trafficPolice.code, serial: '00000001', version: '1' });
const WORKLOADS: Array<[label: string, file: string, variables: Record<string, unknown>]> = [
  ['SearchCatalog (first page, 20)', 'search-catalog.graphql', {}],
  ['MatterGuide (JJ-0101)', 'matter-guide.graphql', { code: 'JJ-0101' }],
  ['VerifyLicence (zhangsan)', 'verify-licence.graphql', { id: ZHANGSAN_LICENCE }],
  ['HallStatistics (2025)', 'hall-statistics.graphql', { year: 2025 }],
];

/** `concurrency` clients, each sending its next request when the last is answered, `total` in all. */
async function throughput(call: () => Promise<void>, total: number): Promise<number> {
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        sent += 1;
        await call();
      }
    }),
  );
  return (total / (performance.now() - started)) * 1000;
}

interface Result {
  sequential: LatencySummary;
  perSecond: number;
}

let client = 0;
const graph = await startGraph();
const gateways: RunningGateway[] = [];
try {
  const subgraphUrls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [`${subgraphEnvPrefix(name)}_URL`, s.graphqlUrl]));
  const start = async (env: Record<string, string>) => {
    // Behind a "proxy" (this process), each request names another client address, as many
    // verifiers would: per-address rate limits (VerifyLicence: 60 a minute) measure nothing here.
    const config = loadGatewayConfig({ DATA_DIR: graph.dataDir, ...graph.keyEnv, NODE_ENV: 'test', GATEWAY_TRUSTED_PROXIES: '127.0.0.1', ...subgraphUrls, ...env });
    const gateway = await createGateway(config, { log: createLogger('bench', 'silent') }).listen(0, '127.0.0.1');
    gateways.push(gateway);
    return gateway;
  };
  const variants: Array<[string, RunningGateway]> = [
    ['off', await start({ GATEWAY_RESPONSE_CACHE: 'off' })],
    ['memory', await start({ GATEWAY_RESPONSE_CACHE: 'on' })],
  ];
  if (await redisAvailable()) {
    variants.push(['redis', await start({ GATEWAY_RESPONSE_CACHE: 'on', REDIS_URL, REDIS_KEY_PREFIX: `govgraph-bench:${randomBytes(4).toString('hex')}:` })]);
  }

  const results = new Map<string, Map<string, Result>>();
  for (const [label, file, variables] of WORKLOADS) {
    const body = { query: readOperation(file), variables };
    const row = new Map<string, Result>();
    for (const [variant, gateway] of variants) {
      const call = async () => {
        const n = (client += 1);
        const result = await postGraphQL(gateway.graphqlUrl, body, { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
        if (result.errors) throw new Error(`${label}: ${JSON.stringify(result.errors)}`);
      };
      const sequential = await measure(call, requests);
      const perSecond = await throughput(call, requests * 2);
      row.set(variant, { sequential, perSecond });
    }
    results.set(label, row);
  }

  const names = variants.map(([variant]) => variant);
  const ms = (value: number) => value.toFixed(2).padStart(6);
  console.log(`\nResponse cache: ${requests} sequential requests per cell (p50/p99 in ms), then ${requests * 2} by ${concurrency} concurrent clients (req/s)\n`);
  console.log(`| operation                       | ${names.map((n) => `${n.padEnd(6)} p50 |    p99 |  req/s`).join(' | ')} | speed-up p50 / req/s |`);
  console.log(`|---------------------------------|${names.map(() => '------------|--------|--------').join('|')}|----------------------|`);
  for (const [label, row] of results) {
    const off = row.get('off')!;
    const cells = names.map((n) => {
      const r = row.get(n)!;
      return `${ms(r.sequential.p50)}     | ${ms(r.sequential.p99)} | ${r.perSecond.toFixed(0).padStart(6)}`;
    });
    const best = row.get('memory')!;
    const speedUp = `${(off.sequential.p50 / best.sequential.p50).toFixed(1)}× / ${(best.perSecond / off.perSecond).toFixed(1)}×`;
    console.log(`| ${label.padEnd(31)} | ${cells.join(' | ')} | ${speedUp.padStart(20)} |`);
  }
  for (const [variant, gateway] of variants.slice(1)) {
    const metrics = await readMetrics(gateway.url);
    const [hit, miss, bypass] = ['hit', 'miss', 'bypass'].map((result) => metricValue(metrics, 'govgraph_response_cache_lookups_total', { result }));
    console.log(`\n${variant}: ${hit} hits, ${miss} misses, ${bypass} bypasses (hit ratio ${((hit! / (hit! + miss!)) * 100).toFixed(1)} %)`);
  }
  console.log('\nspeed-up: cache in memory against off (same subgraphs, same machine).');
} finally {
  for (const gateway of gateways) await gateway.close();
  await graph.close();
}
