import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTHORISATION_ENDED_STREAM, CATALOG_CHANGED_STREAM, DEFAULT_PORTS, SUBGRAPH_REGISTRY, dataDirFrom, publishersOf, readPort } from '@govgraph/kit';
import { keyLocationsFrom, loadPartyCredentials, type PartyCredentials } from '@govgraph/kit/trust';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/token-lifetime.js';
import { loadTokenVerification } from './auth/token-verification-config.js';
import { loadResponseCacheSettings, loadTracingSettings, type ResponseCacheSettings, type TracingSettings } from './observability/observability-config.js';
import { corsOriginsFrom } from './http/cors.js';
import { loadResilienceSettings } from './resilience/resilience-config.js';
import type { ResilienceSettings } from './resilience/subgraph-link.js';
import { readLimitsConfig, readRateLimitConfig, type LimitsConfig, type RateLimitConfig } from './limits/limits-config.js';
import { readOnOff } from './on-off-setting.js';
import { loadRegistrySettings, type RegistrySettings } from './registry/registry-config.js';
import { readSubgraphTrust, resolveSubgraphUrl, type SubgraphTrustSettings } from './subgraph-config/subgraph-settings.js';
import { checkDistinctPrefixes } from './subgraph-config/subgraph-variables.js';
import { readRoutingUrls } from './supergraph-routing.js';
import { loadTrustedDocumentsConfig, type TrustedDocumentsConfig } from './trusted-documents/trusted-documents-config.js';
import { besideGraphql } from './url-setting.js';

