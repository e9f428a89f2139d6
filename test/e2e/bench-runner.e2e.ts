import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest, verifyRequest } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';
import { checkResponse } from '../load/check-response.js';
import { Histogram } from '../load/histogram.js';
import { KeepAliveClient } from '../load/http-client.js';
import { startLoadGenerator, type LoadGenerator } from '../load/load-generator.js';
import { cpuSeconds, peakRssBytes, treeCpuSeconds } from '../load/proc.js';
import { startRecordingProxy } from '../bench/replay/recording-proxy.js';
import { deriveWaves, toReplayPlan, type RecordedFetch } from '../bench/replay/waves.js';

/**
 * The benchmark's own instruments, checked against servers whose behaviour is known: the load
 * library counts what a tiny server counted, sees an injected delay, counts errors; the replay's
 * wave derivation groups a recorded plan correctly; the checker refuses a wrong answer. No
 * timing upper bounds: this runs on slow, shared machines.
 */
const DELAY_MS = 20;
/** The gateway's key in a folder of its own (the replay re-signs with it), and the tiny server's trust list. */
const KEYS = testParties(['gateway']);
const KEYS_DIR = join(KEYS.dir, 'keys');
/** What the tiny server calls itself: a signature must be made for it. */
const AUDIENCE = 'tiny';

interface TinyServer {
  url: string;
  counts: { answered: number; graphqlErrors: number; failures: number; badSignatures: number };
  server: Server;
}

/** Answers after DELAY_MS; every 4th answer carries a GraphQL error; /fail answers 500; /signed checks the kit's signature. */
async function startTinyServer(): Promise<TinyServer> {
  const counts = { answered: 0, graphqlErrors: 0, failures: 0, badSignatures: 0 };
  let graphqlAnswers = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        counts.answered += 1;
        if (req.url === '/drop') {
          req.socket.destroy(); // the connection dies under the request
          return;
        }
        if (req.url === '/fail') {
          counts.failures += 1;
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"errors":[{"message":"down"}]}');
          return;
        }
        if (req.url === '/signed') {
          const verified = verifyRequest(KEYS.gateway.trust, AUDIENCE, (name) => req.headers[name] as string | undefined, Buffer.concat(chunks).toString('utf8'));
          if (!verified.ok) counts.badSignatures += 1;
          res.writeHead(verified.ok ? 200 : 401, { 'content-type': 'application/json' }).end(verified.ok ? '{"data":{"ok":true}}' : '{"errors":[{"message":"unsigned"}]}');
          return;
        }
        graphqlAnswers += 1;
        const withError = graphqlAnswers % 4 === 0;
        if (withError) counts.graphqlErrors += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(withError ? '{"data":null,"errors":[{"message":"no"}]}' : '{"data":{"n":1}}');
      }, DELAY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counts, server };
}

let tiny: TinyServer;
let load: LoadGenerator;

beforeAll(async () => {
  tiny = await startTinyServer();
  load = await startLoadGenerator();
});

afterAll(async () => {
  await load?.close();
  tiny?.server.closeAllConnections();
  await new Promise((resolve) => tiny?.server.close(resolve));
  rmSync(KEYS.dir, { recursive: true, force: true });
});

const reset = () => Object.assign(tiny.counts, { answered: 0, graphqlErrors: 0, failures: 0, badSignatures: 0 });

