import type { Logger } from '../logger.js';
import type { RedisConnection } from '../redis.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import type { RateLimiter, RateRule, RateState } from './rate-limiter.js';

// INCRBY and the window's PEXPIRE in one step, so a crash between them cannot leave a counter
// forever. ARGV: window in ms, weight.
const HIT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

export interface RedisRateLimiterOptions {
  /** A Redis that has not answered a hit by then counts as down for that hit (default 500 ms). */
  timeoutMs?: number;
}

/**
 * Fixed-window counters in Redis: every process on one Redis shares one budget. If Redis stops
 * answering (or is slower than `timeoutMs`), limits fall back to this process's memory (degraded,
 * never open) until it returns; each outage is logged once, and its end once.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly fallback = new MemoryRateLimiter();
  private readonly timeoutMs: number;
  private degraded = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly log: Logger,
    options: RedisRateLimiterOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 500;
  }

  async hit(key: string, rule: RateRule, weight = 1): Promise<RateState> {
    await this.redis.ready;
    try {
      // node-redis cannot take back a command once written, so the wait is bounded here; a hit that
      // Redis counts after all is merely counted twice for this request.
      const [count, ttl] = (await withTimeout(
        this.redis.client.eval(HIT, { keys: [this.prefix + key], arguments: [String(rule.windowSeconds * 1000), String(weight)] }),
        this.timeoutMs,
      )) as [number, number];
      if (this.degraded) {
        this.degraded = false;
        this.log.info('rate limiter: Redis answers again; budgets are shared again');
      }
      return { count: Number(count), resetInSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)) };
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.log.warn({ err: error }, "rate limiter: Redis unavailable, counting in this process's memory until it answers");
      }
      return this.fallback.hit(key, rule, weight);
    }
  }

  async peek(key: string): Promise<RateState> {
    await this.redis.ready;
    try {
      const [count, ttl] = await Promise.all([this.redis.client.get(this.prefix + key), this.redis.client.pTTL(this.prefix + key)]);
      if (count === null) return this.fallback.peek(key);
      return { count: Number(count), resetInSeconds: Math.max(0, Math.ceil(Number(ttl) / 1000)) };
    } catch {
      return this.fallback.peek(key);
    }
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    try {
      await this.redis.client.del(this.prefix + key);
    } catch {
      // The window expires by itself.
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  // The late answer (or failure) of a command given up on is of no interest.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
