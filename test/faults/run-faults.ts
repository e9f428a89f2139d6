import { parseArgs } from 'node:util';
import { postgresAvailable, redisAvailable } from '@govgraph/kit/testing';
import { departmentKilled } from './department-killed.js';
import { eventsFlowAgain } from './events-flow.js';
import { departmentsSetup, infrastructurePossible, infrastructureSetup, submissionsSetup } from './fault-setups.js';
import { outageUnderLoad, outcomesOutside, redisReadyAgain, type OutageFigures } from './outage-under-load.js';
import { slowDepartment } from './slow-department.js';
import { submissionsUnderKill } from './submissions-under-kill.js';

/**
 * `npm run reliability:faults`: issue 10's fault scenarios at a larger scale than CI's
 * (test/e2e/faults), each on a graph of separate processes, printing the figures. Exits 1 when
 * any scenario saw a violation. `--only killed,slow,redis,postgres,sigkill` picks scenarios;
 * `--clients`, `--per-client` and `--concurrency` set the load.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'killed,slow,redis,postgres,sigkill' },
    clients: { type: 'string', default: '200' },
    'per-client': { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
  },
});
const only = new Set(values.only!.split(','));
const concurrency = Number(values.concurrency);
const failures: string[] = [];

function report(name: string, figures: object, extraViolations: string[] = []) {
  console.log(`\n=== ${name}`);
  console.log(JSON.stringify(figures, null, 1));
  const violations = [...((figures as { violations?: string[] }).violations ?? []), ...extraViolations];
  if (violations.length > 0) failures.push(...violations.map((v) => `${name}: ${v}`));
  console.log(violations.length === 0 ? `--- ${name}: passed` : `--- ${name}: FAILED\n  ${violations.join('\n  ')}`);
}

function outageReport(name: string, figures: OutageFigures, allowed: RegExp, recoveryBoundMs: number) {
  const { outcomes, window: _window, ...printed } = figures;
  const violations = [
    ...outcomesOutside(outcomes, allowed).map((v) => `unexpected outcome ${v}`),
    ...figures.processesChanged.map((name) => `${name}'s process changed or died`),
    ...(Number.isNaN(figures.recoveryMs) || figures.recoveryMs > recoveryBoundMs ? [`not whole again within ${recoveryBoundMs} ms (${figures.recoveryMs})`] : []),
  ];
  report(name, printed, violations);
}

if (only.has('killed') || only.has('slow')) {
  const setup = await departmentsSetup(400, 1_000);
  try {
    if (only.has('killed')) {
      report(
        'licences SIGKILLed 3 times under load',
        await departmentKilled(setup.target, { victim: 'licences', concurrency, beforeMs: 3_000, downMs: 5_000, afterMs: 6_000, kills: 3 }),
      );
    }
    if (only.has('slow')) {
      const figures = await slowDepartment(setup.target, {
        victim: 'licences',
        delayMs: 5_000,
        timeoutMs: setup.timeoutMs,
        breakerOpenMs: setup.breakerOpenMs,
        concurrency,
        phaseMs: 6_000,
        rounds: 3,
      });
      report('licences slow (5 s a request), 3 rounds under load', figures);
    }
  } finally {
    await setup.close();
  }
}

if (only.has('redis') || only.has('postgres')) {
  if (!infrastructurePossible()) {
    console.warn('\n  ⚠ SKIPPED: Redis and PostgreSQL restarts (no redis-server or PostgreSQL binaries here)');
  } else {
    const setup = await infrastructureSetup(1_000);
    try {
      if (only.has('redis')) {
        const figures = await outageUnderLoad(setup.target, {
          down: () => setup.redis.stop(),
          up: () => setup.redis.start(),
          concurrency,
          beforeMs: 3_000,
          downMs: 10_000,
          afterMs: 8_000,
        });
        // Documented: no request fails for Redis being down (memory fallbacks).
        outageReport('Redis stopped 10 s and started (empty) under load', figures, /^$/, 0);
        const ready = await redisReadyAgain(setup.target.graph.urls.gateway!);
        const flow = await eventsFlowAgain(setup.target, setup.databaseUrls.licences!);
        report(
          'after Redis came back: gateway ready on Redis, events flow between departments',
          { gatewayRedisReady: ready, ...flow },
          ready ? [] : ['the gateway did not report Redis ready again'],
        );
      }
      if (only.has('postgres')) {
        for (const mode of ['fast', 'immediate'] as const) {
          const figures = await outageUnderLoad(setup.target, {
            down: () => setup.postgres.stop(mode),
            up: () => setup.postgres.start(),
            concurrency,
            beforeMs: 3_000,
            downMs: 8_000,
            afterMs: 8_000,
          });
          outageReport(`PostgreSQL stopped (${mode}) 8 s and started under load`, figures, /^DOWNSTREAM_SERVICE_ERROR:(catalog|identity|licences|applications)$/, 3_000);
        }
      }
    } finally {
      await setup.close();
    }
  }
}

if (only.has('sigkill')) {
  if (!(await postgresAvailable()) || !(await redisAvailable())) {
    console.warn('\n  ⚠ SKIPPED: the SIGKILL scenario needs the shared PostgreSQL and Redis');
  } else {
    const setup = await submissionsSetup();
    try {
      const figures = await submissionsUnderKill(setup.target, {
        applicationsDatabaseUrl: setup.applicationsDatabaseUrl,
        clients: Number(values.clients),
        perClient: Number(values['per-client']),
        killAt: [0.2, 0.5, 0.8],
        downMs: 1_000,
        // Clients retry until they have an answer; a long bound only so a hang cannot last forever.
        giveUpMs: 300_000,
      });
      report(`applications SIGKILLed 3 times while ${values.clients} clients submit ${values['per-client']} each`, figures);
    } finally {
      await setup.close();
    }
  }
}

console.log(failures.length === 0 ? '\nreliability:faults — every scenario passed' : `\nreliability:faults — ${failures.length} violation(s):\n  ${failures.join('\n  ')}`);
process.exit(failures.length === 0 ? 0 : 1);