export interface GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  nodeEnv: string;
  supergraphPath: string;
  supergraphSdl: string;
  /**
   * Subgraph name → GraphQL URL, for every subgraph of the supergraph and every department of
   * subgraphs/registry.json: SUBGRAPH_<NAME>_URL or _PORT (a department's <NAME>_URL or _PORT too),
   * else the routing URL (subgraph-config/subgraph-settings.ts).
   */
  subgraphUrls: Readonly<Record<string, string>>;
  /**
   * Per subgraph, what the environment says about signing, claims and the Authorization header
   * (SUBGRAPH_<NAME>_SIGN, _CLAIMS, _FORWARD_AUTHORIZATION); resolveSubgraphTrust fills in the defaults.
   */
  subgraphTrust: Readonly<Record<string, SubgraphTrustSettings>>;
  /** Bearer tokens checked at the edge (GATEWAY_TOKEN_VERIFICATION, on); off only acknowledged in production. */
  verifyTokens: boolean;
  /** Where token keys come from (JWKS_URL; identity's by default). */
  jwksUrl: string;
  /** The issuer and audience a token must name (GATEWAY_TOKEN_ISSUER, GATEWAY_TOKEN_AUDIENCE; identity's by default). */
  jwt: { issuer: string; audience: string };
  /** Longest a bearer token may claim to live, exp − iat, in seconds (GATEWAY_MAX_TOKEN_LIFETIME_SECONDS; identity issues one-hour tokens). */
  maxTokenLifetimeSeconds: number;
  /**
   * The gateway's own Ed25519 key (signs every request to a subgraph; subgraphs hold only its
   * public half) and the trust list (the catalog's and identity's keys verify their events). GOVGRAPH_KEYS_DIR,
   * GOVGRAPH_TRUST_DIR; created on first start in development, required in production.
   */
  party: PartyCredentials;
  maxBodyBytes: number;
  /** Largest document upload (GATEWAY_MAX_UPLOAD_BYTES): refused from Content-Length, or cut off while streaming. */
  maxUploadBytes: number;
  /** The applications subgraph's documents endpoint, beside its GraphQL endpoint. */
  documentsUrl: string;
  /** A subgraph that has not answered by then counts as down (partial result). */
  subgraphTimeoutMs: number;
  /** Per-subgraph timeouts (SUBGRAPH_<NAME>_TIMEOUT_MS), retries, circuit breakers, connection pools. */
  resilience: Readonly<ResilienceSettings>;
  /**
   * `_entities` fetches one request sends to one subgraph at the same moment go as one request
   * (GATEWAY_BATCH_ENTITY_FETCHES, on by default; engine/fetch/entity-batch.ts).
   */
  batchEntityFetches: boolean;
  /**
   * Identical anonymous queries to one subgraph in flight at the same time share one fetch
   * (GATEWAY_SHARE_PUBLIC_FETCHES, on by default; engine/fetch/shared-fetches.ts).
   */
  sharePublicFetches: boolean;
  /**
   * An `_entities` fetch sends each distinct representation once and fans the answer back out
   * (GATEWAY_DEDUPE_REPRESENTATIONS, on by default; engine/fetch/entity-dedupe.ts).
   */
  dedupeRepresentations: boolean;
  /**
   * Whose executor runs the query plans (GATEWAY_EXECUTOR): `govgraph` (default; engine/execute/, the
   * same answers for less work) or `apollo` (@apollo/gateway's own). Process-wide.
   */
  executor: 'govgraph' | 'apollo';
  /** Origins whose pages may read the gateway's answers (GATEWAY_CORS_ORIGINS); none by default. */
  corsOrigins: ReadonlySet<string>;
  /** How long close() lets requests in flight finish before cutting them (GATEWAY_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** How often identity's list of ended agent authorisations is read again, under the events (GATEWAY_ENDED_AUTHORISATIONS_REFRESH_MS). */
  endedAuthorisationsRefreshMs: number;
  /** Reverse proxies whose X-Forwarded-For is believed (GATEWAY_TRUSTED_PROXIES, comma-separated IPs). */
  trustedProxies: ReadonlySet<string>;
  /** Shared gateway state (the supergraph registry) in Redis when set; in memory otherwise. */
  redisUrl: string | undefined;
  /** Namespace of every Redis key (REDIS_KEY_PREFIX): gateways on one prefix share one registry. */
  redisPrefix: string;
  /** The registry's credential file (without Redis), data-sharing policy (GATEWAY_DATA_POLICY) and history (GATEWAY_REGISTRY_HISTORY). */
  registry: Readonly<RegistrySettings>;
  /** Depth, aliases, root fields, tokens, cost and batch size of a request (GATEWAY_MAX_*, GATEWAY_DEFAULT_LIST_SIZE). */
  limits: Readonly<LimitsConfig>;
  /** Requests per minute per account and per client address (GATEWAY_RATE_LIMIT_*); shared through Redis when set. */
  rateLimit: Readonly<RateLimitConfig>;
  /** Trusted documents and APQ (GATEWAY_TRUSTED_DOCUMENTS, …_MANIFEST, GATEWAY_APQ_*), with the manifest's documents read and checked. */
  trustedDocuments: Readonly<TrustedDocumentsConfig>;
  /** Public answers cached (GATEWAY_RESPONSE_CACHE, GATEWAY_RESPONSE_CACHE_MEMORY_MB); in Redis when REDIS_URL is set. */
  responseCache: Readonly<ResponseCacheSettings>;
  /** OpenTelemetry traces over OTLP/HTTP, only when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set; null otherwise. */
  tracing: Readonly<TracingSettings> | null;
}

