import type { Logger } from '../logger.js';
import type { RedisConnection } from '../redis.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import type { RateLimiter, RateRule, RateState } from './rate-limiter.js';

// INCR and the first PEXPIRE in one step, so a crash between them cannot leave a counter forever.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

/**
 * Fixed-window counters in Redis: every process on one Redis shares one budget. If Redis stops
 * answering, limits fall back to this process's memory (degraded, never open) until it returns.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly fallback = new MemoryRateLimiter();

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  async hit(key: string, rule: RateRule): Promise<RateState> {
    await this.redis.ready;
    try {
      const [count, ttl] = (await this.redis.client.eval(HIT, {
        keys: [this.prefix + key],
        arguments: [String(rule.windowSeconds * 1000)],
      })) as [number, number];
      return { count: Number(count), resetInSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)) };
    } catch (error) {
      this.log.warn({ err: error }, 'rate limiter: Redis unavailable, counting in memory');
      return this.fallback.hit(key, rule);
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
