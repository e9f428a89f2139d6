import 'reflect-metadata';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { formatRow, measure } from './latency.js';
import { option } from './command-line-option.js';

/**
 * `npm run bench:catalog [-- --requests 300 --scales 1,100 --dialects sqlite,postgres]`: SearchCatalog and
 * MatterGuide latency through the gateway (real HTTP, all services in this process), one request
 * at a time, on the demo catalog at each scale. Prints a Markdown table.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const requests = Number(option('requests', '300'));
const scales = option('scales', '1,100').split(',').map(Number);
const wanted = option('dialects', 'sqlite').split(',') as Array<'sqlite' | 'postgres'>;
const dialects = wanted.includes('postgres') && !(await postgresAvailable()) ? wanted.filter((d) => d !== 'postgres') : wanted;

async function workloads(graph: GraphHarness) {
  const codes: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 5; i++) {
    const page: any = await graph.operation('search-catalog.graphql', { first: 100, after });
    codes.push(...page.data.matters.edges.map((e: any) => e.node.code));
    after = page.data.matters.pageInfo.endCursor;
  }
  const middle: any = await graph.operation('search-catalog.graphql', { first: 1, filter: { level: 'CITY' }, after: null });
  const department = middle.data.departments[4].code as string;
  const ok = (result: any) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  return {
    'SearchCatalog, first page (20)': async () => ok(await graph.operation('search-catalog.graphql', {})),
    'SearchCatalog, text 驾驶证 (3 chars, indexed)': async () => ok(await graph.operation('search-catalog.graphql', { filter: { text: '驾驶证' } })),
    'SearchCatalog, text 驾驶 (2 chars, scan)': async () => ok(await graph.operation('search-catalog.graphql', { filter: { text: '驾驶' } })),
    'SearchCatalog, department + type + depth': async () =>
      ok(await graph.operation('search-catalog.graphql', { filter: { departmentCode: department, type: 'LICENSING', minOnlineDepth: 4 } })),
    'SearchCatalog, 100 per page': async () => ok(await graph.operation('search-catalog.graphql', { first: 100 })),
    'MatterGuide, varying matters': async (i: number) => ok(await graph.operation('matter-guide.graphql', { code: codes[i % codes.length] })),
  } as Record<string, (i: number) => Promise<void>>;
}

console.log(`\nCatalog latency through the gateway, ${requests} sequential requests per row after 30 warm-up (ms)\n`);
for (const dialect of dialects) {
  for (const scale of scales) {
    const seeding = performance.now();
    // The response cache off: these are the database's numbers, not the cache's.
    const graph = await startGraph({
      catalogScale: scale,
      gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off' },
      ...(dialect === 'postgres' ? { postgresUrl: POSTGRES_URL } : {}),
    });
    const seconds = ((performance.now() - seeding) / 1000).toFixed(1);
    try {
      const stats: any = await graph.query('{ catalogStatistics { matterCount districtImplementationCount } }');
      const { matterCount, districtImplementationCount } = stats.data.catalogStatistics;
      console.log(`### ${dialect}, scale ${scale}× — ${(matterCount + districtImplementationCount).toLocaleString('en')} matters (started and seeded in ${seconds} s)\n`);
      console.log('| workload                                     |     p50 |     p99 |  req/s |');
      console.log('|----------------------------------------------|---------|---------|--------|');
      for (const [label, call] of Object.entries(await workloads(graph))) console.log(formatRow(label, await measure(call, requests)));
      console.log('');
    } finally {
      await graph.close();
    }
  }
}
