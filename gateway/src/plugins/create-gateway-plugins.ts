import type { Logger } from '@govgraph/kit';
import { isIdentityIssuer } from '../auth/token-verification-config.js';
import { createTokenVerifier, type TokenVerifier } from '../auth/verify-token.js';
import { EndedAuthorisations } from '../authorisations/ended-authorisations.js';
import { followEndedAuthorisations } from '../authorisations/follow-ended-authorisations.js';
import { createResponseCache } from '../cache/create-response-cache.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { knownOperationNames } from '../observability/operation-names.js';
import { annualReportDocuments } from '../reports/annual-report-operation.js';
import { apqStoreFor } from '../trusted-documents/apq-store.js';
import type { TrustedDocument } from '@govgraph/schema/governance';
import type { GatewayPlugin } from './gateway-plugin.js';
import { useAliasGuard } from './use-alias-guard.js';
import { useAuth } from './use-auth.js';
import { useEndedAuthorisations } from './use-ended-authorisations.js';
import { useLimits } from './use-limits.js';
import { useObservability } from './use-observability.js';
import { useRateLimit } from './use-rate-limit.js';
import { useTrustedDocuments } from './use-trusted-documents.js';

export interface GatewayPluginsDeps {
  log: Logger;
  metrics: GatewayMetrics;
  /** Replaces JWKS verification at config.jwksUrl (tests without an identity service). */
  verifyToken?: TokenVerifier;
  /** Where identity answers now: its list of ended authorisations is read from there. */
  identityUrl: () => string | undefined;
  /** The supergraph served now (the alias guard reads its keys and @requires). */
  supergraphSdl: () => string;
}

/**
 * The gateway's features as plugins, in the order every stage runs them (and the reverse of the
 * order they close): observability first, so its span covers the rest and its tracer is flushed
 * last; the token checks; limits before the rate limit, so a batch refused for its size is not
 * charged; the alias guard after them (it needs a parsed operation); trusted documents before the response cache (cache/create-response-cache.ts wraps
 * use-response-cache.ts with its store and event feed), which needs the document they fill in.
 * `CreateGatewayOptions.plugins` follow these (server.ts).
 */
export function createGatewayPlugins(config: GatewayConfig, deps: GatewayPluginsDeps): GatewayPlugin[] {
  const { log, metrics } = deps;
  const trusted = config.trustedDocuments;
  const responseCache = createResponseCache(config, { metrics, log });
  // The route's own operations are trusted documents, and so known names for the metrics' labels.
  const documents = withReportDocuments(trusted.documents);
  return [
    // Traces only when an OTLP endpoint is configured.
    useObservability({ metrics, tracing: config.tracing, log, knownOperations: knownOperationNames({ ...trusted, documents }) }),
    ...tokenChecks(config, deps),
    useLimits({ ...config.limits, metrics }),
    useAliasGuard({ supergraphSdl: deps.supergraphSdl }),
    // Budgets after auth (per account, else per address).
    useRateLimit({ ...config.rateLimit, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log, metrics }),
    useTrustedDocuments({ mode: trusted.mode, documents, apq: apqStoreFor(config, log), metrics }),
    ...(responseCache ? [responseCache.plugin] : []),
  ];
}

/**
 * Bearer tokens verified once, at the edge (none with GATEWAY_TOKEN_VERIFICATION=off: every caller
 * is anonymous). Tokens identity issued may act under an agent authorisation it can end: those
 * are checked against its list (src/authorisations/), which another issuer's tokens are not.
 */
function tokenChecks(config: GatewayConfig, deps: GatewayPluginsDeps): GatewayPlugin[] {
  if (!config.verifyTokens) return [];
  const verifyToken =
    deps.verifyToken ??
    createTokenVerifier({ jwksUrl: config.jwksUrl, issuer: config.jwt.issuer, audience: config.jwt.audience, maxLifetimeSeconds: config.maxTokenLifetimeSeconds });
  const auth = useAuth({ verifyToken });
  if (!isIdentityIssuer(config)) return [auth];
  const ended = new EndedAuthorisations();
  const feed = followEndedAuthorisations(config, { ended, identityUrl: deps.identityUrl, log: deps.log, eventsRefused: deps.metrics.eventsRefused });
  return [auth, useEndedAuthorisations({ ended, feed })];
}

/** The manifest's documents and the gateway's own report operations (reports/annual-report-operation.ts), which its /reports route sends. */
function withReportDocuments(documents: readonly TrustedDocument[]): TrustedDocument[] {
  const ids = new Set(documents.map((d) => d.id));
  return [...documents, ...annualReportDocuments().filter((d) => !ids.has(d.id))];
}
