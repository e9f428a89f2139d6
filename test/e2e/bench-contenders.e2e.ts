import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse } from '../load/check-response.js';
import { listContenders, type RunningContender } from '../bench/contenders/contender.js';
import { deepQueryAnswer } from '../bench/federation-subgraphs/deep-query-answer.js';
import { startDeepQueryWorkload } from '../bench/workloads/deep-query.js';
import { startPortalMixWorkload } from '../bench/workloads/portal-mix.js';
import { maskVolatile } from '../bench/workloads/volatile-fields.js';
import type { BenchRequest, Workload } from '../bench/workloads/workload.js';

/**
 * The benchmark's subjects (issue 9): every gateway it compares — govgraph's, stock Apollo and,
 * when `npm run bench:install` has put it there, each Hive Gateway variant — returns exactly the
 * expected answer to every request of both workloads, each gateway its own process in front of
 * subgraph processes. A contender whose answers differ has no place in the comparison.
 */
const contenders = listContenders();
// BENCH_CONTENDERS=hive,hive-jit narrows the run to those (while working on one).
const chosen = process.env.BENCH_CONTENDERS?.split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const installed = contenders.filter((c) => c.unavailable() === null && (!chosen || chosen.includes(c.id)));
for (const c of contenders.filter((c) => c.unavailable() !== null)) console.warn(`bench-contenders: skipping ${c.id}: ${c.unavailable()}`);

async function wrongAnswers(url: string, requests: BenchRequest[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const request of requests) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: JSON.stringify(request.body) });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = maskVolatile(JSON.parse(text), request.volatile);
    } catch {
      // not JSON: checkResponse reports it
    }
    const check = checkResponse(request.expected, answer);
    if (response.status !== 200 || !check.ok) wrong.push(`${request.name}: HTTP ${response.status}, ${check.difference ?? 'same JSON'}`);
  }
  return wrong;
}

/** Starts the contender, checks every answer, stops it. */
async function answersOf(workload: Workload, id: string, more?: (running: RunningContender) => Promise<void>): Promise<string[]> {
  const running = await contenders.find((c) => c.id === id)!.start(workload);
  try {
    expect(running.pids()).toContain(running.pid);
    const wrong: string[] = [];
    // A contender of several processes answers from each.
    for (const url of running.graphqlUrls ?? [running.graphqlUrl]) wrong.push(...(await wrongAnswers(url, workload.requests)));
    await more?.(running);
    return wrong;
  } finally {
    await running.stop();
  }
}

describe('deep query: the standard federation benchmark shape', () => {
  let workload: Workload;
  beforeAll(async () => {
    workload = await startDeepQueryWorkload();
  });
  afterAll(async () => {
    await workload?.close();
  });

  it('expects the answer worked out from the data: a few tens of KB', () => {
    expect(workload.requests).toHaveLength(1);
    expect(workload.requests[0]!.expected).toEqual(deepQueryAnswer());
    const size = JSON.stringify(workload.requests[0]!.expected).length;
    expect(size).toBeGreaterThan(20_000);
    expect(size).toBeLessThan(100_000);
    expect(workload.subgraphPids()).toHaveLength(4);
  });

  for (const contender of installed) {
    it(`${contender.label} answers exactly as expected`, async () => {
      expect(await answersOf(workload, contender.id)).toEqual([]);
    }, 120_000);
  }
});

describe('portal mix: govgraph subgraphs, signed in', () => {
  let workload: Workload;
  beforeAll(async () => {
    workload = await startPortalMixWorkload();
  }, 180_000);
  afterAll(async () => {
    await workload?.close();
  });

  it('covers the five contract operations, each answered without errors', () => {
    const operations = new Set(workload.requests.map((r) => r.body.operationName));
    expect([...operations].sort()).toEqual(['ApplicationDetail', 'MatterGuide', 'MyHome', 'SearchCatalog', 'StartForm']);
    for (const request of workload.requests) {
      expect(request.headers.authorization).toMatch(/^Bearer /);
      expect(request.expected).toMatchObject({ data: expect.any(Object) });
      expect(request.expected).not.toHaveProperty('errors');
    }
  });

  for (const contender of installed) {
    it(`${contender.label} answers exactly as expected, and refuses a forged token`, async () => {
      const wrong = await answersOf(workload, contender.id, async (running) => {
        // The glue really checks tokens: a forged one gets no data from any contender.
        const request = workload.requests[0]!;
        const response = await fetch(running.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `${request.headers.authorization}x` },
          body: JSON.stringify(request.body),
        });
        const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        expect(response.status).toBe(401);
        expect(body.data ?? null).toBeNull();
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });
      expect(wrong).toEqual([]);
    }, 120_000);
  }
});
