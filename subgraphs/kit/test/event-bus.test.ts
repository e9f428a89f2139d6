import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { FileEventBus, RedisEventBus, type BusEvent, type EventBus } from '../src/events/index.js';
import { REDIS_URL, redisAvailable } from '../src/testing/index.js';

const log = createLogger('test', 'silent');

async function until(condition: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
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
