import 'reflect-metadata';
import { startGraph } from '../src/harness.js';
import { fetchesOf } from '../src/query-plan.js';
import { formatRow, measure } from './latency.js';

/**
 * `npm run bench:start-form [-- --requests 300]`: StartForm latency through the gateway for zhangsan
 * (renewal form, one licence offered), with the plan's waves and fetches.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const index = process.argv.indexOf('--requests');
const requests = index >= 0 ? Number(process.argv[index + 1]) : 300;

const graph = await startGraph();
try {
  const token = await graph.login('zhangsan');
  const call = async () => {
    const result = await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  await call();
  const plan = graph.plans.at(-1)!.plan;
  const waves = plan.node?.kind === 'Sequence' ? plan.node.nodes.length : 1;
  console.log(`\nStartForm plan: ${waves} waves, ${fetchesOf(plan).length} fetches\n`);
  console.log('| workload                                     |     p50 |     p99 |  req/s |');
  console.log('|----------------------------------------------|---------|---------|--------|');
  console.log(formatRow('StartForm (zhangsan, JJ-0101)', await measure(call, requests)));
} finally {
  await graph.close();
}
