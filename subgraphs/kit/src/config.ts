import { resolve } from 'node:path';
import { GATEWAY_DEFAULT_PORT, SUBGRAPH_REGISTRY, subgraphEnvPrefix, type KnownSubgraphName, type SubgraphName } from './subgraph-registry.js';

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

/**
 * Default ports: the gateway's, and each registered subgraph's from `subgraphs/registry.json`
 * (4001-4004 for the known four, as docs/design.md lists them). Every one can be overridden, and 0 picks a free port.
 */
export const DEFAULT_PORTS: Readonly<Record<'gateway' | KnownSubgraphName, number> & Partial<Record<string, number>>> = Object.freeze({
  gateway: GATEWAY_DEFAULT_PORT,
  ...(Object.fromEntries(SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry.port])) as Record<KnownSubgraphName, number>),
});

/** Relative to where the user ran npm (INIT_CWD), not the workspace folder npm runs a script in. */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return resolve(env.INIT_CWD || process.cwd(), env.DATA_DIR || './data');
}

export function subgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const prefix = subgraphEnvPrefix(name);
  const fallback = DEFAULT_PORTS[name];
  if (fallback === undefined && !env[`${prefix}_PORT`]) {
    throw new Error(`${name} is not in subgraphs/registry.json: set ${prefix}_PORT, or register it (npm run new-subgraph does)`);
  }
  return {
    name,
    port: readPort(env, `${prefix}_PORT`, fallback ?? 0),
    host: env.HOST || '127.0.0.1',
    dataDir: dataDirFrom(env),
    databaseUrl: env[`${prefix}_DATABASE_URL`] || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_KEY_PREFIX || 'govgraph:',
  };
}
