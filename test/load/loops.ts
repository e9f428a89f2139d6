import { Histogram } from './histogram.js';
import type { LoadMode, Outcome, WindowSummary } from './types.js';

/** Sends request number `index` of the list (the caller cycles its list round-robin). */
export type Send = (index: number) => Promise<Outcome>;

export interface LoopResult {
  requests: number;
  elapsedSeconds: number;
  histogram: Histogram;
  statuses: Record<string, number>;
  graphqlErrors: number;
  skipped: number;
  windows: WindowSummary[];
  errorSamples: string[];
}

const MAX_SAMPLES = 5;

/** Tallies outcomes, overall and per time window. */
class Tally {
  readonly histogram = new Histogram();
  readonly statuses: Record<string, number> = {};
  graphqlErrors = 0;
  requests = 0;
  readonly errorSamples: string[] = [];
  private readonly windows = new Map<number, { histogram: Histogram; requests: number; errors: number }>();

  constructor(
    private readonly started: number,
    private readonly windowMs: number | null,
  ) {}

  add(outcome: Outcome, latencyMs: number, doneAt: number): void {
    this.requests += 1;
    this.histogram.record(latencyMs);
    const key = String(outcome.status);
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
    if (outcome.graphqlError) this.graphqlErrors += 1;
    if (outcome.sample && this.errorSamples.length < MAX_SAMPLES && !this.errorSamples.includes(outcome.sample)) this.errorSamples.push(outcome.sample);
    if (this.windowMs) {
      const index = Math.floor((doneAt - this.started) / this.windowMs);
      let window = this.windows.get(index);
      if (!window) this.windows.set(index, (window = { histogram: new Histogram(), requests: 0, errors: 0 }));
      window.requests += 1;
      window.histogram.record(latencyMs);
      if (outcome.status !== 200 || outcome.graphqlError) window.errors += 1;
    }
  }

  windowSummaries(): WindowSummary[] {
    return [...this.windows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, w]) => ({ startSecond: (index * this.windowMs!) / 1000, requests: w.requests, errors: w.errors, latency: w.histogram.summary() }));
  }
}

async function settle(send: Send, index: number): Promise<Outcome> {
  try {
    return await send(index);
  } catch (error) {
    return { status: 'network', graphqlError: false, sample: `network: ${(error as Error).message}` };
  }
}

/** N clients in a closed loop until the time is up; requests in flight at the end are waited for and counted. */
export async function runClosedLoop(send: Send, concurrency: number, seconds: number, windowSeconds?: number): Promise<LoopResult> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const tally = new Tally(started, windowSeconds ? windowSeconds * 1000 : null);
  let next = 0;
  let lastDone = started;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const index = next++;
        const sentAt = performance.now();
        const outcome = await settle(send, index);
        lastDone = performance.now();
        tally.add(outcome, lastDone - sentAt, lastDone);
      }
    }),
  );
  return finish(tally, (lastDone - started) / 1000, 0);
}

/**
 * A fixed rate: request i is due at start + i / rate. Each is sent as soon as it is due, whether
 * or not earlier ones have been answered, and its latency runs from when it was due.
 */
export async function runOpenLoop(send: Send, rate: number, seconds: number, maxInFlight = 10_000, windowSeconds?: number): Promise<LoopResult> {
  const started = performance.now();
  const tally = new Tally(started, windowSeconds ? windowSeconds * 1000 : null);
  const total = Math.floor(rate * seconds);
  let issued = 0;
  let inFlight = 0;
  let skipped = 0;
  let lastDone = started;
  const pending = new Set<Promise<void>>();
  while (issued < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; issued < due; issued++) {
      const intended = started + (issued / rate) * 1000;
      if (inFlight >= maxInFlight) {
        skipped += 1;
        continue;
      }
      inFlight += 1;
      const p: Promise<void> = settle(send, issued).then((outcome) => {
        inFlight -= 1;
        lastDone = performance.now();
        tally.add(outcome, lastDone - intended, lastDone);
        pending.delete(p);
      });
      pending.add(p);
    }
    // Sleep until the next request is due (timers are ~1 ms coarse; being late shows as latency).
    const nextDue = started + (issued / rate) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextDue - performance.now())));
  }
  await Promise.all(pending);
  return finish(tally, Math.max(seconds, (lastDone - started) / 1000), skipped);
}

function finish(tally: Tally, elapsedSeconds: number, skipped: number): LoopResult {
  return {
    requests: tally.requests,
    elapsedSeconds,
    histogram: tally.histogram,
    statuses: tally.statuses,
    graphqlErrors: tally.graphqlErrors,
    skipped,
    windows: tally.windowSummaries(),
    errorSamples: tally.errorSamples,
  };
}

export function runLoop(send: Send, mode: LoadMode, windowSeconds?: number): Promise<LoopResult> {
  return mode.kind === 'closed' ? runClosedLoop(send, mode.concurrency, mode.seconds, windowSeconds) : runOpenLoop(send, mode.rate, mode.seconds, mode.maxInFlight, windowSeconds);
}
