import type { Logger } from '../logger.js';
import { connectRedis, type RedisConnection } from '../redis.js';
import { MAX_SIGNATURE_AGE_MS } from './gateway-signature.js';

/**
 * A signature is good while |now − sentAt| ≤ the maximum age, and it arrived at most that long
 * before it was sent: remembering a nonce twice the age from arrival outlives every acceptable
 * signature.
 */
export const NONCE_MEMORY_MS = 2 * MAX_SIGNATURE_AGE_MS;

/**
 * Remembers the nonces of the signed requests a process accepted, for as long as their
 * signatures could still be accepted, so a captured request sent again is refused.
 */
export class ReplayGuard {
  /** Nonce → when it may be forgotten; insertion order is arrival order, so expiry is too. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 2_000_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a nonce is seen within its lifetime; false for a repeat. */
  firstSight(nonce: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now + NONCE_MEMORY_MS);
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.seen) {
      if (expiresAt > now) return;
      this.seen.delete(nonce);
    }
  }
}

/** Where a party's accepted nonces are remembered: every replica of it shares one. */
export interface NonceStore {
  /** True the first time; false when any replica has seen this nonce within its lifetime. */
  firstSight(nonce: string): Promise<boolean>;
  close(): Promise<void>;
}

export class MemoryNonceStore implements NonceStore {
  private readonly guard: ReplayGuard;
  constructor(guard = new ReplayGuard()) {
    this.guard = guard;
  }
  async firstSight(nonce: string): Promise<boolean> {
    return this.guard.firstSight(nonce);
  }
  async close(): Promise<void> {}
}

/**
 * Nonces in Redis (SET NX with an expiry), so a request replayed to a second replica of the same
 * department is refused too. While Redis is away the process's own memory keeps guarding (a
 * replay to another replica is then only bounded by the signature's minute), and says so once.
 */
export class RedisNonceStore implements NonceStore {
  private readonly redis: RedisConnection;
  private readonly local = new ReplayGuard();
  private degraded = false;

  constructor(
    url: string,
    private readonly keyPrefix: string,
    private readonly log: Logger,
    connection?: RedisConnection,
  ) {
    this.redis = connection ?? connectRedis(url, log);
  }

  async firstSight(nonce: string): Promise<boolean> {
    // Seen here first (cheap, and keeps guarding through an outage).
    if (!this.local.firstSight(nonce)) return false;
    await this.redis.ready;
    if (!this.redis.client.isReady) {
      this.degrade();
      return true;
    }
    try {
      const set = await this.redis.client.set(`${this.keyPrefix}${nonce}`, '1', { NX: true, PX: NONCE_MEMORY_MS });
      if (this.degraded) this.log.info('replay guard shared through Redis again');
      this.degraded = false;
      return set === 'OK';
    } catch (error) {
      this.degrade(error);
      return true;
    }
  }

  private degrade(error?: unknown): void {
    if (!this.degraded) this.log.warn({ err: error }, 'Redis unavailable: replays are refused per process only until it answers');
    this.degraded = true;
  }

  async close(): Promise<void> {
    await this.redis.close();
  }
}

/** Redis when the service has REDIS_URL (every replica shares it), memory otherwise. */
export function createNonceStore(options: { redisUrl: string | undefined; redisPrefix: string; party: string; log: Logger }): NonceStore {
  return options.redisUrl ? new RedisNonceStore(options.redisUrl, `${options.redisPrefix}nonce:${options.party}:`, options.log) : new MemoryNonceStore();
}
