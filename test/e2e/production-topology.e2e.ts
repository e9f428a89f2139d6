import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_REGISTRY, subgraphEnvPrefix } from '@govgraph/kit';
import { createScratchSchema, POSTGRES_URL, postgresAvailable, REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { initPartyKeys, publicEntryOf, readPartyKeys, writePublicKeys } from '@govgraph/kit/trust';
import { portalMixRequests } from '../bench/workloads/portal-mix-requests.js';
import { freePorts } from '../src/free-ports.js';
import { startProcessGraph, type ProcessGraph } from '../src/process-graph.js';
import { copyTemplateData } from '../src/template-data.js';

/**
 * Issue 20, item 3: the production topology with real processes. The compiled services (plain
 * node, NODE_ENV=production) with every department on its own PostgreSQL schema, two gateway
 * replicas on one Redis, Debian's nginx in front as the load balancer. The portal mix runs through
 * nginx while one replica is SIGKILLed and started again on its port: the only failed requests
 * are those that were in flight on the killed replica. Then a rate-limit budget and persisted
 * documents hold across the replicas, seen through nginx.
 *
 * nginx retries on the other replica only what is safe: `proxy_next_upstream error timeout`
 * without `non_idempotent`, so a POST (every GraphQL request here, mutations included) goes to
 * the next replica only when the first could not be connected to — nothing was sent, nothing can
 * have run. A POST already sent to a replica that then dies is never replayed: it may have been a
 * mutation half done. Those are the failures this test counts.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const DEPARTMENTS = SUBGRAPH_REGISTRY.map((s) => s.name);
const BUDGET = 30;

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';

/** True when nginx is installed; false (after a visible notice) otherwise; throws in CI. */
function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  const message = `nginx is not installed at ${NGINX} (apt-get install nginx)`;
  if (inCI()) throw new Error(`${message}; CI requires it`);
  console.warn(`\n  ⚠ SKIPPED: ${message} — the production-topology test is skipped on this machine.\n`);
  return false;
}

const available = (await postgresAvailable()) && (await redisAvailable()) && nginxAvailable();

/** A child's environment without the test runner's own variables. */
interface Nginx {
  url: string;
  output(): string;
  /**
   * Takes these upstreams out of the rotation (`down`) and every other back in, by a graceful
   * reload: what an orchestrator's readiness gate does for a replica that is not ready.
   */
  markDown(servers: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** nginx of its own (not the system service): its prefix, config, temp folders and pid file in `dir`. */
async function startNginx(dir: string, port: number, upstreams: string[]): Promise<Nginx> {
  let down = new Set<string>();
  // Workers run as nobody when the master is root: they must reach the temp folders.
  chmodSync(dir, 0o755);
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, sub), { recursive: true });
    chmodSync(join(dir, sub), 0o777);
  }
  const config = () => `worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  # One request per client connection: a graceful reload (markDown) closes idle kept-alive
  # connections, racing a client that reuses one at that instant (a failure of the test, not of the topology).
  keepalive_timeout 0;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream gateways {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=1s${down.has(u) ? ' down' : ''};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://gateways;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # Another replica only when this one could not be reached (or timed out connecting); never a
      # POST once sent: no non_idempotent here, a mutation is never replayed.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), config());
  const child: ChildProcess = spawn(NGINX, ['-p', `${dir}/`, '-e', 'stderr', '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid; error_log stderr notice;`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    output: () => output,
    async markDown(servers) {
      down = new Set(servers);
      writeFileSync(join(dir, 'nginx.conf'), config());
      // SIGHUP: the master reads the new config and starts new workers; old ones finish their requests.
      const before = output.length;
      child.kill('SIGHUP');
      const until = Date.now() + 5_000;
      while (!output.slice(before).includes('start worker process') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGQUIT');
        const cutOff = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(cutOff);
      }
    },
  };
}

interface Answer {
  status: number;
  json: any;
  upstream: string;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsed: text.slice(0, 200) };
  }
  return { status: response.status, json, upstream: response.headers.get('x-upstream') ?? '' };
}

interface Sent {
  name: string;
  startedAt: number;
  endedAt: number;
  status: number | 'network';
  ok: boolean;
  upstream: string;
  error?: string;
}

