import { RateLimitedError, isOver, type RateLimiter, type RateRule } from '@govgraph/kit';

/** Offers a legal representative may make for one enterprise in a day (IDENTITY_AGENT_OFFERS_PER_DAY). */
export const DEFAULT_AGENT_OFFERS_PER_DAY = 10;

/**
 * Each authorisation attempt spends the enterprise's daily budget, whatever its outcome: even
 * with answers that no longer tell a match from a miss, nobody needs hundreds of tries a day.
 */
export class AgentOfferThrottle {
  private readonly rule: RateRule;

  constructor(
    private readonly limiter: RateLimiter,
    perDay = DEFAULT_AGENT_OFFERS_PER_DAY,
  ) {
    this.rule = { limit: perDay, windowSeconds: 24 * 60 * 60 };
  }

  async admit(enterpriseId: string): Promise<void> {
    const state = await this.limiter.hit(`agent-offer:enterprise:${enterpriseId}`, this.rule);
    if (isOver(state, this.rule)) throw new RateLimitedError(Math.max(1, state.resetInSeconds));
  }
}

/** IDENTITY_AGENT_OFFERS_PER_DAY: a positive whole number. */
export function agentOffersPerDay(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.IDENTITY_AGENT_OFFERS_PER_DAY;
  if (raw === undefined || raw.trim() === '') return DEFAULT_AGENT_OFFERS_PER_DAY;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`IDENTITY_AGENT_OFFERS_PER_DAY must be a positive whole number, got ${JSON.stringify(raw)}`);
  return value;
}
