import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '@govgraph/kit';
import { classifyFailure } from '../src/resilience/subgraph-failure.js';
import { createSubgraphPool, PoolQueueTimeout } from '../src/resilience/subgraph-pool.js';

describe('the subgraph connection pool', () => {
  let server: Server;
  let url: string;
  let connections = 0;
  let open = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (path === '/hang') return;
        if (path === '/empty') return void res.writeHead(204).end();
        if (path === '/refused') {
          res.writeHead(401, 'Unauthorized', [
            ['Content-Type', 'application/json'],
            ['Cache-Control', 'no-store'],
            ['Cache-Control', 'private'],
          ]);
          return void res.end('{"errors":[]}');
        }
        const delay = path === '/slow' ? 30 : 0;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json', 'x-seen-length': req.headers['content-length'] ?? '' });
          res.end(JSON.stringify({ method: req.method, body }));
        }, delay);
      });
    });
    server.keepAliveTimeout = 65_000;
    server.on('connection', (socket) => {
      connections += 1;
      open += 1;
      socket.once('close', () => (open -= 1));
    });
    url = await listen(server, 0, '127.0.0.1');
  });
  afterAll(() => closeServer(server, 0));

  it('sends the body with its length and gives a Response; sequential fetches share one connection', async () => {
    const pool = createSubgraphPool({ maxConnections: 4, idleMs: 5_000 });
    const before = connections;
    for (let i = 0; i < 20; i++) {
      const response = await pool.fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q":"Zoë"}' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-seen-length')).toBe(String(Buffer.byteLength('{"q":"Zoë"}')));
      expect(response.url).toBe(`${url}/graphql`);
      expect(await response.json()).toEqual({ method: 'POST', body: '{"q":"Zoë"}' });
    }
    expect(connections - before).toBe(1);
    expect(pool.stats()).toEqual({ opened: 1, active: 0, idle: 1, queued: 0 });
    pool.close();
  });

  it('never opens more than maxConnections; the rest wait their turn', async () => {
    const pool = createSubgraphPool({ maxConnections: 2, idleMs: 5_000 });
    const before = connections;
    const pending = Array.from({ length: 10 }, () => pool.fetch(`${url}/slow`, { method: 'POST', body: '{}' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pool.stats()).toMatchObject({ active: 2, queued: 8 });
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(connections - before).toBe(2);
    expect(pool.stats()).toMatchObject({ opened: 2, idle: 2, queued: 0 });
    pool.close();
  });

  it('rejects with the signal’s TimeoutError and throws that connection away', async () => {
    const pool = createSubgraphPool({ maxConnections: 1, idleMs: 5_000 });
    const before = connections;
    const error = await pool.fetch(`${url}/hang`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the agent forgets a socket once it closed
    expect(pool.stats()).toMatchObject({ active: 0, idle: 0 });
    expect((await pool.fetch(`${url}/graphql`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(connections - before).toBe(2); // a fresh one after the timed-out one
    pool.close();
  });

  it('tells a fetch that timed out waiting for a free connection from one the subgraph was too slow for', async () => {
    const pool = createSubgraphPool({ maxConnections: 1, idleMs: 5_000 });
    const sent = pool.fetch(`${url}/hang`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const queued = pool.fetch(`${url}/graphql`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(await queued).toBeInstanceOf(PoolQueueTimeout);
    expect(classifyFailure(await queued)).toMatchObject({ kind: 'saturated', transient: false });
    expect(((await sent) as Error).name).toBe('TimeoutError');
    expect(classifyFailure(await sent)).toMatchObject({ kind: 'timeout', transient: true });
    pool.close();
  });

  it('answers with what RemoteGraphQLDataSource reads of a Response: ok, status, headers by any case, a body read once', async () => {
    const pool = createSubgraphPool({ maxConnections: 1, idleMs: 5_000 });
    const response = await pool.fetch(`${url}/refused`, { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' });
    expect({ ok: response.ok, status: response.status, statusText: response.statusText }).toEqual({ ok: false, status: 401, statusText: 'Unauthorized' });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store, private');
    expect(response.headers.has('x-absent')).toBe(false);
    expect(await response.json()).toEqual({ errors: [] });
    await expect(response.text()).rejects.toThrow(TypeError);
    pool.close();
  });

  it('answers without a body (204), and closes its connections on close()', async () => {
    const pool = createSubgraphPool({ maxConnections: 1, idleMs: 5_000 });
    const response = await pool.fetch(`${url}/empty`, { method: 'GET' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const openBefore = open;
    pool.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open).toBe(openBefore - 1);
  });
});
