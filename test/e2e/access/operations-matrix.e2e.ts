import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS_DIR } from '@govgraph/schema';
import { fieldsFrom, PNG_BYTES, pdfBytes, upload, uploadDocument } from '../../src/cases.js';
import { startGraph, type GraphHarness } from '../../src/harness.js';
import { linesWithPersonalData } from '../../hostile/personal-data.js';
import { CALLERS, signInEveryone, type Caller, type Credential } from './callers.js';
import { NEVER_FOR, OPERATION_ROWS, type Outcome } from './operation-rows.js';
import { seedCaseOfZhangsan } from './seed-case.js';

/**
 * Every contract operation × every caller, from the table in operation-rows.ts, plus the
 * gateway's /documents endpoint: each answer is the expected one, and no answer (or log line)
 * carries anybody's personal data that the caller may not see.
 */
const describeOutcome = (outcome: Outcome) => (typeof outcome === 'string' ? outcome : `refused ${outcome.refused}`);

describe('access matrix: contract operations × callers', () => {
  let graph: GraphHarness;
  let callers: Map<Caller, Credential>;
  let zhangsanDocument: string;
  let zhangsanSubmission: Record<string, unknown>;
  const table: string[] = [];

  beforeAll(async () => {
    graph = await startGraph({ captureLogs: true });
    callers = await signInEveryone(graph);
    const uploaded = await upload(graph, callers.get('citizen A (zhangsan)')!.token!, 'zhangsan-matrix.png', PNG_BYTES);
    zhangsanDocument = uploaded.json.document.id;
    await seedCaseOfZhangsan(graph, zhangsanDocument);
    zhangsanSubmission = await renewalOfZhangsan(graph, callers.get('citizen A (zhangsan)')!.token!, zhangsanDocument);
  });
  afterAll(async () => {
    if (table.length > 0) console.log(`\naccess matrix: ${table.length} cells\n${table.join('\n')}\n`);
    await graph?.close();
  });

  it('has a row for every operation in schema/operations, and each row every caller', () => {
    const files = readdirSync(OPERATIONS_DIR)
      .filter((file) => file.endsWith('.graphql'))
      .sort();
    expect(OPERATION_ROWS.map((row) => row.file).sort()).toEqual(files);
    for (const row of OPERATION_ROWS) expect(Object.keys(row.expected).sort()).toEqual([...CALLERS].sort());
  });

  for (const row of OPERATION_ROWS) {
    it(row.file, async () => {
      for (const caller of CALLERS) {
        const expected = row.expected[caller];
        const variables = typeof row.variables === 'function' ? row.variables({ caller, zhangsanSubmission }) : row.variables;
        const answer = await graph.operation(row.file, variables, callers.get(caller)!.token ?? undefined);
        const body = JSON.stringify({ data: answer.data ?? null, errors: answer.errors ?? [] });
        const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
        table.push(`  ${row.file.padEnd(28)} ${caller.padEnd(38)} ${describeOutcome(expected).padEnd(26)} ${answer.status} ${codes.join(',')}`);
        const where = `${row.file} as ${caller}: ${body.slice(0, 600)}`;
        expect(body, `${where} — personal data the caller may not see`).not.toMatch(NEVER_FOR[caller]);
        if (typeof expected === 'object') {
          expect(codes, where).toContain(expected.refused);
          expect(
            Object.values(answer.data ?? {}).filter((value) => value !== null),
            where,
          ).toEqual([]);
          continue;
        }
        expect(answer.errors, where).toBeUndefined();
        if (expected === 'none') {
          expect(
            Object.values(answer.data ?? {}).every((value) => value === null),
            where,
          ).toBe(true);
          continue;
        }
        expect(
          Object.values(answer.data ?? {}).every((value) => value !== null),
          where,
        ).toBe(true);
        if (expected === 'own' && row.shows) expect(body, where).toMatch(row.shows);
      }
    });
  }

  it('MyDataAccess: zhangsan sees the officer’s purposeful read of his data; nobody else sees it', async () => {
    const police = callers.get('officer, right department (police)')!;
    await graph.operation('review-application.graphql', { id: 'AP-2026-99000101' }, police.token!);
    const own = await eventuallyLogged(graph, callers.get('citizen A (zhangsan)')!.token!);
    expect(JSON.stringify(own)).toMatch(/赵警官/);
    for (const caller of ['citizen B (lisi)', 'enterprise agent (lisi for E-000001)', 'officer, other department (market)'] as const) {
      const answer = await graph.operation('my-data-access.graphql', {}, callers.get(caller)!.token!);
      expect(JSON.stringify(answer.data), caller).not.toMatch(/AP-2026-99000101|440300202699000101|审查/);
    }
  });

  describe('documents through the gateway’s /documents endpoint', () => {
    const download = async (id: string, token: string | null) => {
      const response = await fetch(`${graph.gateway.url}/documents/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, bytes, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString('utf8')) : null };
    };
    const UPLOAD: Record<Caller, number> = {
      anonymous: 401,
      'citizen A (zhangsan)': 200,
      'citizen B (lisi)': 201,
      'enterprise agent (lisi for E-000001)': 201,
      'officer, right department (police)': 201,
      'officer, other department (market)': 201,
      'expired token (zhangsan)': 401,
    };
    const DOWNLOAD: Record<Caller, number> = {
      anonymous: 401,
      'citizen A (zhangsan)': 200,
      'citizen B (lisi)': 404,
      'enterprise agent (lisi for E-000001)': 404,
      'officer, right department (police)': 200,
      'officer, other department (market)': 404,
      'expired token (zhangsan)': 401,
    };

    it('upload: everyone signed in uploads as themselves (zhangsan’s same bytes are his existing document); nobody else', async () => {
      for (const caller of CALLERS) {
        const token = callers.get(caller)!.token;
        const response = await fetch(`${graph.gateway.url}/documents?filename=matrix.png`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: PNG_BYTES,
        });
        const json = (await response.json()) as any;
        table.push(`  ${'POST /documents'.padEnd(28)} ${caller.padEnd(38)} ${String(UPLOAD[caller]).padEnd(26)} ${response.status} ${json.errors?.[0]?.extensions?.code ?? ''}`);
        expect(response.status, `${caller}: ${JSON.stringify(json)}`).toBe(UPLOAD[caller]);
        if (UPLOAD[caller] === 401) expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        else expect(json.document.id === zhangsanDocument, caller).toBe(caller === 'citizen A (zhangsan)');
      }
    });

    it('download of zhangsan’s document: zhangsan, and the officer whose department has his case; 404 for everyone else', async () => {
      for (const caller of CALLERS) {
        const answer = await download(zhangsanDocument, callers.get(caller)!.token);
        table.push(
          `  ${'GET /documents/<zhangsan’s>'.padEnd(28)} ${caller.padEnd(38)} ${String(DOWNLOAD[caller]).padEnd(26)} ${answer.status} ${answer.json?.errors?.[0]?.extensions?.code ?? ''}`,
        );
        expect(answer.status, caller).toBe(DOWNLOAD[caller]);
        if (answer.status === 200) expect(answer.bytes.equals(PNG_BYTES), caller).toBe(true);
        else expect(answer.json.errors[0].extensions.code, caller).toBe(answer.status === 401 ? 'UNAUTHENTICATED' : 'NOT_FOUND');
      }
    });
  });

  it('logged no name, ID number, mobile or address of a demo person, in any service', () => {
    expect(graph.logs.length).toBeGreaterThan(100);
    expect(linesWithPersonalData(graph.logs)).toEqual([]);
  });
});

async function eventuallyLogged(graph: GraphHarness, token: string): Promise<unknown> {
  const until = Date.now() + 5_000;
  for (;;) {
    const answer = await graph.operation('my-data-access.graphql', {}, token);
    if (JSON.stringify(answer.data).includes('赵警官') || Date.now() > until) return answer.data;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** zhangsan's complete driving-licence renewal: his prefilled form, his licence, his photo and health certificate. */
async function renewalOfZhangsan(graph: GraphHarness, token: string, photoId: string): Promise<Record<string, unknown>> {
  const prefill = (await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, token)).data.prefill;
  const licence = prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_DRIVING_LICENCE').satisfiedBy[0].id;
  const health = await uploadDocument(graph, token, 'health.pdf', pdfBytes('体检合格'));
  return {
    matterCode: 'JJ-0101',
    idempotencyKey: 'matrix-renewal',
    fields: fieldsFrom(prefill, { deliveryMethod: '邮寄' }),
    materials: [
      { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: licence },
      { requirementCode: 'PHOTO', documentId: photoId },
      { requirementCode: 'HEALTH_CERTIFICATE', documentId: health.id },
    ],
  };
}
