import 'reflect-metadata';
import { startPortalServer } from '@govgraph/portal';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../src/chromium.js';
import { startGraph } from '../src/harness.js';

/**
 * `npm run bench:portal [-- --runs 15]`: the reference portal's weight, and the time from
 * navigating to the renewal form (JJ-0101, signed in as zhangsan) until it is interactive and
 * prefilled — the applicant's name in its field and the submit button enabled — in Debian's
 * Chromium, cold (a new browser context: nothing cached) and warm (the same context again: the
 * bundle from the browser's cache). Beside each, the floor: the same page's two queries
 * (StartForm and MatterForm) sent directly over HTTP, in the same rounds.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 15;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

if (!chromiumAvailable()) process.exit(1);
const portal = await startPortalServer({ port: 0, gatewayUrl: 'http://127.0.0.1:1/graphql' });
const graph = await startGraph({ gatewayEnv: { GATEWAY_CORS_ORIGINS: portal.url } });
portal.setGatewayUrl(`${graph.gateway.url}/graphql`);
let browser: Browser | undefined;
try {
  browser = await launchChromium();
  const token = await graph.login('zhangsan');
  const session = JSON.stringify({
    token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    account: { id: 'A-zhangsan', displayName: '张三', roles: ['citizen'] },
    personToken: token,
  });

  /** One navigation to the form in a context, until it is usable; milliseconds. */
  const openForm = async (context: Awaited<ReturnType<Browser['newContext']>>) => {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${portal.url}/#/apply/JJ-0101`);
    // Polled from here every 5 ms (the page's CSP refuses code evaluated from a string).
    const name = page.getByLabel('申请人姓名', { exact: true });
    const submit = page.getByRole('button', { name: '提交申请' });
    await name.waitFor();
    while (!((await name.inputValue()) === '张三' && (await submit.isEnabled()))) await new Promise((resolve) => setTimeout(resolve, 5));
    const elapsed = performance.now() - started;
    // Where the time went, from the page's own clock (0 = navigation start).
    const marks = await page.evaluate(() => {
      type Entry = { entryType: string; name: string; startTime: number; responseEnd?: number; domContentLoadedEventEnd?: number };
      const entries = performance.getEntries() as unknown as Entry[];
      const queries = entries.filter((entry) => entry.entryType === 'resource' && new URL(entry.name).pathname === '/graphql');
      return {
        documentReady: entries.find((entry) => entry.entryType === 'navigation')?.domContentLoadedEventEnd ?? 0,
        firstQuery: Math.min(...queries.map((entry) => entry.startTime)),
        lastAnswer: Math.max(...queries.map((entry) => entry.responseEnd ?? 0)),
      };
    });
    phases.push(marks);
    await page.close();
    return elapsed;
  };
  const phases: { documentReady: number; firstQuery: number; lastAnswer: number }[] = [];
  const newSessionContext = async () => {
    const context = await browser!.newContext({ serviceWorkers: 'block' });
    // Signed in before the page's first script runs: the kit's SessionStore reads this key.
    await context.addInitScript(`window.sessionStorage.setItem('govgraph.session', ${JSON.stringify(session)})`);
    return context;
  };
  const floor = async () => {
    const started = performance.now();
    await Promise.all([graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, token), graph.operation('matter-form.graphql', { code: 'JJ-0101' }, token)]);
    return performance.now() - started;
  };

  // One of each first, unmeasured: the graph's and Chromium's own first-use costs.
  const warmUp = await newSessionContext();
  await openForm(warmUp);
  await warmUp.close();
  await floor();

  const cold: number[] = [];
  const warm: number[] = [];
  const direct: number[] = [];
  for (let round = 0; round < runs; round++) {
    const context = await newSessionContext();
    cold.push(await openForm(context));
    warm.push(await openForm(context));
    await context.close();
    direct.push(await floor());
  }

  const { script, stylesheet } = portal.bundle;
  console.log(`\nreference portal: script ${(script.body.length / 1024).toFixed(0)} KB, ${(script.gzipped.length / 1024).toFixed(1)} KB gzipped (budget 300 KB)`);
  if (stylesheet) console.log(`                  stylesheet ${(stylesheet.body.length / 1024).toFixed(1)} KB, ${(stylesheet.gzipped.length / 1024).toFixed(1)} KB gzipped`);
  console.log(`\nnavigation → interactive prefilled form (JJ-0101 as zhangsan), ${runs} rounds, Chromium ${browser.version()}\n`);
  console.log('| measured                                          |     p50 |     p95 | × floor (p50) |');
  console.log('|---------------------------------------------------|---------|---------|---------------|');
  const floorP50 = percentile(direct, 50);
  for (const [label, values] of [
    ['cold: new context, nothing cached', cold],
    ['warm: same context, bundle from the browser cache', warm],
    ['floor: StartForm + MatterForm over HTTP, no page', direct],
  ] as const) {
    console.log(`| ${label.padEnd(49)} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${(percentile(values, 50) / floorP50).toFixed(2).padStart(13)} |`);
  }
  const mark = (key: keyof (typeof phases)[number]) =>
    percentile(
      phases.map((phase) => phase[key]),
      50,
    );
  console.log(`\nwhere the time goes (p50 of every measured load, the page's clock from navigation start):`);
  console.log(`  page, script and stylesheet loaded (DOMContentLoaded)   ${ms(mark('documentReady'))}`);
  console.log(`  the app running, its first query sent                   ${ms(mark('firstQuery'))}`);
  console.log(`  the last answer in (MyHome for the header, StartForm, MatterForm; with CORS preflights)  ${ms(mark('lastAnswer'))}`);
  console.log('  then the form rendered and seen prefilled and enabled (the rest of the total above)');
} finally {
  await browser?.close();
  await graph.close();
  await portal.close();
}
