import { randomBytes } from 'node:crypto';
import { KNOWN_SUBGRAPHS, subgraphEnvPrefix } from '@govgraph/kit';
import { createScratchSchema, POSTGRES_URL, REDIS_URL } from '@govgraph/kit/testing';
import { privatePostgresPossible, startPrivatePostgres, type PrivatePostgres } from '../src/private-postgres.js';
import { redisServerInstalled, startRedisServer, type OwnRedis } from '../src/redis-server.js';
import { startFaultGraph, type FaultGraph } from './fault-graph.js';

/** Gateway settings of the department scenarios: a short timeout and breaker for the proxied licences. */
export interface DepartmentsSetup {
  target: FaultGraph;
  timeoutMs: number;
  breakerOpenMs: number;
  close(): Promise<void>;
}

/** The graph as processes, licences behind a fault proxy (for killing it and slowing it). */
export async function departmentsSetup(timeoutMs = 400, breakerOpenMs = 1_000): Promise<DepartmentsSetup> {
  const target = await startFaultGraph({
    proxied: ['licences'],
    gatewayEnv: { LICENCES_TIMEOUT_MS: String(timeoutMs), GATEWAY_BREAKER_OPEN_MS: String(breakerOpenMs) },
  });
  return { target, timeoutMs, breakerOpenMs, close: () => target.close() };
}

export interface InfrastructureSetup {
  target: FaultGraph;
  redis: OwnRedis;
  postgres: PrivatePostgres;
  /** Each subgraph's database URL on the private cluster. */
  databaseUrls: Record<string, string>;
  close(): Promise<void>;
}

export const infrastructurePossible = () => redisServerInstalled() && privatePostgresPossible();

/**
 * The graph as processes with every subgraph on a private PostgreSQL cluster and every process on
 * a redis-server of its own — both may be stopped and started; the shared ones are never touched.
 */
export async function infrastructureSetup(breakerOpenMs = 1_000): Promise<InfrastructureSetup> {
  const [redis, postgres] = await Promise.all([startRedisServer(), startPrivatePostgres()]);
  try {
    const databaseUrls: Record<string, string> = {};
    for (const name of KNOWN_SUBGRAPHS) databaseUrls[name] = (await createScratchSchema(postgres.url)).url;
    const target = await startFaultGraph({
      env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'govgraph-faults:' },
      serviceEnv: Object.fromEntries(Object.entries(databaseUrls).map(([name, url]) => [name, { [`${subgraphEnvPrefix(name)}_DATABASE_URL`]: url }])),
      gatewayEnv: { GATEWAY_BREAKER_OPEN_MS: String(breakerOpenMs) },
    });
    return {
      target,
      redis,
      postgres,
      databaseUrls,
      async close() {
        await target.close();
        await redis.stop();
        await postgres.cleanup();
      },
    };
  } catch (error) {
    await redis.stop();
    await postgres.cleanup();
    throw error;
  }
}

export interface SubmissionsSetup {
  target: FaultGraph;
  applicationsDatabaseUrl: string;
  close(): Promise<void>;
}

/** The graph as processes, applications on a scratch schema of the shared PostgreSQL, events on the shared Redis (own prefix). */
export async function submissionsSetup(): Promise<SubmissionsSetup> {
  const scratch = await createScratchSchema(POSTGRES_URL);
  try {
    const target = await startFaultGraph({
      env: { REDIS_URL, REDIS_KEY_PREFIX: `govgraph-faults:${randomBytes(4).toString('hex')}:` },
      serviceEnv: { applications: { APPLICATIONS_DATABASE_URL: scratch.url } },
    });
    return {
      target,
      applicationsDatabaseUrl: scratch.url,
      async close() {
        await target.close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
