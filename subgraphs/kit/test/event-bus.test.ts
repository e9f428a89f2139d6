import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { connectRedis } from '../src/redis.js';
import { FileEventBus, RedisEventBus, type BusEvent, type EventBus } from '../src/events/index.js';
import { REDIS_URL, redisAvailable } from '../src/testing/index.js';

const log = createLogger('test', 'silent');

async function until(condition: () => boolean | Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Two buses stand for two processes: what one publishes, the other consumes once, in order, even after a failure. */
function busContract(open: () => { publisher: EventBus; consumer: EventBus }) {
  const buses: EventBus[] = [];
  afterAll(async () => Promise.all(buses.map((b) => b.close())));

  it('delivers in order across processes and redelivers after a failed handler', async () => {
    const { publisher, consumer } = open();
    buses.push(publisher, consumer);
    const seen: BusEvent[] = [];
    let failOnce = true;
    consumer.subscribe('orders', 'identity', async (event) => {
      if (failOnce && (event.payload as { n: number }).n === 2) {
        failOnce = false;
        throw new Error('transient');
      }
      seen.push(event);
    });
    for (const n of [1, 2, 3]) await publisher.publish('orders', { n });
    await until(() => seen.length >= 3);
    expect(seen.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(3);
  });
}

describe('file event bus (the embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-bus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  busContract(() => ({ publisher: new FileEventBus(dir, log), consumer: new FileEventBus(dir, log) }));
});

describe.runIf(await redisAvailable())('Redis event bus', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  busContract(() => ({ publisher: new RedisEventBus(REDIS_URL, prefix, log), consumer: new RedisEventBus(REDIS_URL, prefix, log) }));
});

describe.runIf(await redisAvailable())('Redis event bus after Redis lost its data (a restart without persistence)', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  const buses: EventBus[] = [];
  afterAll(async () => Promise.all(buses.map((b) => b.close())));

  it('makes its consumer group again and goes on delivering', async () => {
    const publisher = new RedisEventBus(REDIS_URL, prefix, log);
    const consumer = new RedisEventBus(REDIS_URL, prefix, log);
    buses.push(publisher, consumer);
    const seen: number[] = [];
    consumer.subscribe('orders', 'identity', async (event) => void seen.push((event.payload as { n: number }).n));
    await publisher.publish('orders', { n: 1 });
    await until(() => seen.length === 1);

    // Only this test's own key: the stream and its consumer group vanish, as on an empty restart.
    const admin = connectRedis(REDIS_URL, log);
    await admin.ready;
    await admin.client.del(`${prefix}orders`);
    await admin.close();

    await publisher.publish('orders', { n: 2 });
    await until(() => seen.length === 2, 8_000);
    expect(seen).toEqual([1, 2]);
  });
});

describe.runIf(hasRedisServer())('Redis event bus while Redis is away', () => {
  const buses: EventBus[] = [];
  let server: ChildProcess | undefined;
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    server?.kill('SIGKILL');
  });

  it('keeps what is published meanwhile and publishes it, in order, once Redis is back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    server = await startRedisServer(port);
    const publisher = new RedisEventBus(url, 'away:', log);
    const consumer = new RedisEventBus(url, 'away:', log);
    buses.push(publisher, consumer);
    const seen: number[] = [];
    consumer.subscribe('decisions', 'licences', async (event) => void seen.push((event.payload as { n: number }).n));
    await publisher.publish('decisions', { n: 1 });
    await until(() => seen.length === 1);

    await stopRedisServer(server);
    // Published while Redis is down: neither thrown nor lost.
    expect(await publisher.publish('decisions', { n: 2 })).toMatch(/^pending:/);
    expect(await publisher.publish('decisions', { n: 3 })).toMatch(/^pending:/);

    server = await startRedisServer(port); // empty, as a restart without persistence
    await until(() => seen.length === 3, 15_000);
    expect(seen).toEqual([1, 2, 3]);
  });
});

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await until(async () => {
    const probe = connectRedis(url, createLogger('probe', 'silent'));
    await probe.ready;
    const up = probe.client.isReady;
    await probe.close();
    return up;
  }, 5_000);
  return child;
}

async function stopRedisServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
