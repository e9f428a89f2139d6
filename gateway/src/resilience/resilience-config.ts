import { subgraphVariableIn } from '../subgraph-config/subgraph-variables.js';
import type { ResilienceSettings } from './subgraph-link.js';

/** An idle kept-alive connection to a subgraph is closed after 30 s (kit subgraphs keep theirs 65 s). */
export const SUBGRAPH_IDLE_MS = 30_000;

/**
 * GATEWAY_SUBGRAPH_RETRIES (2), GATEWAY_SUBGRAPH_RETRY_DELAY_MS (50), GATEWAY_BREAKER_FAILURES (5),
 * GATEWAY_BREAKER_OPEN_MS (5000), GATEWAY_SUBGRAPH_MAX_CONNECTIONS (32), and `SUBGRAPH_<NAME>_TIMEOUT_MS`
 * for each subgraph over GATEWAY_SUBGRAPH_TIMEOUT_MS (a department may say LICENCES_TIMEOUT_MS:
 * subgraph-config/subgraph-variables.ts).
 */
export function loadResilienceSettings(env: NodeJS.ProcessEnv, subgraphNames: Iterable<string>, timeoutMs: number): Readonly<ResilienceSettings> {
  const timeoutsMs: Record<string, number> = {};
  for (const name of subgraphNames) {
    const variable = subgraphVariableIn(env, name, 'TIMEOUT_MS');
    if (variable) timeoutsMs[name] = integer(env, variable, timeoutMs, 1);
  }
  return Object.freeze({
    timeoutMs,
    timeoutsMs: Object.freeze(timeoutsMs),
    retries: integer(env, 'GATEWAY_SUBGRAPH_RETRIES', 2, 0, 10),
    retryDelayMs: integer(env, 'GATEWAY_SUBGRAPH_RETRY_DELAY_MS', 50, 1),
    breakerFailures: integer(env, 'GATEWAY_BREAKER_FAILURES', 5, 1),
    breakerOpenMs: integer(env, 'GATEWAY_BREAKER_OPEN_MS', 5_000, 1),
    maxConnections: integer(env, 'GATEWAY_SUBGRAPH_MAX_CONNECTIONS', 32, 1),
    idleMs: SUBGRAPH_IDLE_MS,
  });
}

function integer(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new Error(`${variable} must be ${range}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
