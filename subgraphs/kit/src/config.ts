import { resolve } from 'node:path';
import { loadTracingSettings, type TracingSettings } from './tracing/tracing-settings.js';
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
  /** OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT, …); none when absent or null. */
  tracing?: TracingSettings | null;
  /**
   * Apply pending migrations when the service starts (the default). Off (`<NAME>_MIGRATE_ON_START`
   * or `MIGRATE_ON_START` = false) for a deployment that runs `npm run migrate` before rolling
   * out: the service then refuses to start on a database that lacks a migration.
   */
  migrateOnStart?: boolean;
}

/** `<NAME>_MIGRATE_ON_START`, else `MIGRATE_ON_START`, else on: true/false (also on/off, 1/0). */
export function readMigrateOnStart(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): boolean {
  const own = `${subgraphEnvPrefix(name)}_MIGRATE_ON_START`;
  const variable = env[own] ? own : 'MIGRATE_ON_START';
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return true;
  if (['true', 'on', '1'].includes(raw)) return true;
  if (['false', 'off', '0'].includes(raw)) return false;
  throw new Error(`${variable} must be true or false, got ${JSON.stringify(env[variable])}`);
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
    tracing: loadTracingSettings(env, `govgraph-${name}`),
    migrateOnStart: readMigrateOnStart(name, env),
  };
}
