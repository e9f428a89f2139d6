import type { Answer } from './compare-answers.js';
import type { Mismatch } from './mismatch.js';
import type { FuzzDocument } from './run-document.js';
import { ZooFuzzer } from './zoo-fuzzer.js';
import type { Zoo } from './zoo/zoo.js';

export { printMismatch, type Mismatch } from './mismatch.js';

export interface ZooReport {
  zoo: string;
  firstSeed: number;
  /** Documents run through every engine. */
  documents: number;
  /** Draws that did not validate, and valid documents the query planner refused (the same for every engine). */
  invalid: number;
  unplannable: number;
  /** Subgraph requests per engine: fewer where batching, dedupe and sharing worked (shrinking's runs included). */
  requests: Record<string, number>;
  mismatches: Mismatch[];
  ms: number;
  /** Of which generating, validating and planning documents. */
  preparingMs: number;
}

export interface FuzzOptions {
  firstSeed: number;
  documents: number;
  /** Documents in flight together under one engine (one of them twice). */
  groupSize?: number;
  /** Stop after this many mismatches (each is shrunk, which takes a while). */
  maxMismatches?: number;
  /** Shrink each mismatch (default); off, a mismatch is reported as generated. */
  shrink?: boolean;
}

/**
 * Differential fuzzing of one zoo: seeds firstSeed, firstSeed+1, … each give a document, which
 * is planned once and run by stock @apollo/gateway and by each of the 16 engines, a group of
 * documents at a time (one of them twice) so that batching and fetch sharing meet concurrent
 * requests. Every answer must equal stock's; a difference is shrunk and reported.
 */
export async function fuzzZoo(zoo: Zoo, options: FuzzOptions): Promise<ZooReport> {
  const started = Date.now();
  const fuzzer = new ZooFuzzer(zoo);
  const report: ZooReport = { zoo: zoo.name, firstSeed: options.firstSeed, documents: 0, invalid: 0, unplannable: 0, requests: {}, mismatches: [], ms: 0, preparingMs: 0 };
  const groupSize = options.groupSize ?? 6;
  const maxMismatches = options.maxMismatches ?? 3;
  let seed = options.firstSeed;
  try {
    while (report.documents < options.documents && report.mismatches.length < maxMismatches) {
      const group: FuzzDocument[] = [];
      const preparing = Date.now();
      while (group.length < Math.min(groupSize, options.documents - report.documents)) {
        const prepared = fuzzer.prepare(seed++);
        if (prepared === 'invalid') report.invalid++;
        else if (prepared === 'unplannable') report.unplannable++;
        else group.push(prepared);
        if (report.invalid + report.unplannable > 100 + options.documents) throw new Error(`zoo ${zoo.name}: the generator hardly draws a valid, plannable document any more`);
      }
      report.preparingMs += Date.now() - preparing;
      report.documents += group.length;
      for (const found of await fuzzer.runGroup(group)) {
        if (report.mismatches.length >= maxMismatches) break;
        report.mismatches.push(options.shrink === false ? await fuzzer.unshrunk(found) : await fuzzer.shrink(found, group));
      }
    }
    report.requests = fuzzer.requests();
  } finally {
    fuzzer.close();
  }
  report.ms = Date.now() - started;
  return report;
}

/** One document, alone, through stock and each of the 16 engines: for reproductions. */
export async function answersFor(zoo: Zoo, query: string, variables: Record<string, unknown> = {}): Promise<{ stock: Answer; engines: Array<{ engine: string; answer: Answer }> }> {
  const fuzzer = new ZooFuzzer(zoo);
  try {
    return await fuzzer.answersFor(query, variables);
  } finally {
    fuzzer.close();
  }
}
