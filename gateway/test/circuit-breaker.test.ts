import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../src/resilience/circuit-breaker.js';

describe('circuit breaker', () => {
  it('opens after the threshold, lets one trial through after the pause, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(breaker.allow()).toBe(true);
      breaker.failed();
    }
    expect(breaker.state).toBe('open');
    expect(breaker.allow()).toBe(false);
    now = 1_000;
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false); // only one trial
    breaker.failed();
    expect(breaker.state).toBe('open');
    now = 2_000;
    expect(breaker.allow()).toBe(true);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
  });
});