/** The committed supergraph, found from this file so the gateway starts from any directory. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
/** 20 MiB: a scanned licence or a phone photo with room to spare. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Reads and validates the environment once; throws naming the variable that is wrong. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): Readonly<GatewayConfig> {
  const dataDir = dataDirFrom(env);
  const supergraphPath = env.SUPERGRAPH_PATH ? resolve(env.SUPERGRAPH_PATH) : DEFAULT_SUPERGRAPH_PATH;
  const supergraphSdl = readSupergraph(supergraphPath);
  const routing = readRoutingUrls(supergraphSdl);
  const subgraphNames = [...new Set([...SUBGRAPH_REGISTRY.map((entry) => entry.name), ...Object.keys(routing)])];
  checkDistinctPrefixes(subgraphNames);
  const subgraphUrls = resolveSubgraphUrls(env, subgraphNames, routing);
  const subgraphTimeoutMs = positiveInteger(env, 'GATEWAY_SUBGRAPH_TIMEOUT_MS', 10_000);
  const nodeEnv = env.NODE_ENV || 'development';
  return Object.freeze({
    port: readPort(env, 'GATEWAY_PORT', DEFAULT_PORTS.gateway),
    host: env.HOST || '127.0.0.1',
    dataDir,
    nodeEnv,
    supergraphPath,
    supergraphSdl,
    subgraphUrls: Object.freeze(subgraphUrls),
    subgraphTrust: Object.freeze(Object.fromEntries(subgraphNames.map((name) => [name, readSubgraphTrust(env, name)]))),
    ...loadTokenVerification(env, nodeEnv, subgraphUrls.identity!),
    maxTokenLifetimeSeconds: positiveInteger(env, 'GATEWAY_MAX_TOKEN_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    // It verifies the catalog's `catalog-changed` and identity's `authorisation-ended` events.
    party: loadPartyCredentials('gateway', keyLocationsFrom(env, dataDir), [...publishersOf(CATALOG_CHANGED_STREAM), ...publishersOf(AUTHORISATION_ENDED_STREAM)]),
    maxBodyBytes: positiveInteger(env, 'GATEWAY_MAX_BODY_BYTES', 1024 * 1024),
    maxUploadBytes: positiveInteger(env, 'GATEWAY_MAX_UPLOAD_BYTES', DEFAULT_MAX_UPLOAD_BYTES),
    documentsUrl: besideGraphql(subgraphUrls.applications!, '/documents'),
    subgraphTimeoutMs,
    resilience: loadResilienceSettings(env, subgraphNames, subgraphTimeoutMs),
    batchEntityFetches: readOnOff(env, 'GATEWAY_BATCH_ENTITY_FETCHES', true),
    sharePublicFetches: readOnOff(env, 'GATEWAY_SHARE_PUBLIC_FETCHES', true),
    dedupeRepresentations: readOnOff(env, 'GATEWAY_DEDUPE_REPRESENTATIONS', true),
    executor: executorFrom(env),
    corsOrigins: corsOriginsFrom(env),
    shutdownGraceMs: positiveInteger(env, 'GATEWAY_SHUTDOWN_GRACE_MS', 10_000),
    endedAuthorisationsRefreshMs: positiveInteger(env, 'GATEWAY_ENDED_AUTHORISATIONS_REFRESH_MS', 30_000),
    trustedProxies: ipList(env, 'GATEWAY_TRUSTED_PROXIES'),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_KEY_PREFIX || 'govgraph:',
    registry: Object.freeze(loadRegistrySettings(env, { dataDir, supergraphPath })),
    limits: readLimitsConfig(env),
    rateLimit: readRateLimitConfig(env, nodeEnv),
    trustedDocuments: loadTrustedDocumentsConfig(env, nodeEnv),
    responseCache: Object.freeze(loadResponseCacheSettings(env)),
    tracing: loadTracingSettings(env),
  });
}

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`SUPERGRAPH_PATH: cannot read the supergraph at ${path} (${reason}); compose it first or set SUPERGRAPH_PATH`);
  }
}

/** Every subgraph's URL that can be known (subgraph-config/subgraph-settings.ts); a department always has one. */
function resolveSubgraphUrls(env: NodeJS.ProcessEnv, names: readonly string[], routing: Record<string, string>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of names) {
    const url = resolveSubgraphUrl(env, name, routing[name]);
    if (url !== undefined) urls[name] = url;
  }
  return urls;
}

function ipList(env: NodeJS.ProcessEnv, variable: string): ReadonlySet<string> {
  const entries = (env[variable] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isIP(entry)) throw new Error(`${variable} must list IP addresses separated by commas, got ${JSON.stringify(entry)}`);
  }
  return new Set(entries);
}

function executorFrom(env: NodeJS.ProcessEnv): GatewayConfig['executor'] {
  const raw = (env.GATEWAY_EXECUTOR ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'govgraph') return 'govgraph';
  if (raw === 'apollo') return 'apollo';
  throw new Error(`GATEWAY_EXECUTOR must be govgraph or apollo, got ${JSON.stringify(env.GATEWAY_EXECUTOR)}`);
}

function positiveInteger(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${variable} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}
