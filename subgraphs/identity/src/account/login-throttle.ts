import { RateLimitedError, isAtLimit, isOver, type RateLimiter, type RateRule } from '@govgraph/kit';

/**
 * Password guessing stops here. Per account: 5 failures in 15 minutes lock sign-in for the rest
 * of the window (even with the right password, or guessing would just continue slowly). Per
 * client address: 20 failures in 15 minutes, and 60 attempts a minute in all (scrypt costs CPU).
 */
export const LOGIN_RULES = {
  accountFailures: { limit: 5, windowSeconds: 15 * 60 },
  addressFailures: { limit: 20, windowSeconds: 15 * 60 },
  addressAttempts: { limit: 60, windowSeconds: 60 },
} as const satisfies Record<string, RateRule>;

export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly rules = LOGIN_RULES,
  ) {}

  /** Before checking the password: refuses when the account or the address used its budget. */
  async admit(username: string, address: string | null): Promise<void> {
    const checks: Array<Promise<{ limited: boolean; retry: number }>> = [
      this.limiter.peek(`login:fail:account:${username}`).then((s) => ({ limited: isAtLimit(s, this.rules.accountFailures), retry: s.resetInSeconds })),
    ];
    if (address) {
      checks.push(
        this.limiter.peek(`login:fail:address:${address}`).then((s) => ({ limited: isAtLimit(s, this.rules.addressFailures), retry: s.resetInSeconds })),
        this.limiter.hit(`login:attempt:address:${address}`, this.rules.addressAttempts).then((s) => ({ limited: isOver(s, this.rules.addressAttempts), retry: s.resetInSeconds })),
      );
    }
    const limited = (await Promise.all(checks)).filter((c) => c.limited);
    if (limited.length > 0) throw new RateLimitedError(Math.max(1, ...limited.map((c) => c.retry)));
  }

  async failed(username: string, address: string | null): Promise<void> {
    await Promise.all([
      this.limiter.hit(`login:fail:account:${username}`, this.rules.accountFailures),
      address ? this.limiter.hit(`login:fail:address:${address}`, this.rules.addressFailures) : undefined,
    ]);
  }

  async succeeded(username: string): Promise<void> {
    await this.limiter.reset(`login:fail:account:${username}`);
  }
}
