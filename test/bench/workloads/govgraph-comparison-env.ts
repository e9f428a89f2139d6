import { randomBytes } from 'node:crypto';

/**
 * The switches the comparison sets on govgraph's gateway, the same for both workloads. The
 * issue forbids response caching in the comparison, and per-account and per-address rate
 * limits would refuse a load generator; production mode otherwise (no playground, no
 * introspection), with trusted documents in `allow` so the benchmark's free documents (the
 * deep query) are served beside the trusted ones.
 */
export const GOVGRAPH_COMPARISON_ENV: Readonly<Record<string, string>> = Object.freeze({
  NODE_ENV: 'production',
  GATEWAY_RESPONSE_CACHE: 'off',
  GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
  GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
  GATEWAY_TRUSTED_DOCUMENTS: 'allow',
  // As shipped: one access-log line per request (to a file, see contenders/govgraph.ts).
  LOG_LEVEL: 'info',
  // Nothing sent anywhere: no traces even if the caller's environment has an endpoint.
  OTEL_SDK_DISABLED: 'true',
  APOLLO_TELEMETRY_DISABLED: 'true',
});

/** A fresh shared secret for a workload whose subgraphs check no signatures (the deep query). */
export function unusedSecret(): string {
  return randomBytes(32).toString('base64url');
}
