import { randomBytes } from 'node:crypto';
import { openDatabase } from '@govgraph/kit';
import { callGraph, login, operationText } from './graph-client.js';
import type { FaultGraph } from './fault-graph.js';
import { sleep } from './load-loops.js';
import { SUBMIT_MATTER } from './submissions-under-kill.js';

/**
 * Proves events flow between departments (now, e.g. after Redis came back empty): an instant
 * case submitted through the gateway is announced by applications on `case-decisions`, and the
 * licence library's consumer records it in its own database.
 */
export async function eventsFlowAgain(
  target: FaultGraph,
  licencesDatabaseUrl: string,
  timeoutMs = 15_000,
): Promise<{ caseId?: string; deliveredMs?: number; violations: string[] }> {
  const url = target.gatewayGraphqlUrl;
  const token = await login(url, 'zhangsan');
  const form = await callGraph('StartForm', url, { query: operationText('start-form.graphql'), variables: { matterCode: SUBMIT_MATTER } }, token);
  const prefill = form.body?.data?.prefill;
  if (!prefill) return { violations: [`StartForm failed: ${form.kind} ${form.codes.join(',')}`] };
  const input = {
    matterCode: SUBMIT_MATTER,
    idempotencyKey: `events-${randomBytes(6).toString('hex')}`,
    fields: prefill.fields.map((f: any) => ({ key: f.key, value: f.value })),
    // The generated application form is the system's to make: nothing is sent for it.
    materials: prefill.materials
      .filter((m: any) => m.satisfiedBy[0]?.__typename !== 'GeneratedForm')
      .map((m: any) => ({ requirementCode: m.requirementCode, licenceId: m.satisfiedBy[0]?.id })),
  };
  const submitted = await callGraph('SubmitApplication', url, { query: operationText('submit-application.graphql'), variables: { input } }, token);
  const caseId: string | undefined = submitted.body?.data?.submitApplication?.application?.id;
  if (!caseId) return { violations: [`SubmitApplication failed: ${submitted.kind} ${submitted.codes.join(',')}`] };

  const licences = openDatabase<any>({ name: 'licences', dataDir: ':memory:', url: licencesDatabaseUrl, maxConnections: 1 });
  const started = Date.now();
  try {
    while (Date.now() - started < timeoutMs) {
      const row = await (licences.db as any).selectFrom('case_decision').select('case_id').where('case_id', '=', caseId).executeTakeFirst();
      if (row) return { caseId, deliveredMs: Date.now() - started, violations: [] };
      await sleep(100);
    }
    return { caseId, violations: [`the decision on ${caseId} never reached the licence library (case-decisions stream)`] };
  } finally {
    await licences.close();
  }
}
