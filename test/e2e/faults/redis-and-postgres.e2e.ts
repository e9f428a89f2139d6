import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsFlowAgain } from '../../faults/events-flow.js';
import { infrastructurePossible, infrastructureSetup, type InfrastructureSetup } from '../../faults/fault-setups.js';
import { outageUnderLoad, outcomesOutside, redisReadyAgain } from '../../faults/outage-under-load.js';

/**
 * Issue 10: Redis stopped and started, PostgreSQL restarted, under load, against the graph as
 * separate processes — every subgraph on a private PostgreSQL cluster (never the shared one) and
 * every process on a redis-server of the test's own.
 */
describe.runIf(infrastructurePossible())('Redis and PostgreSQL going away and coming back', () => {
  let setup: InfrastructureSetup;
  beforeAll(async () => {
    setup = await infrastructureSetup(1_000);
  }, 240_000);
  afterAll(async () => setup?.close());

  it('Redis stopped and started: no request fails meanwhile, and shared state and events go back to Redis by themselves', async () => {
    const figures = await outageUnderLoad(setup.target, { down: () => setup.redis.stop(), up: () => setup.redis.start(), downMs: 3_000, afterMs: 3_000 });
    const { outcomes, ...printed } = figures;
    console.log(JSON.stringify(printed));
    expect(figures.processesChanged).toEqual([]);
    for (const phase of ['before', 'down', 'after'] as const) {
      for (const [op, counts] of Object.entries(figures.phases[phase])) expect({ phase, op, counts }).toEqual({ phase, op, counts: { ok: expect.any(Number) } });
    }
    expect(await redisReadyAgain(setup.target.graph.urls.gateway!)).toBe(true);
    const flow = await eventsFlowAgain(setup.target, setup.databaseUrls.licences!);
    console.log(JSON.stringify(flow));
    expect(flow.violations).toEqual([]);
  }, 60_000);

  it('PostgreSQL restarted: meanwhile DOWNSTREAM_SERVICE_ERROR naming each department that needs it, the rest answers; whole again within seconds, nothing restarted', async () => {
    const figures = await outageUnderLoad(setup.target, { down: () => setup.postgres.stop('fast'), up: () => setup.postgres.start(), downMs: 3_000, afterMs: 5_000 });
    const { outcomes, ...printed } = figures;
    console.log(JSON.stringify(printed));
    expect(figures.processesChanged).toEqual([]);
    // Every department keeps its data in PostgreSQL here: each names itself, none hides behind INTERNAL_SERVER_ERROR.
    expect(outcomesOutside(outcomes, /^DOWNSTREAM_SERVICE_ERROR:(catalog|identity|licences|applications)$/)).toEqual([]);
    expect(figures.phases.down.SearchCatalog!['error DOWNSTREAM_SERVICE_ERROR:catalog']).toBeGreaterThan(0);
    expect(figures.recoveryMs).toBeLessThan(3_000);
    expect(figures.phases.after.MyHome!.ok).toBeGreaterThan(0);
  }, 60_000);
});
