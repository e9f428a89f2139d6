import { ErrorCode, MemoryRateLimiter, createRateLimiter, isOver, type Logger, type RateLimiter, type RateRule } from '@govgraph/kit';
import type { GatewayContext } from '../context.js';
import type { RateLimitConfig } from '../limits/limits-config.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { RequestRefusal, type GatewayPlugin } from './gateway-plugin.js';

export type RateLimitScope = 'account' | 'address';

export interface UseRateLimitOptions extends RateLimitConfig {
  /** Counters in Redis when set: every gateway process on one prefix spends one budget. Memory otherwise. */
  redisUrl?: string | undefined;
  /** Namespace of the counters' keys (config.redisPrefix). */
  redisPrefix: string;
  log: Logger;
  /** Counts refusals by scope. */
  metrics?: Pick<GatewayMetrics, 'rateLimitRejections'>;
  /** Counters to use instead of creating them from redisUrl (left open when the gateway stops). */
  limiter?: RateLimiter;
}

const WINDOW_SECONDS = 60;

/**
 * Request budgets per fixed minute, counted at the HTTP layer after auth and before the body is
 * read: a signed-in request spends its account's budget (`claims.accountId`), an anonymous one its
 * client address's (`context.clientAddress`, which honours GATEWAY_TRUSTED_PROXIES); a batch of n
 * operations spends n, the n − 1 beyond the first once the body is read (`onOperations`). Over budget
 * → HTTP 429, RATE_LIMITED with `retryAfterSeconds` and `scope`, and a Retry-After header.
 *
 * With Redis the counters are shared by every gateway process on the same prefix (INCRBY and
 * PEXPIRE in one Lua script, @govgraph/kit's RedisRateLimiter). If Redis is down or slow, this
 * process counts in its own memory until Redis answers again — requests never fail for it, and
 * the outage is logged once.
 */
export function useRateLimit(options: UseRateLimitOptions): GatewayPlugin {
  const rules: Record<RateLimitScope, RateRule> = {
    account: { limit: options.accountPerMinute, windowSeconds: WINDOW_SECONDS },
    address: { limit: options.addressPerMinute, windowSeconds: WINDOW_SECONDS },
  };
  const log = options.log.child({ component: 'rate-limit' });
  const prefix = `${options.redisPrefix}gateway:rate:`;
  let limiter = options.limiter;
  // Created on first use (normally as the plugin starts), so a gateway that never listens opens no connection.
  const counters = () => (limiter ??= createRateLimiter({ redisUrl: options.redisUrl, prefix, log }));

  function budgetOf(context: GatewayContext): { scope: RateLimitScope; key: string } | undefined {
    if (context.claims) {
      return options.accountPerMinute > 0 ? { scope: 'account', key: `account:${context.claims.accountId}` } : undefined;
    }
    const address = context.clientAddress;
    if (!address || options.addressPerMinute === 0 || options.exemptAddresses.has(address)) return undefined;
    return { scope: 'address', key: `address:${address}` };
  }

  async function charge(context: GatewayContext, weight: number): Promise<void> {
    const budget = budgetOf(context);
    if (!budget) return;
    const rule = rules[budget.scope];
    const state = await counters().hit(budget.key, rule, weight);
    if (!isOver(state, rule)) return;
    options.metrics?.rateLimitRejections.inc({ scope: budget.scope });
    const retryAfterSeconds = Math.max(1, state.resetInSeconds);
    context.log.debug({ scope: budget.scope, count: state.count, limit: rule.limit }, 'rate limited');
    throw new RequestRefusal(
      429,
      ErrorCode.RATE_LIMITED,
      `Too many requests from this ${budget.scope}; retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds, scope: budget.scope },
      { 'retry-after': String(retryAfterSeconds) },
    );
  }

  return {
    name: 'rate-limit',
    async onRequest(_req, context) {
      await charge(context, 1);
    },
    async onOperations({ operations, batch }, context) {
      if (batch && operations.length > 1) await charge(context, operations.length - 1);
    },
    start() {
      counters();
    },
    async close() {
      if (options.limiter || !limiter) return;
      const closing = limiter;
      // A request still draining after this counts in memory rather than on a closed connection.
      limiter = new MemoryRateLimiter();
      await closing.close();
    },
  };
}
