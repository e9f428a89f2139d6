import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../src/resilience/circuit-breaker.js';
import { MetricsRegistry } from '../src/metrics/metrics-registry.js';

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

describe('metrics registry', () => {
  it('renders counters and histograms in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter('gateway_requests_total', 'Requests.');
    const latency = registry.histogram('gateway_latency_seconds', 'Latency.', [0.1, 1]);
    requests.inc({ operation: 'MyHome' });
    requests.inc({ operation: 'MyHome' });
    latency.observe({ operation: 'My"Home' }, 0.5);
    const text = registry.render();
    expect(text).toContain('# TYPE gateway_requests_total counter');
    expect(text).toContain('gateway_requests_total{operation="MyHome"} 2');
    expect(text).toContain('gateway_latency_seconds_bucket{operation="My\\"Home",le="0.1"} 0');
    expect(text).toContain('gateway_latency_seconds_bucket{operation="My\\"Home",le="1"} 1');
    expect(text).toContain('gateway_latency_seconds_count{operation="My\\"Home"} 1');
  });
});
