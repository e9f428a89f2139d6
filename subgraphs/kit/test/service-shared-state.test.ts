import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_CHANGED_STREAM, type EventBus } from '../src/events/index.js';
import { createLogger } from '../src/logger.js';
import type { RateLimiter } from '../src/rate-limit/index.js';
import { startService, type ServiceDeps, type SubgraphService } from '../src/service.js';
import { testParties } from '../src/testing/parties.js';

const log = createLogger('catalog', 'silent');
const RULE = { limit: 10, windowSeconds: 60 };

/** A department that reads what `read` names from its deps, then fails to start when told to. */
function department(read: (deps: ServiceDeps<unknown>) => void, fail = false): SubgraphService<unknown> {
  return {
    name: 'catalog',
    department: 'test',
    migrations: {},
    buildSchema: () => Promise.reject(new Error('not needed')),
    async createServer(deps) {
      read(deps);
      if (fail) throw new Error('no start');
      return { listen: async () => ({ name: 'catalog', url: 'http://127.0.0.1:0', graphqlUrl: 'http://127.0.0.1:0/graphql', close: async () => {} }) };
    },
  };
}

function start(service: SubgraphService<unknown>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-shared-state-'));
  const config = { name: 'catalog', port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, redisUrl: undefined, redisPrefix: 'test:' };
  return { dataDir, started: startService(service, config, { party: testParties(['catalog']).catalog, log }) };
}

describe('the event bus and rate limiter the kit hands a department', () => {
  it('are opened only when the department reads them', async () => {
    const { dataDir, started } = start(department(() => {}));
    await (await started).running.close();
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(false);
  });

  it('are closed by the kit when the service stops: the department never closes them', async () => {
    let bus: EventBus | undefined;
    let rateLimiter: RateLimiter | undefined;
    const { dataDir, started } = start(department((deps) => ({ bus, rateLimiter } = deps)));
    const running = (await started).running;
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    await bus!.publish(CATALOG_CHANGED_STREAM, { reason: 'started', at: new Date().toISOString() });
    expect((await rateLimiter!.hit('login:x', RULE)).count).toBe(1);

    await running.close();
    await expect(bus!.publish(CATALOG_CHANGED_STREAM, { reason: 'started', at: new Date().toISOString() })).rejects.toThrow();
    expect((await rateLimiter!.peek('login:x')).count).toBe(0);
  });

  it('are closed when the department fails to start', async () => {
    let bus: EventBus | undefined;
    const { started } = start(department((deps) => ({ bus } = deps), true));
    await expect(started).rejects.toThrow('no start');
    await expect(bus!.publish(CATALOG_CHANGED_STREAM, { reason: 'started', at: new Date().toISOString() })).rejects.toThrow();
  });
});
