import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * The graph a hostile run attacks: the real services with their logs captured. The per-account
 * rate limit is lifted so that inputs reach the resolvers instead of stopping at a 429 after
 * the first 600 of a minute (rate limiting has its own tests).
 */
export function startHostileGraph(options: { postgresUrl?: string } = {}): Promise<GraphHarness> {
  return startGraph({ captureLogs: true, postgresUrl: options.postgresUrl, gatewayEnv: { GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' } });
}
