import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, redisAvailable } from '@govgraph/kit/testing';
import { submissionsSetup, type SubmissionsSetup } from '../../faults/fault-setups.js';
import { submissionsUnderKill } from '../../faults/submissions-under-kill.js';

/**
 * Issue 10's core fault at CI scale: 200 clients submit with idempotency keys and retries while
 * the applications process (on PostgreSQL, events on Redis) is SIGKILLed mid-stream and started
 * again; then its database is checked directly.
 */
describe.runIf((await postgresAvailable()) && (await redisAvailable()))('applications SIGKILLed while 200 clients submit', () => {
  let setup: SubmissionsSetup;
  beforeAll(async () => {
    setup = await submissionsSetup();
  }, 180_000);
  afterAll(async () => setup?.close());

  it('every acknowledged submission exists exactly once, complete; no key maps to two cases', async () => {
    const figures = await submissionsUnderKill(setup.target, { applicationsDatabaseUrl: setup.applicationsDatabaseUrl, clients: 200, perClient: 1, killAt: [0.3], downMs: 500 });
    console.log(JSON.stringify(figures));
    expect(figures.violations).toEqual([]);
    expect(figures.acknowledged).toBe(200);
    expect(figures.rows).toEqual({ cases: 200, duplicateKeys: 0, incomplete: 0 });
    // The kill really hit submissions in flight: some had to be retried.
    expect(figures.retriedSubmissions).toBeGreaterThan(0);
  }, 120_000);
});
