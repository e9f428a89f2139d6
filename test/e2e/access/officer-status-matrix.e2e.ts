import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTallies } from '@govgraph/applications/tallies';
import { DEPARTMENTS } from '@govgraph/kit';
import { PNG_BYTES, upload } from '../../src/cases.js';
import { startGraph, type GraphHarness } from '../../src/harness.js';

/**
 * Issue 17's access matrix: officer × case status × view × field. zhangsan has one traffic police
 * case in every status, each with his ID number and mobile among its form values, his photo and
 * his driving licence among its materials. The police officer (the case's department) and the
 * market officer (another) read each through the queue, as one case, and as one case with an
 * archive reason; every personal value that leaves is classified full, masked or none, and every
 * full value must have its entry in zhangsan's data-access log. The table is printed.
 */
const STATUSES = ['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'WITHDRAWN'] as const;
const OPEN = new Set(['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED', 'APPROVED']);
const VIEWS = ['queue', 'case', 'case + archive reason'] as const;
const ID_NUMBER = '440303199003071233';
const MOBILE = '13800138000';
const FILENAME = 'zhangsan-440303199003071233-photo.png';

const CASE_SELECTION = `id number status
  applicant { displayName ... on Person { name address { detail } } }
  fields { key value }
  materials { requirementCode evidence { __typename ... on Document { filename } ... on Licence { number } } }`;

type Cell = 'full' | 'masked' | 'none';
interface Field {
  label: string;
  /** The value as zhangsan's data holds it. */
  full: string;
  read(node: any): string | null | undefined;
  /** What a data-access entry names when this value left in full. */
  logged: string;
}

describe('access matrix: officer × case status × view × field — no full value leaves unlogged', () => {
  let graph: GraphHarness;
  let tokens: Record<'police' | 'market', string>;
  let licence: { id: string; number: string };
  const caseOf = (status: string) => `AP-MATRIX-${status.slice(0, 4)}`;
  const numberOf = (status: string) => `JJ-MATRIX-${status}`;
  const rows: string[] = [];

  const FIELDS: Field[] = [
    { label: 'form: idNumber', full: ID_NUMBER, read: (n) => n?.fields?.find((f: any) => f.key === 'idNumber')?.value, logged: 'applications.field.idNumber' },
    { label: 'form: mobile', full: MOBILE, read: (n) => n?.fields?.find((f: any) => f.key === 'mobile')?.value, logged: 'applications.field.mobile' },
    {
      label: 'material: filename',
      full: FILENAME,
      read: (n) => n?.materials?.find((m: any) => m.requirementCode === 'PHOTO')?.evidence?.[0]?.filename,
      logged: 'applications.material.PHOTO.filename',
    },
    {
      label: 'material: licence number',
      full: '',
      read: (n) => n?.materials?.find((m: any) => m.requirementCode === 'LICENCE')?.evidence?.[0]?.number,
      logged: 'licences.licence',
    },
    { label: 'applicant: name', full: '张三', read: (n) => n?.applicant?.name, logged: 'name' },
    { label: 'applicant: address', full: '东门街道解放路1001号', read: (n) => n?.applicant?.address?.detail, logged: 'address' },
  ];

  beforeAll(async () => {
    graph = await startGraph();
    const zhangsan = await graph.login('zhangsan');
    tokens = { police: await graph.login('officer.police'), market: await graph.login('officer.market') };
    const photo = (await upload(graph, zhangsan, FILENAME, PNG_BYTES)).json.document.id as string;
    const held = await graph.query('{ me { licences(status: VALID) { id number title } } }', {}, zhangsan);
    licence = held.data.me.licences.find((l: any) => l.title === '机动车驾驶证');
    FIELDS.find((f) => f.label === 'material: licence number')!.full = licence.number;
    const db = graph.databases.applications!.db as any;
    const at = new Date().toISOString();
    for (const status of STATUSES) {
      const id = caseOf(status);
      await db
        .insertInto('application')
        .values({
          id,
          number: numberOf(status),
          applicant_id: 'P-000001',
          submitted_by: 'A-000001',
          matter_code: 'JJ-0103',
          matter_name: '机动车驾驶证遗失补证',
          department_code: DEPARTMENTS.trafficPolice.code,
          case_type: 'PROMISED',
          licensing: 1,
          promised_days: 1,
          channel: 'ONLINE',
          status,
          submitted_at: at,
          submitted_year: new Date().getFullYear(),
          accepted_at: null,
          decided_at: null,
          completed_at: null,
          deadline: '2026-01-05',
          paused_since: null,
          paused_days: 0,
          resume_status: null,
          on_time: null,
          idempotency_key: `matrix-${status}`,
          payload_hash: 'x',
          form_snapshot: null,
          licence_id: null,
        })
        .execute();
      await db
        .insertInto('application_field')
        .values([
          {
            application_id: id,
            position: 0,
            key: 'idNumber',
            source: 'person.idNumber',
            value: ID_NUMBER,
            provenance_system: 'identity',
            provenance_department: null,
            trust_level: 'A',
            retrieved_at: at,
          },
          {
            application_id: id,
            position: 1,
            key: 'mobile',
            source: 'person.mobile',
            value: MOBILE,
            provenance_system: 'identity',
            provenance_department: null,
            trust_level: 'A',
            retrieved_at: at,
          },
        ])
        .execute();
      await db
        .insertInto('application_material')
        .values([
          { application_id: id, position: 0, requirement_code: 'PHOTO', evidence_kind: 'Document', evidence_id: photo },
          { application_id: id, position: 1, requirement_code: 'LICENCE', evidence_kind: 'Licence', evidence_id: licence.id },
        ])
        .execute();
      await db.insertInto('application_event').values({ application_id: id, seq: 1, at, status, actor: '申请人', note: null }).execute();
    }
    // Written around the service: count them as the service would have.
    await rebuildTallies(db);
  });
  afterAll(async () => {
    if (rows.length > 0) console.log(`\nofficer × status × view × field (${rows.length} cells)\n${rows.join('\n')}\n`);
    await graph?.close();
  });

  async function read(officer: 'police' | 'market', status: string, view: (typeof VIEWS)[number]): Promise<any> {
    if (view === 'queue') {
      // Its deadline (early January 2026) puts the case first in its status's queue.
      const answer = await graph.query(
        `query($status: ApplicationStatus) { officerQueue(status: $status, first: 5) { edges { node { ${CASE_SELECTION} } } } }`,
        { status },
        tokens[officer],
      );
      if (answer.errors?.some((e) => e.extensions?.code !== 'FORBIDDEN')) throw new Error(JSON.stringify(answer.errors));
      return answer.data?.officerQueue?.edges.map((e: any) => e.node).find((n: any) => n.id === caseOf(status)) ?? null;
    }
    const reason = view === 'case' ? null : `核查 ${status} ${officer}`;
    const answer = await graph.query(
      `query($id: ID!, $reason: String) { application(id: $id, archiveReason: $reason) { ${CASE_SELECTION} } }`,
      { id: caseOf(status), reason },
      tokens[officer],
    );
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data.application;
  }

  function classify(shown: string | null | undefined, full: string): Cell {
    if (shown === null || shown === undefined) return 'none';
    if (shown === full) return 'full';
    expect(shown, `a value other than the full one must be masked: ${shown}`).toContain('*');
    return 'masked';
  }

  it('the case’s department sees full values only while the case is with it, or with a stated reason — the other department nothing', async () => {
    const cells: Array<{ officer: string; status: string; view: string; field: Field; cell: Cell }> = [];
    for (const officer of ['police', 'market'] as const) {
      for (const status of STATUSES) {
        for (const view of VIEWS) {
          const node = await read(officer, status, view);
          for (const field of FIELDS) cells.push({ officer, status, view, field, cell: classify(field.read(node), field.full) });
        }
      }
    }
    // The reads are logged through events: give identity a moment, then read zhangsan's log once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const log = (await graph.databases.identity!.db.selectFrom('data_access').select(['purpose', 'fields']).where('applicant_id', '=', 'P-000001').execute()) as Array<{
      purpose: string;
      fields: string;
    }>;
    const unlogged: string[] = [];
    for (const { officer, status, view, field, cell } of cells) {
      const entry = cell === 'full' ? log.find((e) => e.purpose.includes(numberOf(status)) && (JSON.parse(e.fields) as string[]).includes(field.logged)) : undefined;
      const logged = cell !== 'full' ? '' : entry ? `logged: ${entry.purpose}` : 'UNLOGGED';
      if (cell === 'full' && !entry) unlogged.push(`${officer} ${status} ${view} ${field.label}`);
      rows.push(`${officer.padEnd(7)} ${status.padEnd(21)} ${view.padEnd(22)} ${field.label.padEnd(25)} ${cell.padEnd(7)} ${logged}`);
    }
    expect(unlogged).toEqual([]);

    const at = (officer: string, status: string, view: string) => cells.filter((c) => c.officer === officer && c.status === status && c.view === view).map((c) => c.cell);
    for (const status of STATUSES) {
      // Another department: the case does not exist for it.
      for (const view of VIEWS)
        expect(
          at('market', status, view).every((c) => c === 'none'),
          `market ${status} ${view}`,
        ).toBe(true);
      // The queue: masked values only (no licence at all), whatever the status.
      expect(
        at('police', status, 'queue').every((c) => c !== 'full'),
        `police ${status} queue`,
      ).toBe(true);
      // One case: full while with the department; a closed one masked without a reason, full with one.
      expect(
        at('police', status, 'case').every((c) => (OPEN.has(status) ? c === 'full' : c !== 'full')),
        `police ${status} case`,
      ).toBe(true);
      expect(
        at('police', status, 'case + archive reason').every((c) => c === 'full'),
        `police ${status} case + reason`,
      ).toBe(true);
    }
    // The queue shows the open cases and, asked for, the closed ones — masked.
    expect(at('police', 'SUBMITTED', 'queue')).toContain('masked');
  }, 120_000);
});
