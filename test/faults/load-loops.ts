import { label, type Outcome } from './graph-client.js';

/** One kind of request, sent by `concurrency` loops, each sending the next once the last answered. */
export interface LoadStream {
  op: string;
  concurrency: number;
  send(): Promise<Outcome>;
  /** Pause between one loop's requests (ms); none by default. */
  pauseMs?: number;
}

export interface RunningLoad {
  outcomes: Outcome[];
  /** Stops every loop and waits for the requests in flight. */
  stop(): Promise<Outcome[]>;
}

/** Concurrent loops of real requests, every outcome kept with its start time. */
export function startLoad(streams: LoadStream[]): RunningLoad {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const loops = streams.flatMap((stream) =>
    Array.from({ length: stream.concurrency }, async () => {
      while (!stopped) {
        outcomes.push(await stream.send());
        if (stream.pauseMs) await new Promise((resolve) => setTimeout(resolve, stream.pauseMs));
      }
    }),
  );
  return {
    outcomes,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Outcomes counted per operation and label, e.g. `{ MyHome: { ok: 120, 'partial DOWNSTREAM_SERVICE_ERROR:licences': 40 } }`. */
export function countOutcomes(outcomes: readonly Outcome[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const outcome of outcomes) {
    const row = (table[outcome.op] ??= {});
    const key = label(outcome);
    row[key] = (row[key] ?? 0) + 1;
  }
  return table;
}

export interface LatencyFigures {
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

export function latency(outcomes: readonly Outcome[]): LatencyFigures {
  const ms = outcomes.map((o) => o.ms);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { requests: ms.length, p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)), max: round(Math.max(...ms, 0)) };
}

/** Outcomes of one operation that started within [from, to). */
export function within(outcomes: readonly Outcome[], op: string, from: number, to = Infinity): Outcome[] {
  return outcomes.filter((o) => o.op === op && o.at >= from && o.at < to);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Violations counted, so one failure repeated 500 times is one line. */
export function dedupe(violations: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n > 1 ? `${v} (×${n})` : v));
}