describe('load library', () => {
  it('closed loop: counts every request the server answered, sees the injected delay, counts GraphQL errors and 500s', async () => {
    reset();
    const result = await load.run({
      target: {
        kind: 'http',
        requests: [
          { url: `${tiny.url}/graphql`, body: '{"query":"{n}"}', headers: {} },
          { url: `${tiny.url}/fail`, body: '{"query":"{n}"}', headers: {} },
        ],
      },
      mode: { kind: 'closed', concurrency: 4, seconds: 1.5 },
    });
    expect(result.requests).toBeGreaterThan(8);
    expect(result.requests).toBe(tiny.counts.answered);
    expect(result.statuses['500']).toBe(tiny.counts.failures);
    expect(result.statuses['200']).toBe(tiny.counts.answered - tiny.counts.failures);
    // Every 500 body carries "errors" too; the 200s with errors are what the server counted.
    expect(tiny.counts.graphqlErrors).toBeGreaterThan(0);
    expect(result.graphqlErrors).toBe(tiny.counts.graphqlErrors + tiny.counts.failures);
    expect(result.latency.p50Ms).toBeGreaterThanOrEqual(DELAY_MS * 0.98); // histogram buckets are 1 % wide
    expect(result.latency.maxMs).toBeGreaterThanOrEqual(result.latency.p99Ms);
    expect(result.networkErrors).toBe(0);
    expect(result.errorSamples).toContain('500 {"errors":[{"message":"down"}]}');
    expect(result.errorSamples).toContain('200 {"data":null,"errors":[{"message":"no"}]}');
    expect(result.connectionsOpened).toBeGreaterThanOrEqual(1);
    expect(result.connectionsOpened).toBeLessThanOrEqual(4);
    expect(result.loadCpuSeconds).toBeGreaterThan(0);
  });

  it('open loop: sends the scheduled number of requests and measures from the intended send time', async () => {
    reset();
    const result = await load.run({
      target: { kind: 'http', requests: [{ url: `${tiny.url}/graphql`, body: '{}', headers: {} }] },
      mode: { kind: 'open', rate: 100, seconds: 1 },
      windowSeconds: 0.5,
    });
    expect(result.requests + result.skipped).toBe(100);
    expect(result.requests).toBe(tiny.counts.answered);
    expect(result.latency.p50Ms).toBeGreaterThanOrEqual(DELAY_MS * 0.98);
    expect(result.windows.reduce((n, w) => n + w.requests, 0)).toBe(result.requests);
  });

  it('counts requests the server never answers as network errors', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => closed.close(resolve));
    const result = await load.run({ target: { kind: 'http', requests: [{ url, body: '{}', headers: {} }] }, mode: { kind: 'closed', concurrency: 2, seconds: 0.3 } });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.networkErrors).toBe(result.requests);
    expect(result.statuses.network).toBe(result.requests);
  });

  it('counts connections the server drops mid-request, and not idle connections it times out', async () => {
    const dropped = await load.run({
      target: { kind: 'http', requests: [{ url: `${tiny.url}/drop`, body: '{}', headers: {} }] },
      mode: { kind: 'closed', concurrency: 2, seconds: 0.3 },
    });
    expect(dropped.requests).toBeGreaterThan(0);
    expect(dropped.networkErrors).toBe(dropped.requests);
    expect(dropped.droppedConnections).toBe(dropped.requests);
    // A request every 250 ms to a server that closes idle connections after 50 ms: every
    // connection is closed between requests, none while one is running.
    const previous = tiny.server.keepAliveTimeout;
    tiny.server.keepAliveTimeout = 50;
    try {
      const idle = await load.run({ target: { kind: 'http', requests: [{ url: `${tiny.url}/graphql`, body: '{}', headers: {} }] }, mode: { kind: 'open', rate: 4, seconds: 1 } });
      expect(idle.networkErrors).toBe(0);
      expect(idle.droppedConnections).toBe(0);
      expect(idle.connectionsOpened).toBeGreaterThan(1);
    } finally {
      tiny.server.keepAliveTimeout = previous;
    }
  });

  it('reads CPU time and peak memory of a process from /proc', () => {
    expect(cpuSeconds(load.pid)).toBeGreaterThan(0);
    expect(peakRssBytes(load.pid)).toBeGreaterThan(10 * 1024 * 1024);
    // Read the parts first: CPU time only grows, so the tree read afterwards holds at least both.
    const parts = cpuSeconds(process.pid) + cpuSeconds(load.pid);
    expect(treeCpuSeconds(process.pid)).toBeGreaterThanOrEqual(parts);
    expect(cpuSeconds(2 ** 30)).toBe(0); // no such process
  });

  it('histogram percentiles stay within a bucket of the true value', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.record(i);
    expect(h.percentile(50)).toBeGreaterThan(495);
    expect(h.percentile(50)).toBeLessThan(505);
    expect(h.percentile(99)).toBeGreaterThan(985);
    expect(h.maxMs).toBe(1000);
    const copy = Histogram.from(JSON.parse(JSON.stringify(h.toJSON())));
    expect(copy.summary()).toEqual(h.summary());
  });
});

describe('response checker', () => {
  const expected = {
    data: {
      me: {
        name: 'Zhang San',
        licences: [
          { id: 'L-1', valid: true },
          { id: 'L-2', valid: false },
        ],
      },
    },
  };

  it('accepts the same answer with keys in another order', () => {
    expect(checkResponse(expected, '{"data":{"me":{"licences":[{"valid":true,"id":"L-1"},{"id":"L-2","valid":false}],"name":"Zhang San"}}}').ok).toBe(true);
  });

  it('catches a wrong value, a missing item, reordered items and added errors, and says where', () => {
    const wrong = checkResponse(expected, {
      data: {
        me: {
          name: 'Zhang San',
          licences: [
            { id: 'L-1', valid: true },
            { id: 'L-2', valid: true },
          ],
        },
      },
    });
    expect(wrong).toEqual({ ok: false, difference: 'data.me.licences[1].valid: expected false, got true' });
    expect(checkResponse(expected, { data: { me: { name: 'Zhang San', licences: [{ id: 'L-1', valid: true }] } } }).difference).toMatch(/licences: expected 2 items, got 1/);
    expect(checkResponse(expected, { data: { me: { name: 'Zhang San', licences: [...expected.data.me.licences].reverse() } } }).ok).toBe(false);
    expect(checkResponse(expected, { ...expected, errors: [{ message: 'x' }] }).difference).toMatch(/^errors: expected nothing/);
    expect(checkResponse(expected, 'Bad Gateway').difference).toMatch(/not JSON/);
  });
});

