import { resolve } from 'node:path';

/** Reads a port (0 allowed: pick a free one), failing loudly on garbage. */
export function readPort(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${variable} must be a port number 0-65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}

export interface SubgraphConfig {
  name: string;
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set, SQLite in dataDir otherwise. */
  databaseUrl: string | undefined;
  /** Shared state (rate limits, …) in Redis when set, in memory otherwise. */
  redisUrl: string | undefined;
  /** Namespace of every Redis key, so several graphs (or test runs) can share one Redis. */
  redisPrefix: string;
}

/** Default ports from DESIGN.md; every one can be overridden, and 0 picks a free port. */
export const DEFAULT_PORTS = { gateway: 4000, catalog: 4001, identity: 4002, licences: 4003, applications: 4004 } as const;
export type SubgraphName = Exclude<keyof typeof DEFAULT_PORTS, 'gateway'>;

/** Relative to where the user ran npm (INIT_CWD), not the workspace folder npm runs a script in. */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return resolve(env.INIT_CWD || process.cwd(), env.DATA_DIR || './data');
}

export function subgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const prefix = name.toUpperCase();
  return {
    name,
    port: readPort(env, `${prefix}_PORT`, DEFAULT_PORTS[name]),
    host: env.HOST || '127.0.0.1',
    dataDir: dataDirFrom(env),
    databaseUrl: env[`${prefix}_DATABASE_URL`] || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_KEY_PREFIX || 'govgraph:',
  };
}
