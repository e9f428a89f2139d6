#!/usr/bin/env node
// `npm start`: every subgraph of subgraphs/registry.json and the gateway, each as its own process
// (as in production), their logs merged into one stream, each line prefixed with the service name;
// one Ctrl-C (or SIGTERM) stops them all gracefully. Beside them, writes the playground's bundle
// (or keeps the one on disk when up to date). Once every service answers /readyz and the bundle is
// there, prints where the graph answers and the demo accounts.
//
// Logs: every service writes pino's JSON lines. In a terminal they are printed readable and
// colored (pino-pretty), unless NODE_ENV=production; when stdout is not a terminal (a pipe, a
// file, CI, a log collector) they stay JSON, one object a line. LOG_FORMAT=json|pretty forces one.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Relative folders are meant from where npm start was run, not from each package's folder.
const absolute = (path) => (path ? resolve(process.env.INIT_CWD || process.cwd(), path) : undefined);
const keyFolders = Object.fromEntries(['GOVGRAPH_KEYS_DIR', 'GOVGRAPH_TRUST_DIR'].filter((name) => process.env[name]).map((name) => [name, absolute(process.env[name])]));
const env = {
  ...process.env,
  // One data folder for all the processes (each runs in its own package folder). Nothing is
  // shared secretly there: on its first start each process creates its own key folder under
  // DATA_DIR/keys (GOVGRAPH_KEYS_DIR) and publishes its public key to DATA_DIR/trust
  // (GOVGRAPH_TRUST_DIR), the list every process verifies the others' signatures with.
  DATA_DIR: resolve(process.env.DATA_DIR || 'data'),
  ...keyFolders,
  APOLLO_TELEMETRY_DISABLED: 'true',
  // tsx compiles each package with the root tsconfig (legacy decorators for type-graphql).
  TSX_TSCONFIG_PATH: `${root}tsconfig.json`,
};
const host = env.HOST || '127.0.0.1';
// The departments, in the order the registry lists them (the kit checks it in depth when each starts).
const registry = JSON.parse(readFileSync(`${root}subgraphs/registry.json`, 'utf8')).subgraphs;
const envPrefix = (name) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
const SERVICES = [
  ...registry.map((s) => ({ name: s.name, dir: s.dir, port: env[`${envPrefix(s.name)}_PORT`] || String(s.port) })),
  { name: 'gateway', dir: 'gateway', port: env.GATEWAY_PORT || '4000' },
  // The reference portal on its own origin, as a real portal would be (docs/portal-developers.md).
  { name: 'portal', dir: 'portal', port: env.PORTAL_PORT || '4100', entry: 'server/main.ts' },
];
const gatewayPort = SERVICES.find((s) => s.name === 'gateway').port;
const portalPort = SERVICES.find((s) => s.name === 'portal').port;
env.PORTAL_PORT = portalPort;
env.PORTAL_GATEWAY_URL ||= `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${gatewayPort}/graphql`;
// The gateway lets the portal's pages read its answers (both spellings of this machine's name).
const portalOrigins = [`http://${host}:${portalPort}`, ...(host === '127.0.0.1' ? [`http://localhost:${portalPort}`] : [])];
env.GATEWAY_CORS_ORIGINS = [
  ...new Set([
    ...(env.GATEWAY_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    ...portalOrigins,
  ]),
].join(',');
const labelWidth = Math.max(12, ...SERVICES.map((s) => s.name.length + 1));
if (SERVICES.some((s) => s.port === '0')) {
  console.error('npm start needs fixed ports: the gateway must know where each subgraph listens (port 0 is for tests).');
  process.exit(2);
}

const logFormat = (() => {
  const forced = (process.env.LOG_FORMAT ?? '').trim().toLowerCase();
  if (forced === 'json' || forced === 'pretty') return forced;
  if (forced) {
    console.error(`LOG_FORMAT must be json or pretty, got ${JSON.stringify(process.env.LOG_FORMAT)}`);
    process.exit(2);
  }
  return process.stdout.isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json';
})();
const color = logFormat === 'pretty' && !process.env.NO_COLOR;
const LABEL_COLORS = [36, 35, 33, 32, 34, 96, 95, 93];

/**
 * How one line of a service is printed: as it came (JSON), or, pretty, a pino line through
 * pino-pretty (time, level, message, then the other fields) — lines that are not pino's JSON as they
 * came. pino-pretty is loaded only when used.
 */
async function lineFormatter() {
  if (logFormat === 'json') return (line) => line;
  let pinoPretty;
  try {
    ({ default: pinoPretty } = await import('pino-pretty'));
  } catch {
    // A dev dependency: an install without them prints JSON.
    console.error('pino-pretty is not installed (npm ci installs it): printing JSON logs');
    return (line) => line;
  }
  const pretty = pinoPretty.prettyFactory({
    colorize: color,
    translateTime: 'SYS:HH:MM:ss.l',
    // The label already names the service.
    ignore: 'pid,hostname,name,service',
    singleLine: true,
  });
  return (line) => {
    if (!line.startsWith('{')) return line;
    try {
      const parsed = JSON.parse(line);
      if (typeof parsed?.level !== 'number' || parsed.time === undefined) return line;
      return pretty(parsed).replace(/\n$/, '');
    } catch {
      return line;
    }
  };
}
const formatLine = await lineFormatter();

const started = Date.now();
let stopping = false;

/**
 * The playground's bundle (GraphiQL, Monaco and its workers), written to gateway/dist/playground-bundle
 * beside the services starting — or the one there kept, in a fraction of a second, when the client
 * sources and package versions are unchanged — so the playground's first page is served from disk.
 * The URL is printed once it is there. Not with NODE_ENV=production, which serves no playground.
 */
function preparePlayground() {
  if (env.NODE_ENV === 'production') return Promise.resolve();
  return new Promise((resolvePlayground) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/playground/write-playground-bundle.ts'], { cwd: `${root}gateway`, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const plain = 'playground'.padEnd(labelWidth);
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${plain}| ${line}\n`));
    // A failed bundle does not stop the graph: the gateway then builds the playground in memory on its first request.
    child.on('error', (error) => {
      process.stdout.write(`${plain}| could not write the bundle (${error.message}); the gateway builds it on the first request\n`);
      resolvePlayground();
    });
    child.on('exit', (code) => {
      if (code !== 0) process.stdout.write(`${plain}| could not write the bundle (exit ${code}); the gateway builds it on the first request\n`);
      resolvePlayground();
    });
  });
}
const playgroundReady = preparePlayground();
const children = SERVICES.map((service, index) => {
  const child = spawn(process.execPath, ['--import', 'tsx', service.entry ?? 'src/index.ts'], {
    cwd: `${root}${service.dir}`,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const plain = service.name.padEnd(labelWidth);
  const label = color ? `\x1b[${LABEL_COLORS[index % LABEL_COLORS.length]}m${plain}\x1b[0m` : plain;
  for (const stream of [child.stdout, child.stderr]) {
    // A message of several lines (a stack, Apollo's notices) keeps the label on each.
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label}| ${formatLine(line).replaceAll('\n', `\n${label}| `)}\n`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${plain}| exited (${signal ?? code}); stopping the others`);
      process.exitCode = 1;
      stopAll();
    }
  });
  return child;
});

function stopAll() {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // A service that does not drain in time is cut off, so Ctrl-C never hangs.
  setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 10_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stopAll);

async function isReady(port) {
  try {
    return (await fetch(`http://${host}:${port}/readyz`)).ok;
  } catch {
    return false;
  }
}

async function announceWhenReady() {
  while (!stopping) {
    if ((await Promise.all(SERVICES.map((s) => isReady(s.port)))).every(Boolean)) {
      await playgroundReady;
      if (stopping) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`
  govgraph is ready (${seconds} s)
    GraphQL   http://${host}:${gatewayPort}/graphql
    Portal    http://${host}:${portalPort}          citizen, enterprise and officer pages
    Browser   http://${host}:${gatewayPort}/playground${env.NODE_ENV === 'production' ? '  (off: NODE_ENV=production)' : ''}
    Accounts  password "demo" for all:
              zhangsan         citizen 张三, holds a driving licence
              lisi             citizen 李四, holds no licences; agent of 王五's company
              wangwu           citizen 王五, legal representative of 深圳市示例科技有限公司
              officer.police   officer of 市公安局交通警察局
              officer.market   officer of 市市场监督管理局
              officer.hall     officer of 市政务服务数据管理局, the hall office
              officer.supervisor  supervisor of the hall office: every department's deadlines
    Data      ${env.DATA_DIR || './data'}        Stop: Ctrl-C
`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

void announceWhenReady();