describe.runIf(available)('production topology: compiled services on PostgreSQL and Redis, two gateways behind nginx', () => {
  const folder = mkdtempSync(join(tmpdir(), 'govgraph-topology-'));
  const nginxDir = mkdtempSync(join(tmpdir(), 'govgraph-nginx-'));
  const keyEnv = { GOVGRAPH_KEYS_DIR: join(folder, 'keys'), GOVGRAPH_TRUST_DIR: join(folder, 'trust') };
  const scratches: Array<{ drop(): Promise<void> }> = [];
  let graph: ProcessGraph;
  let nginx: Nginx;
  let graphqlUrl: string;
  let killedUpstream: string;
  let otherUpstream: string;

  beforeAll(async () => {
    copyTemplateData(folder);
    for (const party of [...DEPARTMENTS, 'gateway']) {
      initPartyKeys({ party, keysDir: keyEnv.GOVGRAPH_KEYS_DIR });
      writePublicKeys(keyEnv.GOVGRAPH_TRUST_DIR, party, readPartyKeys(keyEnv.GOVGRAPH_KEYS_DIR, party).map(publicEntryOf));
    }
    const serviceEnv: Record<string, Record<string, string>> = {};
    for (const name of DEPARTMENTS) {
      const scratch = await createScratchSchema(POSTGRES_URL);
      scratches.push(scratch);
      serviceEnv[name] = { [`${subgraphEnvPrefix(name)}_DATABASE_URL`]: scratch.url };
    }
    graph = await startProcessGraph({
      compiled: true,
      dataDir: folder,
      serviceEnv,
      env: {
        NODE_ENV: 'production',
        GOVGRAPH_SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        REDIS_URL,
        REDIS_KEY_PREFIX: `govgraph-topology:${randomBytes(4).toString('hex')}:`,
        // nginx on 127.0.0.1 is the only proxy whose X-Forwarded-For is believed.
        GATEWAY_TRUSTED_PROXIES: '127.0.0.1',
        // The load's client (127.0.0.1, through nginx) is never counted per address; the budget
        // test comes from a forwarded address. Accounts get room for the load.
        GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES: '127.0.0.1',
        GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: String(BUDGET),
        GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000',
        ...keyEnv,
      },
    });
    const second = await graph.startReplica('gateway');
    killedUpstream = new URL(graph.urls.gateway!).host;
    otherUpstream = new URL(second.url).host;
    const [port] = await freePorts(1);
    nginx = await startNginx(nginxDir, port!, [killedUpstream, otherUpstream]);
    graphqlUrl = `${nginx.url}/graphql`;
  }, 150_000);

  afterAll(async () => {
    await nginx?.stop();
    await graph?.stop();
    for (const scratch of scratches) await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(nginxDir, { recursive: true, force: true });
  }, 60_000);

  it('runs the portal mix through nginx; a gateway SIGKILLed and restarted under load fails only the requests in flight on it', async () => {
    const mix = await portalMixRequests(async (body, headers) => {
      const answer = await post(graphqlUrl, body, headers);
      return { status: answer.status, json: answer.json };
    });
    const sent: Sent[] = [];
    const inFlight = new Set<{ startedAt: number }>();
    let stopped = false;
    let next = 0;
    const loop = async () => {
      while (!stopped) {
        const request = mix[next++ % mix.length]!;
        const mark = { startedAt: performance.now() };
        inFlight.add(mark);
        try {
          const answer = await post(graphqlUrl, request.body, request.headers);
          const ok = answer.status === 200 && !answer.json?.errors && Boolean(answer.json?.data);
          sent.push({ name: request.name, startedAt: mark.startedAt, endedAt: performance.now(), status: answer.status, ok, upstream: answer.upstream });
        } catch (error) {
          sent.push({ name: request.name, startedAt: mark.startedAt, endedAt: performance.now(), status: 'network', ok: false, upstream: '', error: (error as Error).message });
        } finally {
          inFlight.delete(mark);
        }
      }
    };
    const loops = Array.from({ length: 8 }, loop);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // At least 2 s and 20 answers before the kill (a loaded CI machine answers fewer in 2 s).
    const beforeKill = performance.now() + 20_000;
    await sleep(2_000);
    while (sent.filter((s) => s.ok).length <= 20 && performance.now() < beforeKill) await sleep(100);
    const inFlightAtKill = inFlight.size;
    const killAt = performance.now();
    await graph.kill('gateway', 'SIGKILL');
    const deadAt = performance.now();
    // The restarted gateway listens before it is ready (it answers 503 "Gateway is not ready"
    // meanwhile, which nginx may not retry for a POST): out of the rotation until /readyz says so.
    await nginx.markDown([killedUpstream]);
    await graph.start('gateway');
    await nginx.markDown([]);
    const backAt = performance.now();
    // Past nginx's fail_timeout (1 s), so the restarted replica is sent requests again.
    await sleep(3_000);
    stopped = true;
    await Promise.all(loops);

    const phase = (s: Sent) => (s.startedAt < killAt ? 'before' : s.startedAt < backAt ? 'down' : 'after');
    const table: Record<string, Record<string, number>> = {};
    for (const s of sent) {
      const row = (table[phase(s)] ??= {});
      const key = s.ok ? 'ok' : `failed ${s.status}`;
      row[key] = (row[key] ?? 0) + 1;
      const via = s.upstream.includes(',')
        ? 'retried on the other replica'
        : s.upstream === killedUpstream
          ? 'via killed replica'
          : s.upstream === otherUpstream
            ? 'via other replica'
            : `via ${s.upstream || 'none'}`;
      row[via] = (row[via] ?? 0) + 1;
    }
    const failures = sent.filter((s) => !s.ok);
    // In flight on the killed replica: started before it was gone, still unanswered at the kill.
    const inFlightOnKilled = sent.filter((s) => s.startedAt < deadAt && s.endedAt > killAt && s.upstream.split(', ')[0] === killedUpstream);
    console.log(
      `\nproduction topology, portal mix through nginx (8 loops), gateway ${killedUpstream} SIGKILLed at ${Math.round(killAt - sent[0]!.startedAt)} ms, ready again after ${Math.round(backAt - killAt)} ms:`,
    );
    console.table(table);
    console.log(
      `requests ${sent.length}, failed ${failures.length}; in flight at the kill ${inFlightAtKill} (on the killed replica ${inFlightOnKilled.length}); failures: ${JSON.stringify(failures.map((f) => `${f.name} ${f.status} ${f.upstream}`))}\n`,
    );

    expect(sent.filter((s) => phase(s) === 'before' && s.ok).length).toBeGreaterThan(20);
    // Every failure was in flight on the killed replica when it died: nothing else failed.
    for (const failure of failures) {
      expect(failure.startedAt, JSON.stringify(failure)).toBeLessThan(deadAt);
      expect(failure.endedAt, JSON.stringify(failure)).toBeGreaterThan(killAt);
      expect(failure.upstream.split(', ')[0], JSON.stringify(failure)).toBe(killedUpstream);
    }
    expect(failures.length).toBeLessThanOrEqual(inFlightAtKill);
    // Both replicas answered after the restart: the restarted one is back in nginx's rotation.
    const after = sent.filter((s) => phase(s) === 'after');
    expect(after.every((s) => s.ok)).toBe(true);
    expect(after.filter((s) => s.upstream === killedUpstream).length).toBeGreaterThan(0);
    expect(after.filter((s) => s.upstream === otherUpstream).length).toBeGreaterThan(0);
  }, 60_000);

  it(`shares a client address's budget of ${BUDGET} a minute across the replicas: the 31st through nginx is RATE_LIMITED`, async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'schema/operations/manifest.json'), 'utf8')) as { operations: { id: string; name: string }[] };
    const search = { documentId: manifest.operations.find((o) => o.name === 'SearchCatalog')!.id, variables: { first: 1 } };
    // A documentation address (RFC 5737): nginx appends 127.0.0.1, the gateways believe the hop before it.
    const client = `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;
    const upstreams = new Set<string>();
    for (let i = 0; i < BUDGET; i++) {
      const answer = await post(graphqlUrl, search, { 'x-forwarded-for': client });
      expect(answer.status, `request ${i + 1}: ${JSON.stringify(answer.json).slice(0, 200)}`).toBe(200);
      expect(answer.json.errors, `request ${i + 1}`).toBeUndefined();
      upstreams.add(answer.upstream);
    }
    expect(upstreams).toEqual(new Set([killedUpstream, otherUpstream]));
    for (const _ of [1, 2]) {
      const refused = await post(graphqlUrl, search, { 'x-forwarded-for': client });
      expect(refused.status).toBe(429);
      expect(refused.json.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'address' });
    }
    // Another client behind the same nginx has a budget of its own.
    const other = await post(graphqlUrl, search, { 'x-forwarded-for': '198.51.100.251' });
    expect(other.status).toBe(200);
  }, 30_000);

  it('serves persisted documents by id on either replica, and registers nothing in production', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'schema/operations/manifest.json'), 'utf8')) as { operations: { id: string; name: string }[] };
    const id = manifest.operations.find((o) => o.name === 'MatterGuide')!.id;
    const byHash = { variables: { code: 'JJ-0101' }, extensions: { persistedQuery: { version: 1, sha256Hash: id } } };
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(graphqlUrl, byHash)));
    expect(new Set(answers.map((a) => a.upstream))).toEqual(new Set([killedUpstream, otherUpstream]));
    for (const answer of answers) {
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data).toEqual(answers[0]!.json.data);
      expect(answer.json.data.matter.code).toBe('JJ-0101');
    }
    // An automatic persisted query is not registered in production, on either replica.
    const document = `{ __typename } # ${randomBytes(4).toString('hex')}`;
    const sha256Hash = createHash('sha256').update(document).digest('hex');
    const register = await post(graphqlUrl, { query: document, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(register.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lookups = await Promise.all([1, 2].map(() => post(graphqlUrl, { extensions: { persistedQuery: { version: 1, sha256Hash } } })));
    for (const lookup of lookups) expect(lookup.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
