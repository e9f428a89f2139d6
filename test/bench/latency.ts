/** Latency summary of one measured series, in milliseconds. */
export interface LatencySummary {
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `call` `warmup` times unmeasured, then `requests` times one after another. */
export async function measure(call: (i: number) => Promise<void>, requests: number, warmup = 30): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await call(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    await call(i);
    samples.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  return {
    requests,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    perSecond: (requests / elapsed) * 1000,
  };
}

export function formatRow(label: string, s: LatencySummary): string {
  return `| ${label.padEnd(44)} | ${s.p50.toFixed(2).padStart(7)} | ${s.p99.toFixed(2).padStart(7)} | ${s.perSecond.toFixed(0).padStart(6)} |`;
}
