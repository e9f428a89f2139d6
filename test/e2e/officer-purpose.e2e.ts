import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { eventually } from '../src/cases.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Issue 17, items 1–3: an officer sees full personal values only for the case's purpose. A list
 * (the queue) shows masked values and logs nothing because nothing full leaves; one case with the
 * department shows full values, each written to the applicant's data-access log first; a closed
 * case shows masked values unless the officer states an archive reason, under which it is logged;
 * a licence operation outside any case answers with its outcome only and is logged.
 */
const QUEUE_WITH_VALUES = `query($status: ApplicationStatus) {
  officerQueue(status: $status, first: 8) {
    edges { node { id number applicant { __typename displayName } fields { key value } materials { evidence { __typename ... on Document { filename } } } } }
  }
}`;

const ONE_CASE = `query($id: ID!, $reason: String) {
  application(id: $id, archiveReason: $reason) {
    id number status
    applicant { __typename displayName ... on Person { name } }
    fields { key value }
    materials { requirementCode evidence { __typename ... on Document { filename } ... on Licence { number } } }
  }
}`;

describe('officers read full personal values only for the case’s purpose, and every such read is logged', () => {
  let graph: GraphHarness;
  let police: string;

  /** The case's stored values: what must never leave unlogged. */
  const storedValues = async (caseId: string) =>
    (await graph.databases.applications!.db.selectFrom('application_field').select(['key', 'value']).where('application_id', '=', caseId).execute()) as Array<{
      key: string;
      value: string | null;
    }>;
  const caseRow = async (caseId: string) =>
    (await graph.databases.applications!.db.selectFrom('application').select(['applicant_id', 'number', 'status']).where('id', '=', caseId).executeTakeFirstOrThrow()) as {
      applicant_id: string;
      number: string;
      status: string;
    };
  const logOf = async (applicantId: string) =>
    (await graph.databases.identity!.db.selectFrom('data_access').select(['purpose', 'fields', 'case_id']).where('applicant_id', '=', applicantId).execute()) as Array<{
      purpose: string;
      fields: string;
      case_id: string | null;
    }>;
  /** Events reach identity's log within a poll or two: wait long enough for a write that should not come. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  beforeAll(async () => {
    graph = await startGraph();
    police = await graph.login('officer.police');
  });
  afterAll(async () => graph?.close());

  it('the queue shows masked values only — open and closed cases — and logs nothing', async () => {
    let compared = 0;
    for (const status of ['SUBMITTED', 'ACCEPTED', 'COMPLETED']) {
      const queue = await graph.query(QUEUE_WITH_VALUES, { status }, police);
      expect(queue.errors, status).toBeUndefined();
      const nodes = queue.data.officerQueue.edges.map((e: any) => e.node);
      expect(nodes.length, `${status} cases in the police queue`).toBeGreaterThan(0);
      const before = await Promise.all(nodes.map(async (n: any) => (await logOf((await caseRow(n.id)).applicant_id)).length));
      for (const node of nodes) {
        for (const stored of await storedValues(node.id)) {
          const shown = node.fields.find((f: any) => f.key === stored.key)?.value;
          if (stored.value && stored.value.length > 1) {
            expect(shown, `${node.number} ${stored.key}`).not.toBe(stored.value);
            compared += 1;
          }
          if (shown) expect(shown).toContain('*');
        }
        // An enterprise's name is public register data; a person's is masked.
        if (node.applicant.__typename === 'Person') expect(node.applicant.displayName).toContain('*');
        for (const material of node.materials) {
          for (const evidence of material.evidence) {
            // A list opens no licence; a document's filename is masked.
            expect(evidence.__typename).toBe('Document');
            expect(evidence.filename).toContain('*');
          }
        }
      }
      await settle();
      const after = await Promise.all(nodes.map(async (n: any) => (await logOf((await caseRow(n.id)).applicant_id)).length));
      expect(after, `${status}: nothing full left, nothing logged`).toEqual(before);
    }
    expect(compared, 'form values compared with what the queue showed').toBeGreaterThan(20);
  });

  it('a case with the department is reviewed in full, and the exact fields that left are logged first', async () => {
    const queue = await graph.query(QUEUE_WITH_VALUES, { status: 'SUBMITTED' }, police);
    const open = queue.data.officerQueue.edges[0].node;
    const row = await caseRow(open.id);
    const stored = await storedValues(open.id);
    expect(stored.filter((f) => f.value).length).toBeGreaterThan(2);
    const review = await graph.query(ONE_CASE, { id: open.id }, police);
    expect(review.errors).toBeUndefined();
    for (const value of stored) expect(review.data.application.fields.find((f: any) => f.key === value.key).value).toBe(value.value);
    const entry = await eventually(
      async () => (await logOf(row.applicant_id)).find((e) => e.purpose === `审查办件 ${row.number}` && e.fields.includes('applications.field.')),
      'the review in the data-access log',
    );
    const logged = JSON.parse(entry.fields) as string[];
    const expected = stored.filter((f) => f.value).map((f) => `applications.field.${f.key}`);
    expect(logged).toEqual(expect.arrayContaining(expected));
    expect(entry.case_id).toBe(open.id);
  });

  it('a closed case shows masked values unless an archive reason is stated; with one it is read in full and logged as such', async () => {
    // zhangsan's replaced driving licence (seeded, completed in March 2026): a closed police case with form values.
    const closed = (await graph.databases
      .applications!.db.selectFrom('application')
      .select('id')
      .where('applicant_id', '=', 'P-000001')
      .where('status', '=', 'COMPLETED')
      .where('department_code', '=', DEPARTMENTS.trafficPolice.code)
      .executeTakeFirstOrThrow()) as { id: string };
    const row = await caseRow(closed.id);
    const stored = (await storedValues(closed.id)).filter((f) => f.value && f.value.length > 1);
    expect(stored.length).toBeGreaterThan(2);
    const logBefore = (await logOf(row.applicant_id)).length;

    const masked = await graph.query(ONE_CASE, { id: closed.id }, police);
    expect(masked.data.application.status).toBe('COMPLETED');
    for (const value of stored) expect(masked.data.application.fields.find((f: any) => f.key === value.key).value).not.toBe(value.value);
    expect(masked.errors).toBeUndefined();
    expect(masked.data.application.applicant).toMatchObject({ displayName: '张*', name: '张*' });
    // No licence without a reason; documents with masked filenames.
    for (const material of masked.data.application.materials) for (const evidence of material.evidence) expect(evidence.__typename).toBe('Document');
    await settle();
    expect((await logOf(row.applicant_id)).length).toBe(logBefore);

    const tooShort = await graph.query(ONE_CASE, { id: closed.id, reason: 'x' }, police);
    expect(tooShort.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooShort.errors?.[0]?.message).toMatch(/archiveReason/);

    const reason = '核查投诉线索 2026-113';
    const archived = await graph.query(ONE_CASE, { id: closed.id, reason }, police);
    expect(archived.errors).toBeUndefined();
    for (const value of stored) expect(archived.data.application.fields.find((f: any) => f.key === value.key).value).toBe(value.value);
    expect(archived.data.application.applicant).toMatchObject({ displayName: '张三', name: '张三' });
    const purpose = `查阅归档办件 ${row.number}：${reason}`;
    const entries = await eventually(async () => {
      const log = await logOf(row.applicant_id);
      return log.some((e) => e.purpose === purpose && e.fields.includes('applications.field.')) && log.some((e) => e.purpose === purpose && !e.fields.includes('applications.'))
        ? log
        : null;
    }, 'the archive read (the case values and identity’s) in the data-access log');
    expect(entries.filter((e) => e.purpose === purpose).length).toBeGreaterThanOrEqual(2);
  });

  it('no grant opens another closed case’s applicant or licences without a reason (the identity read stays masked, licences none)', async () => {
    const queue = await graph.query(QUEUE_WITH_VALUES, { status: 'COMPLETED' }, police);
    const rejected = queue.data.officerQueue.edges.at(-1).node;
    const answer = await graph.query(ONE_CASE, { id: rejected.id }, police);
    if (answer.data.application.applicant.__typename === 'Person') expect(answer.data.application.applicant.displayName).toContain('*');
    for (const material of answer.data.application.materials) for (const evidence of material.evidence) expect(evidence.__typename).toBe('Document');
  });

  it('a licence operation outside any case answers with its outcome only, and is logged for the holder', async () => {
    const zhangsan = await graph.login('zhangsan');
    const licences = await graph.query('{ me { licences(status: VALID) { id title number } } }', {}, zhangsan);
    const driving = licences.data.me.licences.find((l: any) => l.title === '机动车驾驶证');
    const operate = (mutation: string) =>
      graph.query(`mutation($id: ID!) { ${mutation}(id: $id, reason: "交通违法记分满12分") { id status number data { key value } } }`, { id: driving.id }, police);
    const suspended = await operate('suspendLicence');
    expect(suspended.data.suspendLicence).toMatchObject({ id: driving.id, status: 'SUSPENDED' });
    expect(suspended.data.suspendLicence.number).not.toBe(driving.number);
    expect(suspended.data.suspendLicence.number).toContain('*');
    expect(suspended.errors).toBeUndefined();
    expect(suspended.data.suspendLicence.data.length).toBeGreaterThan(0);
    for (const entry of suspended.data.suspendLicence.data) expect(entry.value).toContain('*');
    const reinstated = await operate('reinstateLicence');
    expect(reinstated.data.reinstateLicence).toMatchObject({ id: driving.id, status: 'VALID' });
    expect(JSON.stringify(reinstated.data)).not.toContain(driving.number);

    const log = await eventually(async () => {
      const result = await graph.operation('my-data-access.graphql', {}, zhangsan);
      const entries = result.data.me.dataAccessLog.edges.map((e: any) => e.node);
      return entries.filter((e: any) => e.fields.includes('licences.licence.status')).length >= 2 ? entries : null;
    }, 'both operations in zhangsan’s data-access log');
    expect(log.map((e: any) => e.purpose)).toEqual(expect.arrayContaining(['暂扣证照：交通违法记分满12分', '恢复证照：交通违法记分满12分']));
  });
});
