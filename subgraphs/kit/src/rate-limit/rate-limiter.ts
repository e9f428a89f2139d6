/** A budget: at most `limit` hits per fixed window of `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export interface RateState {
  /** Hits counted in the current window, this one included for `hit`. */
  count: number;
  /** Seconds until the window ends and the budget refills. */
  resetInSeconds: number;
}

/**
 * Counters shared by every process on one Redis (or local to this process without it).
 * Keys are namespaced by the caller, e.g. `login:fail:account:A-000001`.
 */
export interface RateLimiter {
  /** Counts `weight` hits (1 when absent: a batch of n operations may count n at once). */
  hit(key: string, rule: RateRule, weight?: number): Promise<RateState>;
  peek(key: string): Promise<RateState>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export function isOver(state: RateState, rule: RateRule): boolean {
  return state.count > rule.limit;
}

export function isAtLimit(state: RateState, rule: RateRule): boolean {
  return state.count >= rule.limit;
}
