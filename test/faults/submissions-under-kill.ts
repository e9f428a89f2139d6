import { randomBytes } from 'node:crypto';
import { openDatabase } from '@govgraph/kit';
import { callGraph, login, operationText, type Outcome } from './graph-client.js';
import type { FaultGraph } from './fault-graph.js';
import { dedupe, latency, sleep, type LatencyFigures } from './load-loops.js';

/** 居住证签注: instant, every field prefilled by identity, the resident ID card offered as material. */
export const SUBMIT_MATTER = 'GA-0501';

export interface SubmissionsUnderKillOptions {
  /** The applications database, to check behind the API afterwards. */
  applicationsDatabaseUrl: string;
  clients?: number;
  /** Submissions per client, one after the other, each with its own idempotency key. */
  perClient?: number;
  /** SIGKILL applications once this share of all submissions is acknowledged (one kill per entry). */
  killAt?: number[];
  /** How long applications stays dead before it is started again (ms). */
  downMs?: number;
  /** A client gives up on one submission after this long (ms) — counted as a violation. */
  giveUpMs?: number;
}

export interface SubmissionsUnderKillFigures {
  clients: number;
  submissions: number;
  acknowledged: number;
  attempts: number;
  /** Why attempts had to be retried, by label. */
  retriedBecause: Record<string, number>;
  /** Submissions that needed more than one attempt. */
  retriedSubmissions: number;
  /** From a submission's first attempt to its acknowledgement. */
  submitLatency: LatencyFigures;
  /**
   * Per kill, from the run's start (ms): the SIGKILL, applications ready again, the first
   * acknowledgement of an attempt sent after the kill. Then the last acknowledgement.
   */
  kills: Array<{ killedAt: number; readyAt: number; firstAckAfterKill: number }>;
  lastAckAt: number;
  /** Acknowledgements per second of the run. */
  acksPerSecond: number[];
  rows: { cases: number; duplicateKeys: number; incomplete: number };
  violations: string[];
}

interface Acknowledged {
  key: string;
  id: string;
  number: string;
  attempts: number;
  ms: number;
}

const retryable = (o: Outcome) => o.kind === 'transport' || o.kind === 'http' || o.codes.some((c) => c.startsWith('DOWNSTREAM_SERVICE_ERROR'));

/**
 * Issue 10's core fault: many clients submit applications, each retrying with the same
 * idempotency key on any transport error, 5xx or DOWNSTREAM_SERVICE_ERROR, while the
 * applications process is SIGKILLed mid-stream and started again. Afterwards, in its database:
 * every acknowledged submission exists exactly once, under the case the client was told, with all
 * its fields, materials and history; no key maps to two cases; nothing exists that nobody asked for.
 */
export async function submissionsUnderKill(target: FaultGraph, options: SubmissionsUnderKillOptions): Promise<SubmissionsUnderKillFigures> {
  const { clients = 200, perClient = 1, killAt = [0.25], downMs = 1_000, giveUpMs = 60_000 } = options;
  const url = target.gatewayGraphqlUrl;
  const token = await login(url, 'zhangsan');
  const form = await callGraph('StartForm', url, { query: operationText('start-form.graphql'), variables: { matterCode: SUBMIT_MATTER } }, token);
  if (form.kind !== 'ok') throw new Error(`StartForm ${SUBMIT_MATTER} failed: ${JSON.stringify(form.body)}`);
  const prefill = form.body.data.prefill;
  // The generated application form is the system's to make: nothing is sent for it.
  const materials = prefill.materials
    .filter((m: any) => m.satisfiedBy[0]?.__typename !== 'GeneratedForm')
    .map((m: any) => ({ requirementCode: m.requirementCode, licenceId: m.satisfiedBy[0]?.id }));
  const fields = prefill.fields.map((f: any) => ({ key: f.key, value: f.value }));
  const submitDocument = operationText('submit-application.graphql');
  const run = randomBytes(3).toString('hex');
  const total = clients * perClient;

  const acknowledged: Acknowledged[] = [];
  const retriedBecause: Record<string, number> = {};
  const violations: string[] = [];
  /** When each acknowledging attempt was sent and answered. */
  const acks: Array<{ sent: number; answered: number }> = [];
  let attempts = 0;

  const submitOnce = async (key: string): Promise<void> => {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      attempts += 1;
      const sent = Date.now();
      const o = await callGraph(
        'SubmitApplication',
        url,
        { query: submitDocument, variables: { input: { matterCode: SUBMIT_MATTER, idempotencyKey: key, fields, materials } } },
        token,
        30_000,
      );
      const application = o.body?.data?.submitApplication?.application;
      if (application?.id) {
        acknowledged.push({ key, id: application.id, number: application.number, attempts: attempt, ms: Date.now() - started });
        acks.push({ sent, answered: Date.now() });
        return;
      }
      if (!retryable(o)) return void violations.push(`submission ${key} refused: ${o.kind} ${o.codes.join(',')}`);
      const why = `${o.kind} ${[...new Set(o.codes)].join(',')}`;
      retriedBecause[why] = (retriedBecause[why] ?? 0) + 1;
      if (Date.now() - started > giveUpMs) return void violations.push(`submission ${key} never answered within ${giveUpMs} ms`);
      // Full jitter, growing: 200 clients that failed together must not come back together.
      await sleep(Math.random() * Math.min(1_000, 50 * 2 ** Math.min(attempt, 5)));
    }
  };

  const clientLoops = Array.from({ length: clients }, async (_, c) => {
    for (let n = 0; n < perClient; n++) await submitOnce(`fault-${run}-${c}-${n}`);
  });
  const runStart = Date.now();
  const killWindows: Array<{ killedAt: number; readyAt: number }> = [];
  const killer = (async () => {
    for (const share of killAt) {
      while (acknowledged.length < share * total) await sleep(5);
      const killedAt = Date.now();
      await target.graph.kill('applications', 'SIGKILL');
      await sleep(downMs);
      await target.graph.start('applications');
      killWindows.push({ killedAt, readyAt: Date.now() });
    }
  })();
  await Promise.all([...clientLoops, killer]);
  const kills = killWindows.map(({ killedAt, readyAt }) => ({
    killedAt: killedAt - runStart,
    readyAt: readyAt - runStart,
    firstAckAfterKill: Math.min(...acks.filter((a) => a.sent > killedAt).map((a) => a.answered)) - runStart,
  }));
  const lastAckAt = Math.max(...acks.map((a) => a.answered)) - runStart;
  const acksPerSecond = Array.from({ length: Math.ceil(lastAckAt / 1000) }, (_, second) => acks.filter((a) => Math.floor((a.answered - runStart) / 1000) === second).length);

  // Each case holds the materials sent and the application form the system generated for it.
  const generatedForms = prefill.materials.filter((m: any) => m.satisfiedBy[0]?.__typename === 'GeneratedForm').length;
  const rows = await checkRows(options.applicationsDatabaseUrl, `fault-${run}-`, acknowledged, fields.length, materials.length + generatedForms, violations);
  for (const name of target.dead()) violations.push(`${name}'s process died`);
  if (acknowledged.length !== total) violations.push(`${total - acknowledged.length} of ${total} submissions never acknowledged`);
  return {
    clients,
    submissions: total,
    acknowledged: acknowledged.length,
    attempts,
    retriedBecause,
    retriedSubmissions: acknowledged.filter((a) => a.attempts > 1).length,
    submitLatency: latency(acknowledged.map((a) => ({ ms: a.ms }) as Outcome)),
    kills,
    lastAckAt,
    acksPerSecond,
    rows,
    violations: dedupe(violations),
  };
}