describe('direct replay', () => {
  const fetch = (subgraph: string, startMs: number, endMs: number): RecordedFetch => ({
    subgraph,
    startMs,
    endMs,
    url: `http://127.0.0.1/${subgraph}`,
    body: '{}',
    headers: {},
    status: 200,
    responseBody: '{}',
  });

  it('derives waves from timing: overlapping fetches are parallel, a fetch after another ended depends on it', () => {
    // StartForm's shape (docs/design.md): applications, then catalog + identity + licences, then applications.
    const recorded = [fetch('catalog', 32, 60), fetch('applications', 0, 30), fetch('identity', 33, 61), fetch('licences', 33, 75), fetch('applications', 76, 100)];
    expect(deriveWaves(recorded).map((wave) => wave.map((f) => f.subgraph))).toEqual([['applications'], ['catalog', 'identity', 'licences'], ['applications']]);
    // A fetch that only had to wait for the fast branch still lands after it, not with the slow one.
    const uneven = [fetch('a', 0, 10), fetch('b', 0, 50), fetch('c', 11, 20)];
    expect(deriveWaves(uneven).map((wave) => wave.map((f) => f.subgraph))).toEqual([['a', 'b'], ['c']]);
  });

  it('records real fetches through the proxy and groups them into waves', async () => {
    const proxy = await startRecordingProxy('tiny', `${tiny.url}/graphql`, 25);
    const client = new KeepAliveClient(8);
    try {
      const send = (body: string) => client.post(proxy.url, body, { 'x-test': body });
      await send('{"a":1}');
      await Promise.all([send('{"b":1}'), send('{"c":1}')]);
      await send('{"d":1}');
      const plan = toReplayPlan('example', proxy.fetches);
      expect(plan.waves.map((wave) => wave.map((f) => f.body).sort())).toEqual([['{"a":1}'], ['{"b":1}', '{"c":1}'], ['{"d":1}']]);
      expect(plan.waves[0]![0]!.url).toBe(`${tiny.url}/graphql`);
      expect(plan.waves[0]![0]!.headers['x-test']).toBe('{"a":1}');
      expect(plan.waves[0]![0]!.headers.host).toBeUndefined();
    } finally {
      client.close();
      await proxy.close();
    }
  });

  it('replays signed fetches re-signed with a fresh timestamp, so a subgraph that checks signatures accepts them', async () => {
    reset();
    const body = '{"query":"{ok}"}';
    const stale = signRequest(KEYS.gateway.keys, {
      audience: AUDIENCE,
      requestId: 'recorded',
      claims: { accountId: 'A-1', personId: null, applicantId: 'P-1', roles: [], department: null },
      body,
      now: Date.now() - 10 * 60_000,
    });
    const recorded = { subgraph: AUDIENCE, url: `${tiny.url}/signed`, body, headers: { ...stale } };
    const waves = [[{ ...recorded }], [{ ...recorded }, { ...recorded }]];
    const unsigned = await load.run({ target: { kind: 'replay', plans: [{ name: 'p', waves }], gatewayKeysDir: null }, mode: { kind: 'closed', concurrency: 1, seconds: 0.2 } });
    expect(unsigned.statuses['401']).toBe(unsigned.requests); // the recorded signature has expired
    reset();
    const resigned = await load.run({
      target: { kind: 'replay', plans: [{ name: 'p', waves }], gatewayKeysDir: KEYS_DIR },
      mode: { kind: 'closed', concurrency: 2, seconds: 0.5 },
    });
    expect(resigned.statuses['200']).toBe(resigned.requests);
    expect(tiny.counts.answered).toBe(resigned.requests * 3);
    expect(tiny.counts.badSignatures).toBe(0);
    // Two waves of DELAY_MS each: a replayed request takes at least both.
    expect(resigned.latency.p50Ms).toBeGreaterThanOrEqual(2 * DELAY_MS * 0.98);
  });
});
