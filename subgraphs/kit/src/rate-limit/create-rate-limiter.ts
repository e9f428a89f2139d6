import type { Logger } from '../logger.js';
import { connectRedis } from '../redis.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter.js';

/** Redis when REDIS_URL is set (shared by every process), memory otherwise. */
export function createRateLimiter(options: { redisUrl?: string | undefined; prefix: string; log: Logger } & RedisRateLimiterOptions): RateLimiter {
  if (!options.redisUrl) return new MemoryRateLimiter();
  const redis = connectRedis(options.redisUrl, options.log);
  const limiter = new RedisRateLimiter(redis, options.prefix, options.log, { timeoutMs: options.timeoutMs });
  return {
    hit: (key, rule, weight) => limiter.hit(key, rule, weight),
    peek: (key) => limiter.peek(key),
    reset: (key) => limiter.reset(key),
    async close() {
      await limiter.close();
      await redis.close();
    },
  };
}