/** Looks behind the API: the applications database itself. */
async function checkRows(
  databaseUrl: string,
  keyPrefix: string,
  acknowledged: Acknowledged[],
  fieldCount: number,
  materialCount: number,
  violations: string[],
): Promise<SubmissionsUnderKillFigures['rows']> {
  // The kit's own database access (Kysely), so the check needs no driver of its own.
  const database = openDatabase<any>({ name: 'applications', dataDir: ':memory:', url: databaseUrl, maxConnections: 2 });
  const db = database.db as any;
  try {
    const stored: Array<{ id: string; number: string; key: string }> = await db
      .selectFrom('application')
      .select(['id', 'number', 'idempotency_key as key'])
      .where('idempotency_key', 'like', `${keyPrefix}%`)
      .execute();
    const countPer = async (table: string) => {
      const counts = new Map<string, number>();
      if (stored.length === 0) return counts;
      const rows: Array<{ application_id: string; n: string | number }> = await db
        .selectFrom(table)
        .select(['application_id', (eb: any) => eb.fn.countAll().as('n')])
        .where(
          'application_id',
          'in',
          stored.map((c) => c.id),
        )
        .groupBy('application_id')
        .execute();
      for (const row of rows) counts.set(row.application_id, Number(row.n));
      return counts;
    };
    const [fieldCounts, materialCounts, eventCounts] = [await countPer('application_field'), await countPer('application_material'), await countPer('application_event')];
    const cases = stored.map((c) => ({ ...c, fields: fieldCounts.get(c.id) ?? 0, materials: materialCounts.get(c.id) ?? 0, events: eventCounts.get(c.id) ?? 0 }));
    const byKey = new Map<string, typeof cases>();
    for (const row of cases) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    const duplicateKeys = [...byKey.values()].filter((list) => list.length > 1).length;
    if (duplicateKeys > 0) violations.push(`${duplicateKeys} idempotency keys map to more than one case`);
    for (const ack of acknowledged) {
      const found = byKey.get(ack.key) ?? [];
      if (found.length !== 1) violations.push(`acknowledged ${ack.key} exists ${found.length} times`);
      else if (found[0]!.id !== ack.id || found[0]!.number !== ack.number) violations.push(`acknowledged ${ack.key} as ${ack.id} but stored as ${found[0]!.id}`);
    }
    const acknowledgedKeys = new Set(acknowledged.map((a) => a.key));
    const unasked = cases.filter((c) => !acknowledgedKeys.has(c.key)).length;
    if (unasked > 0) violations.push(`${unasked} cases exist that no client was told about`);
    // An instant case: submitted, approved and completed in the same transaction.
    const incomplete = cases.filter((c) => Number(c.fields) !== fieldCount || Number(c.materials) !== materialCount || Number(c.events) !== 3).length;
    if (incomplete > 0) violations.push(`${incomplete} cases without their complete fields, materials and history`);
    const numbers = new Set(cases.map((c) => c.number));
    if (numbers.size !== cases.length) violations.push('two cases share a case number');
    return { cases: cases.length, duplicateKeys, incomplete };
  } finally {
    await database.close();
  }
}
