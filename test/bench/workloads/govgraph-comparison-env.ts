import { join } from 'node:path';
import { KNOWN_SUBGRAPHS } from '@govgraph/kit';
import { testParties } from '@govgraph/kit/testing';

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

/**
 * Keys for a workload whose subgraphs check no signatures (the deep query), made under `dir`:
 * the gateway in production mode never creates its own key, and wants the public keys of the
 * parties it verifies in the trust list, so every party of the graph gets a fresh one there.
 */
export function unusedKeys(dir: string): { GOVGRAPH_KEYS_DIR: string; GOVGRAPH_TRUST_DIR: string } {
  const root = join(dir, 'govgraph-keys');
  testParties(['gateway', ...KNOWN_SUBGRAPHS], root);
  return { GOVGRAPH_KEYS_DIR: join(root, 'keys'), GOVGRAPH_TRUST_DIR: join(root, 'trust') };
}
