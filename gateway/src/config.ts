import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTHORISATION_ENDED_STREAM, CATALOG_CHANGED_STREAM, DEFAULT_PORTS, KNOWN_SUBGRAPHS, dataDirFrom, publishersOf, readPort, subgraphEnvPrefix } from '@govgraph/kit';
import { keyLocationsFrom, loadPartyCredentials, type PartyCredentials } from '@govgraph/kit/trust';
import { JWKS_PATH, JWT_AUDIENCE, JWT_ISSUER } from './auth-constants.js';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/token-lifetime.js';
import { loadResponseCacheSettings, loadTracingSettings, type ResponseCacheSettings, type TracingSettings } from './observability/observability-config.js';
import { corsOriginsFrom } from './http/cors.js';
import { loadResilienceSettings } from './resilience/resilience-config.js';
import type { ResilienceSettings } from './resilience/subgraph-link.js';
import { readLimitsConfig, readRateLimitConfig, type LimitsConfig, type RateLimitConfig } from './limits/limits-config.js';
import { readOnOff } from './on-off-setting.js';
import { loadRegistrySettings, type RegistrySettings } from './registry/registry-config.js';
import { readRoutingUrls } from './supergraph-routing.js';
import { loadTrustedDocumentsConfig, type TrustedDocumentsConfig } from './trusted-documents/trusted-documents-config.js';

export interface GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  nodeEnv: string;
  supergraphPath: string;
  supergraphSdl: string;
  /** Subgraph name → GraphQL URL, for every subgraph of the supergraph (and the four known ones). */
  subgraphUrls: Readonly<Record<string, string>>;
  jwksUrl: string;
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
  /** Per-subgraph timeouts (<NAME>_TIMEOUT_MS), retries, circuit breakers, connection pools. */
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
   * Whose executor runs the query plans (GATEWAY_EXECUTOR): `govgraph` (default; execute/, the
   * same answers for less work) or `apollo` (@apollo/gateway's own). Process-wide.
   */
  executor: 'govgraph' | 'apollo';
  /** Origins whose pages may read the gateway's answers (GATEWAY_CORS_ORIGINS); none by default. */
  corsOrigins: ReadonlySet<string>;
  /** How long close() lets requests in flight finish before cutting them (GATEWAY_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
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
  const subgraphUrls = resolveSubgraphUrls(env, readRoutingUrls(supergraphSdl));
  const identityUrl = subgraphUrls.identity!;
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
    jwksUrl: env.JWKS_URL ? httpUrl(env, 'JWKS_URL') : jwksUrlOf(identityUrl),
    jwt: Object.freeze({ issuer: JWT_ISSUER, audience: JWT_AUDIENCE }),
    maxTokenLifetimeSeconds: positiveInteger(env, 'GATEWAY_MAX_TOKEN_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    // It verifies the catalog's `catalog-changed` and identity's `authorisation-ended` events.
    party: loadPartyCredentials('gateway', keyLocationsFrom(env, dataDir), [...publishersOf(CATALOG_CHANGED_STREAM), ...publishersOf(AUTHORISATION_ENDED_STREAM)]),
    maxBodyBytes: positiveInteger(env, 'GATEWAY_MAX_BODY_BYTES', 1024 * 1024),
    maxUploadBytes: positiveInteger(env, 'GATEWAY_MAX_UPLOAD_BYTES', DEFAULT_MAX_UPLOAD_BYTES),
    documentsUrl: besideGraphql(subgraphUrls.applications!, '/documents'),
    subgraphTimeoutMs,
    resilience: loadResilienceSettings(env, Object.keys(subgraphUrls), subgraphTimeoutMs),
    batchEntityFetches: readOnOff(env, 'GATEWAY_BATCH_ENTITY_FETCHES', true),
    sharePublicFetches: readOnOff(env, 'GATEWAY_SHARE_PUBLIC_FETCHES', true),
    dedupeRepresentations: readOnOff(env, 'GATEWAY_DEDUPE_REPRESENTATIONS', true),
    executor: executorFrom(env),
    corsOrigins: corsOriginsFrom(env),
    shutdownGraceMs: positiveInteger(env, 'GATEWAY_SHUTDOWN_GRACE_MS', 10_000),
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

/** Identity serves its keys beside its GraphQL endpoint: <base>/.well-known/jwks.json. */
function jwksUrlOf(identityGraphqlUrl: string): string {
  return besideGraphql(identityGraphqlUrl, JWKS_PATH);
}

/** A path served beside a subgraph's GraphQL endpoint: http://host:4004/graphql -> http://host:4004<path>. */
function besideGraphql(graphqlUrl: string, path: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, '').replace(/\/+$/, '') + path;
}

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`SUPERGRAPH_PATH: cannot read the supergraph at ${path} (${reason}); compose it first or set SUPERGRAPH_PATH`);
  }
}

/** <NAME>_URL wins, then <NAME>_PORT on 127.0.0.1, then the supergraph's routing URL. */
function resolveSubgraphUrls(env: NodeJS.ProcessEnv, routing: Record<string, string>): Record<string, string> {
  const urls: Record<string, string> = {};
  const names = new Set<string>([...KNOWN_SUBGRAPHS, ...Object.keys(routing)]);
  for (const name of names) {
    const prefix = subgraphEnvPrefix(name);
    const fallbackPort = (DEFAULT_PORTS as Record<string, number>)[name];
    if (env[`${prefix}_URL`]) {
      urls[name] = httpUrl(env, `${prefix}_URL`);
    } else if (env[`${prefix}_PORT`]) {
      urls[name] = `http://127.0.0.1:${readPort(env, `${prefix}_PORT`, fallbackPort ?? 0)}/graphql`;
    } else if (routing[name]) {
      urls[name] = routing[name]!;
    } else if (fallbackPort !== undefined) {
      urls[name] = `http://127.0.0.1:${fallbackPort}/graphql`;
    }
  }
  return urls;
}

function httpUrl(env: NodeJS.ProcessEnv, variable: string): string {
  const raw = env[variable] ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return url.toString();
}

function ipList(env: NodeJS.ProcessEnv, variable: string): ReadonlySet<string> {
  const entries = (env[variable] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
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
