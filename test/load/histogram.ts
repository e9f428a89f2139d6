/**
 * Latency histogram with logarithmic buckets (1 % wide), so a 10-minute soak at thousands of
 * requests per second costs a fixed few kilobytes and histograms from different windows or
 * processes merge by adding counts. Values are milliseconds; percentiles are accurate to ~1 %,
 * the maximum is exact.
 */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Bucket 0 holds everything under 1 µs; the last bucket everything above ~20 minutes. */
const BUCKETS = 2200;
const MIN_MS = 0.001;

export interface HistogramData {
  counts: Record<number, number>;
  count: number;
  sumMs: number;
  maxMs: number;
}

export interface LatencyPercentiles {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  count = 0;
  sumMs = 0;
  maxMs = 0;

  record(ms: number): void {
    // biome-ignore lint/complexity/useMathMinMax: NaN must count as 0 too; Math.max(NaN, 0) is NaN.
    const value = ms > 0 ? ms : 0;
    const index = value <= MIN_MS ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(value / MIN_MS) / LOG_GROWTH));
    this.counts[index]! += 1;
    this.count += 1;
    this.sumMs += value;
    if (value > this.maxMs) this.maxMs = value;
  }

  /** The value at percentile p (0–100): the middle of its bucket, never above the true maximum. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return i === 0 ? MIN_MS : Math.min(this.maxMs, MIN_MS * GROWTH ** (i - 0.5));
    }
    return this.maxMs;
  }

  summary(): LatencyPercentiles {
    return {
      count: this.count,
      meanMs: this.count ? this.sumMs / this.count : 0,
      p50Ms: this.percentile(50),
      p90Ms: this.percentile(90),
      p99Ms: this.percentile(99),
      maxMs: this.maxMs,
    };
  }

  merge(other: Histogram | HistogramData): void {
    const data = other instanceof Histogram ? other.toJSON() : other;
    for (const [index, n] of Object.entries(data.counts)) this.counts[Number(index)]! += n;
    this.count += data.count;
    this.sumMs += data.sumMs;
    if (data.maxMs > this.maxMs) this.maxMs = data.maxMs;
  }

  /** Sparse form, to cross a process boundary or be stored in a results file. */
  toJSON(): HistogramData {
    const counts: Record<number, number> = {};
    this.counts.forEach((n, i) => {
      if (n) counts[i] = n;
    });
    return { counts, count: this.count, sumMs: this.sumMs, maxMs: this.maxMs };
  }

  static from(data: HistogramData): Histogram {
    const h = new Histogram();
    h.merge(data);
    return h;
  }
}
