/**
 * Counters, gauges and histograms in Prometheus' text format, without a client library: the
 * gateway needs a handful of series and nothing that phones home.
 */
type Labels = Record<string, string>;

/** Label values almost never hold a character to escape; testing once is cheaper than three replaces. */
const NEEDS_ESCAPE = /[\\"\n]/;

function escapeLabelValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Called on every count and observation (several per request), so no sort or map for one or two labels. */
function labelKey(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = '';
  for (const name of names) key += `${key ? ',' : ''}${name}="${escapeLabelValue(labels[name]!)}"`;
  return key;
}

interface Series<V> {
  labels: string;
  value: V;
}

abstract class Metric<V> {
  protected readonly series = new Map<string, Series<V>>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}
  protected entry(labels: Labels, initial: () => V): Series<V> {
    const key = labelKey(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels: key, value: initial() };
      this.series.set(key, series);
    }
    return series;
  }
  abstract lines(): string[];
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...this.lines()].join('\n');
  }
}

const braces = (labels: string, extra = '') => {
  const all = [labels, extra].filter(Boolean).join(',');
  return all ? `{${all}}` : '';
};

export class Counter extends Metric<number> {
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }
  inc(labels: Labels = {}, by = 1): void {
    this.entry(labels, () => 0).value += by;
  }
  get(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.value ?? 0;
  }
  lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${braces(s.labels)} ${s.value}`);
  }
}

export class Gauge extends Metric<number> {
  constructor(name: string, help: string) {
    super(name, help, 'gauge');
  }
  set(labels: Labels, value: number): void {
    this.entry(labels, () => 0).value = value;
  }
  lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${braces(s.labels)} ${s.value}`);
  }
}

/** Latency buckets in seconds, from a cached answer to a slow department. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Histogram extends Metric<{ buckets: number[]; sum: number; count: number }> {
  constructor(
    name: string,
    help: string,
    private readonly bounds: readonly number[] = LATENCY_BUCKETS,
  ) {
    super(name, help, 'histogram');
  }
  observe(labels: Labels, value: number): void {
    const series = this.entry(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 })).value;
    this.bounds.forEach((bound, i) => {
      if (value <= bound) series.buckets[i]! += 1;
    });
    series.sum += value;
    series.count += 1;
  }
  lines(): string[] {
    return [...this.series.values()].flatMap((s) => [
      ...this.bounds.map((bound, i) => `${this.name}_bucket${braces(s.labels, `le="${bound}"`)} ${s.value.buckets[i]}`),
      `${this.name}_bucket${braces(s.labels, 'le="+Inf"')} ${s.value.count}`,
      `${this.name}_sum${braces(s.labels)} ${s.value.sum}`,
      `${this.name}_count${braces(s.labels)} ${s.value.count}`,
    ]);
  }
}

export class MetricsRegistry {
  private readonly metrics: Array<Metric<unknown>> = [];
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }
  gauge(name: string, help: string): Gauge {
    return this.add(new Gauge(name, help));
  }
  histogram(name: string, help: string, bounds?: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, bounds));
  }
  private add<M extends Metric<any>>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
  render(): string {
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}
