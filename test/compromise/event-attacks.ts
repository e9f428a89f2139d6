import { connectRedis, createLogger, DATA_ACCESS_STREAM, CATALOG_CHANGED_STREAM, LICENCE_STATUS_STREAM, eventSigningText, newEventId, type PartyKeys } from '@govgraph/kit';
import type { Claims } from '@govgraph/kit/trust';
import { REDIS_URL, writeRawEvent } from '@govgraph/kit/testing';
import { readOperation } from '../src/harness.js';
import type { AttackOutcome } from './attack-table.js';
import type { CompromisedGraph } from './compromised-graph.js';
import { post } from './request-attacks.js';

/** A fake officer read of zhangsan's data: what the attacker wants in his data-access log. */
function fakeRead(applicantId: string) {
  return {
    applicantId,
    at: new Date().toISOString(),
    accessorAccountId: 'A-900001',
    departmentCode: 'JJ',
    purpose: '审查办件 JJ2026-000042',
    caseId: 'C-forged',
    fields: ['licences.licences'],
  };
}

/** An envelope signed with any key under any publisher name: what a department that may not publish would have to make. */
function envelopeSignedWith(keys: PartyKeys, publisher: string, stream: string, payload: unknown): string {
  const unsigned = { publisher, stream, id: newEventId(), at: new Date().toISOString(), payload: JSON.stringify(payload) };
  return JSON.stringify({ v: 1, ...unsigned, sig: keys.signCompact(eventSigningText(unsigned)) });
}

/**
 * The refused-event counters of one stream, by reason, summed over every process of the consumer:
 * replicas share a consumer group, so whichever reads an event refuses it.
 */
async function refusals(urls: string[], stream: string): Promise<Map<string, number>> {
  const text = (await Promise.all(urls.map(async (url) => (await fetch(`${url}/metrics`)).text()))).join('\n');
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('govgraph_events_refused_total{') || !line.includes(`stream="${stream}"`)) continue;
    const reason = /reason="([^"]+)"/.exec(line)?.[1] ?? '?';
    counts.set(reason, (counts.get(reason) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return counts;
}

/** Reasons whose count grew between two readings. */
function grown(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([reason, count]) => count > (before.get(reason) ?? 0)).map(([reason]) => reason);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * Writes onto other departments' streams as the compromised department could (it reaches Redis):
 * an unsigned fake officer read, the same signed with its own key under its own name and under
 * licences' name, a forged licence revocation, and a copy of a genuine event. Each must be refused
 * by the consumer, counted on its /metrics, and leave zhangsan's data-access log as it was.
 */
export async function forgedEvents(cg: CompromisedGraph, zhangsanToken: string, zhangsan: Claims): Promise<AttackOutcome[]> {
  const attacker = cg.keysOf('catalog').keys;
  const target = { redisUrl: REDIS_URL, redisPrefix: cg.redisPrefix };
  const identity = cg.processesOf('identity');
  const logCount = async () => {
    const answer = await post(`${cg.gatewayUrl}/graphql`, JSON.stringify({ query: readOperation('my-data-access.graphql') }), { authorization: `Bearer ${zhangsanToken}` });
    return JSON.parse(answer.text).data.me.dataAccessLog.totalCount as number;
  };
  const logBefore = await logCount();
  const applicantId = zhangsan.applicantId!;

  const attempts: Array<{ attack: string; write: () => Promise<void>; consumer: string[]; stream: string; reason: string }> = [
    {
      attack: 'unsigned fake officer read XADDed on data-access',
      write: () => writeRawEvent(target, DATA_ACCESS_STREAM, { payload: JSON.stringify(fakeRead(applicantId)) }),
      consumer: identity,
      stream: DATA_ACCESS_STREAM,
      reason: 'unsigned',
    },
    {
      attack: 'fake officer read signed by catalog as catalog',
      write: () => writeRawEvent(target, DATA_ACCESS_STREAM, envelopeSignedWith(attacker, 'catalog', DATA_ACCESS_STREAM, fakeRead(applicantId))),
      consumer: identity,
      stream: DATA_ACCESS_STREAM,
      reason: 'publisher-not-allowed',
    },
    {
      attack: "fake officer read signed by catalog's key as licences",
      write: () => writeRawEvent(target, DATA_ACCESS_STREAM, envelopeSignedWith(attacker, 'licences', DATA_ACCESS_STREAM, fakeRead(applicantId))),
      consumer: identity,
      stream: DATA_ACCESS_STREAM,
      reason: 'unknown-key',
    },
    {
      attack: "licence revocation signed by catalog's key as licences",
      write: () =>
        writeRawEvent(
          target,
          LICENCE_STATUS_STREAM,
          envelopeSignedWith(attacker, 'licences', LICENCE_STATUS_STREAM, {
            licenceId: 'L-1',
            holderId: applicantId,
            typeCode: 'JDCJSZ',
            status: 'REVOKED',
            action: 'revoke',
            caseId: null,
            at: new Date().toISOString(),
          }),
        ),
      consumer: cg.processesOf('applications'),
      stream: LICENCE_STATUS_STREAM,
      reason: 'unknown-key',
    },
    {
      attack: "a genuine event (catalog's start announcement) XADDed again",
      write: () => replayLatest(cg, CATALOG_CHANGED_STREAM),
      consumer: cg.processesOf('gateway'),
      stream: CATALOG_CHANGED_STREAM,
      reason: 'replayed',
    },
  ];

  const rows: AttackOutcome[] = [];
  for (const attempt of attempts) {
    const before = await refusals(attempt.consumer, attempt.stream);
    await attempt.write();
    let reasons: string[] = [];
    await waitFor(async () => (reasons = grown(before, await refusals(attempt.consumer, attempt.stream))).length > 0);
    rows.push({
      attack: attempt.attack,
      expected: `refused (${attempt.reason}), counted`,
      outcome: reasons.length > 0 ? `refused: ${reasons.join(', ')} +1` : 'NOT COUNTED AS REFUSED',
      refused: reasons.includes(attempt.reason),
    });
  }
  const after = await logCount();
  rows.push({
    attack: "zhangsan's data-access log after the forged reads",
    expected: 'unchanged',
    outcome: `${logBefore} entries before, ${after} after`,
    refused: after === logBefore,
  });
  return rows;
}

/** Reads the newest entry of a stream and adds it again, fields and all: a replay of a genuine, signed event. */
async function replayLatest(cg: CompromisedGraph, stream: string): Promise<void> {
  const redis = connectRedis(REDIS_URL, createLogger('attacker', 'silent'));
  try {
    await redis.ready;
    const key = `${cg.redisPrefix}events:${stream}`;
    const [latest] = await redis.client.xRevRange(key, '+', '-', { COUNT: 1 });
    if (!latest) throw new Error(`no event on ${stream} to replay`);
    await redis.client.xAdd(key, '*', latest.message);
  } finally {
    await redis.close();
  }
}
