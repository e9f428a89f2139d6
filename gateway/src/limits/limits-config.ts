import { isIP } from 'node:net';

/** What one operation and one request may ask of the gateway (plugins/use-limits.ts). */
export interface LimitsConfig {
  /** Deepest field nesting (GATEWAY_MAX_DEPTH). */
  maxDepth: number;
  /** Fields requested under an alias, a fragment once per selection set (GATEWAY_MAX_ALIASES). */
  maxAliases: number;
  /** Distinct response names at the operation's root (GATEWAY_MAX_ROOT_FIELDS). */
  maxRootFields: number;
  /** Lexical tokens of a document, counted before anything parses it (GATEWAY_MAX_TOKENS). */
  maxTokens: number;
  /** Estimated work: each field 1, times the size of every list around it; the costliest type over an interface or union (GATEWAY_MAX_COST). */
  maxCost: number;
  /** Assumed length of a list that no `first` / `last` / `limit` argument bounds (GATEWAY_DEFAULT_LIST_SIZE). */
  defaultListSize: number;
  /** Operations in one POST of a JSON array (GATEWAY_MAX_BATCH_SIZE); 1: no batching. */
  maxBatchSize: number;
}

/** Request budgets per fixed window of a minute (plugins/use-rate-limit.ts); 0 turns one off. */
export interface RateLimitConfig {
  /** Requests per minute of one signed-in account (GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE). */
  accountPerMinute: number;
  /** Anonymous requests per minute from one client address (GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE). */
  addressPerMinute: number;
  /** Client addresses never counted per address (GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES). */
  exemptAddresses: ReadonlySet<string>;
}

/**
 * The defaults. gateway/test/contract-operation-limits.test.ts measures the contract operations
 * against them: deepest 6, costliest 848 (1,807 with 100-item pages), longest 98 tokens, at
 * most 2 root fields, no aliases; GraphiQL's introspection query is 181 tokens.
 */
export const DEFAULT_LIMITS: Readonly<LimitsConfig> = Object.freeze({
  maxDepth: 10,
  maxAliases: 15,
  maxRootFields: 10,
  maxTokens: 1_000,
  maxCost: 5_000,
  defaultListSize: 10,
  maxBatchSize: 1,
});

export const DEFAULT_RATE_LIMITS = Object.freeze({ accountPerMinute: 600, addressPerMinute: 1_200 });

/** A laptop's own requests (the playground, scripts, benchmarks) are not counted per address outside production. */
const LOOPBACK = ['127.0.0.1', '::1'];

export function readLimitsConfig(env: NodeJS.ProcessEnv): Readonly<LimitsConfig> {
  return Object.freeze({
    maxDepth: integer(env, 'GATEWAY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1),
    maxAliases: integer(env, 'GATEWAY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0),
    maxRootFields: integer(env, 'GATEWAY_MAX_ROOT_FIELDS', DEFAULT_LIMITS.maxRootFields, 1),
    maxTokens: integer(env, 'GATEWAY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 1),
    maxCost: integer(env, 'GATEWAY_MAX_COST', DEFAULT_LIMITS.maxCost, 1),
    defaultListSize: integer(env, 'GATEWAY_DEFAULT_LIST_SIZE', DEFAULT_LIMITS.defaultListSize, 1),
    maxBatchSize: integer(env, 'GATEWAY_MAX_BATCH_SIZE', DEFAULT_LIMITS.maxBatchSize, 1),
  });
}

export function readRateLimitConfig(env: NodeJS.ProcessEnv, nodeEnv: string): Readonly<RateLimitConfig> {
  const exempt = env.GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES;
  return Object.freeze({
    accountPerMinute: integer(env, 'GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE', DEFAULT_RATE_LIMITS.accountPerMinute, 0),
    addressPerMinute: integer(env, 'GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE', DEFAULT_RATE_LIMITS.addressPerMinute, 0),
    // Unset: loopback outside production, nothing in production. Set (even to ''): exactly that list.
    exemptAddresses: exempt === undefined ? new Set(nodeEnv === 'production' ? [] : LOOPBACK) : addressList('GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES', exempt),
  });
}

function integer(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number): number {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${variable} must be an integer of at least ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function addressList(variable: string, raw: string): ReadonlySet<string> {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isIP(entry)) throw new Error(`${variable} must list IP addresses separated by commas, got ${JSON.stringify(entry)}`);
  }
  return new Set(entries);
}
