import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG_CHANGED_STREAM, createEventBus, createLogger, sealEvent } from '@govgraph/kit';
import { testParties, writeRawEvent } from '@govgraph/kit/testing';
import { createResponseCache } from '../src/cache/create-response-cache.js';
import { counterValue, createGatewayMetrics } from '../src/metrics/gateway-metrics.js';
import { loadResponseCacheSettings } from '../src/observability/observability-config.js';

const log = createLogger('test', 'silent');
const parties = testParties(['gateway', 'catalog', 'licences']);

async function until(condition: () => boolean | Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the response cache listens to catalog-changed signed by the catalog only', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-gw-events-'));
  const metrics = createGatewayMetrics();
  // The catalog's side of the file bus first: the gateway joins the file once a department made it.
  const catalog = createEventBus({ redisPrefix: 'unused:', dataDir, log, party: parties.catalog });
  const cache = createResponseCache(
    {
      responseCache: loadResponseCacheSettings({}),
      redisUrl: undefined,
      redisPrefix: 'unused:',
      dataDir,
      subgraphUrls: { catalog: 'http://127.0.0.1:1/graphql' },
      party: parties.gateway,
    },
    { metrics, log },
  )!;
  afterAll(async () => {
    await cache.close();
    await catalog.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const generation = async () => (await cache.store.lookup('any', ['catalog'])).generations.catalog ?? 0;

  it("drops the catalog's answers on a signed event, and refuses and counts forged ones", async () => {
    cache.start();
    const raw = (text: string) => writeRawEvent({ dataDir }, CATALOG_CHANGED_STREAM, text);
    const later = new Date(Date.now() + 1_000).toISOString();
    // Unsigned, and a catalog envelope carrying a licences signature: neither drops anything.
    await raw(JSON.stringify({ reason: 'seeded', at: later }));
    await raw(
      JSON.stringify({ ...sealEvent(parties.catalog.keys, CATALOG_CHANGED_STREAM, { reason: 'seeded', at: later }).envelope, sig: parties.licences.keys.signCompact('x') }),
    );
    await until(async () => (await counterValue(metrics.eventsRefused, { stream: CATALOG_CHANGED_STREAM, reason: 'unsigned' })) === 1);
    await until(async () => (await counterValue(metrics.eventsRefused, { stream: CATALOG_CHANGED_STREAM, reason: 'unknown-key' })) === 1);
    expect(await generation()).toBe(0);

    await catalog.publish(CATALOG_CHANGED_STREAM, { reason: 'seeded', scale: 1, at: later });
    await until(async () => (await generation()) === 1);
    expect(await metrics.registry.metrics()).toContain('govgraph_events_refused_total{stream="catalog-changed",reason="unsigned"} 1');
  });
});
