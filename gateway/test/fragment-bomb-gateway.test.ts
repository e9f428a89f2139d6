import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits/limits-config.js';
import type { RunningGateway } from '../src/server.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

/** `fragment F0 on Query { ...F1 ...F1 }` … `levels` deep: 2^levels paths, a kilobyte or two. */
function fragmentBomb(levels: number): string {
  const parts = ['query Bomb { ...F0 }'];
  for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on Query { __typename }`);
  return parts.join('\n');
}

/**
 * The gateway as an anonymous attacker meets it: fragment bombs fired together must be refused
 * with a coded error, and must not stop the gateway answering /healthz (the old measure walked
 * every path: 30 levels blocked the event loop for many minutes). No subgraph is called.
 */
describe('fragment bombs against a running gateway', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'development' });
  });
  afterAll(async () => gateway?.close());

  it('refuses each with LIMIT_EXCEEDED (cost) and answers /healthz promptly while they are sent', async () => {
    const started = performance.now();
    const bombs = [30, 60, 30, 60, 30, 60, 30, 60].map((levels) => postGraphQL(gateway, { query: fragmentBomb(levels) }));
    const health = await fetch(`${gateway.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    const healthMs = performance.now() - started;
    const answers = await Promise.all(bombs);
    const allMs = performance.now() - started;
    console.log(`8 fragment bombs answered in ${allMs.toFixed(0)} ms; /healthz among them in ${healthMs.toFixed(0)} ms`);

    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1_000);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost', max: DEFAULT_LIMITS.maxCost });
    }
    expect(allMs).toBeLessThan(2_000);
  });
});
