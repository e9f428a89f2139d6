import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphHarness } from '../../src/harness.js';
import { hostileInputs, INPUT_KINDS } from '../../hostile/generate-inputs.js';
import { startHostileGraph } from '../../hostile/hostile-graph.js';
import { formatSummary, runHostile, type HostileSummary } from '../../hostile/run-hostile.js';

/**
 * 1,000 hostile inputs (seed 1) against the whole graph over real HTTP: malformed and mutated
 * documents, bad variables, bodies, headers and tokens, oversized requests, batches, requests
 * straight to the subgraphs. The long run is `npm run reliability:hostile -- --count 100000 --seed N`.
 */
const digest = (seed: number, count: number) =>
  createHash('sha256')
    .update(JSON.stringify([...hostileInputs(seed, count)]))
    .digest('hex');

describe('the generator', () => {
  it('gives the same inputs for the same seed, and others for another seed', () => {
    expect(digest(7, 200)).toBe(digest(7, 200));
    expect(digest(8, 200)).not.toBe(digest(7, 200));
    // Input i does not depend on the ones before it: a stretch of a long run reruns alone.
    expect(JSON.stringify([...hostileInputs(7, 5, 100)])).toBe(JSON.stringify([...hostileInputs(7, 105)].slice(100)));
  });

  it('draws every kind of input within 1,000', () => {
    const kinds = new Set([...hostileInputs(1, 1000)].map((input) => input.kind));
    expect([...kinds].sort()).toEqual([...INPUT_KINDS].sort());
  });
});

describe('1,000 hostile inputs against the running graph', () => {
  let graph: GraphHarness;
  let summary: HostileSummary;

  beforeAll(async () => {
    graph = await startHostileGraph();
    summary = await runHostile(graph, { seed: 1, count: 1000 });
    console.log(formatSummary(summary));
  }, 120_000);
  afterAll(async () => graph?.close());

  it('sent them all', () => expect(summary.inputs).toBe(1000));
  it('answered none with a 5xx', () => expect(summary.serverErrors, formatSummary(summary)).toBe(0));
  it('answered none with INTERNAL_SERVER_ERROR (every bad input is the client’s mistake, with its code)', () => expect(summary.internalErrors, formatSummary(summary)).toBe(0));
  it('dropped no connection', () => expect(summary.dropped, formatSummary(summary)).toBe(0));
  it('gave every error an extensions.code', () => expect(summary.missingCode, formatSummary(summary)).toBe(0));
  it('showed no stack trace, file path or internal class name', () => expect(summary.stackTraces, formatSummary(summary)).toBe(0));
  it('gave nobody another person’s data', () => expect(summary.leaks, formatSummary(summary)).toBe(0));
  it('logged no name, ID number, mobile or address of a demo person', () => expect(summary.logLinesWithPersonalData, formatSummary(summary)).toBe(0));
  it('still answers a normal query afterwards', () => expect(summary.answersAfterwards).toBe(true));
  it('refused most of them as the client’s mistake (4xx), and answered some (the valid mutations)', () => {
    const refused = Object.entries(summary.byStatus)
      .filter(([status]) => status.startsWith('4'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(refused).toBeGreaterThan(500);
    expect(summary.byStatus['200']).toBeGreaterThan(0);
  });
});
