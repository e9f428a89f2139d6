import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, fieldsFrom, PNG_BYTES, pdfBytes, uploadDocument } from '../src/cases.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

const RENEWAL = 'JJ-0101';

/**
 * Submissions that must not become cases: each is refused with a coded error naming every
 * problem, and leaves no row behind.
 */
describe('refused submissions', () => {
  let graph: GraphHarness;
  let zhangsan: string;
  let lisi: string;
  let police: string;
  let prefill: any;
  let good: any;

  const caseCount = async () =>
    Number(
      (
        (await (graph.databases.applications!.db as any)
          .selectFrom('application')
          .select((eb: any) => eb.fn.countAll().as('n'))
          .executeTakeFirst()) as { n: number }
      ).n,
    );
  const submit = (input: unknown, token = zhangsan) => graph.operation('submit-application.graphql', { input }, token);

  beforeAll(async () => {
    graph = await startGraph();
    [zhangsan, lisi, police] = await Promise.all([graph.login('zhangsan'), graph.login('lisi'), graph.login('officer.police')]);
    prefill = (await graph.operation('start-form.graphql', { matterCode: RENEWAL }, zhangsan)).data.prefill;
    const photo = await uploadDocument(graph, zhangsan, 'photo.png', PNG_BYTES);
    const health = await uploadDocument(graph, zhangsan, 'health.pdf', pdfBytes('ok'));
    good = {
      matterCode: RENEWAL,
      idempotencyKey: 'refusals-good-0001',
      fields: fieldsFrom(prefill, { deliveryMethod: '邮寄' }),
      materials: [
        { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: prefill.materials[0].satisfiedBy[0].id },
        { requirementCode: 'PHOTO', documentId: photo.id },
        { requirementCode: 'HEALTH_CERTIFICATE', documentId: health.id },
      ],
    };
  });
  afterAll(async () => graph?.close());

  it('names every missing or malformed field at once', async () => {
    const before = await caseCount();
    const fields = good.fields
      .filter((f: any) => f.key !== 'deliveryMethod')
      .map((f: any) => (f.key === 'mobile' ? { key: 'mobile', value: '12345' } : f.key === 'idNumber' ? { key: 'idNumber', value: '440303199003071234' } : f));
    const result = await submit({ ...good, idempotencyKey: 'refusals-fields-01', fields: [...fields, { key: 'colour', value: 'red' }] });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = result.errors![0]!.extensions!.problems.map((p: any) => p.path).sort();
    expect(paths).toEqual(['fields.colour', 'fields.deliveryMethod', 'fields.idNumber', 'fields.mobile']);
    expect(await caseCount()).toBe(before);
  });

  it('refuses someone else’s document and someone else’s licence', async () => {
    const before = await caseCount();
    const lisiDocument = await uploadDocument(graph, lisi, 'lisi.png', Buffer.concat([PNG_BYTES, Buffer.from('lisi')]));
    const lisiLicences = await graph.query('{ me { licences(status: VALID) { id title } } }', {}, lisi);
    const lisiLicence = lisiLicences.data.me.licences[0]?.id ?? '1.2.156.3005.2.JDCJSZ.X.00000002.1.0';
    const result = await submit({
      ...good,
      idempotencyKey: 'refusals-others-01',
      materials: [{ requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: lisiLicence }, { requirementCode: 'PHOTO', documentId: lisiDocument.id }, good.materials[2]],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = result.errors![0]!.extensions!.problems;
    expect(problems.map((p: any) => p.path).sort()).toEqual(['materials.CURRENT_DRIVING_LICENCE', 'materials.PHOTO']);
    expect(JSON.stringify(result)).not.toContain('lisi.png');
    expect(await caseCount()).toBe(before);
  });

  it('refuses a submission whose form was never opened, and bad keys', async () => {
    const notOpened = await submit({ ...good, matterCode: 'JJ-0103', idempotencyKey: 'refusals-unopened' });
    expect(notOpened.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FORM_NOT_OPENED' });
    const badKey = await submit({ ...good, idempotencyKey: 'x' });
    expect(badKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    const anonymous = await graph.operation('submit-application.graphql', { input: good });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a licence revoked after the form was opened', async () => {
    const before = await caseCount();
    const licenceId = good.materials[0].licenceId;
    const revoked = await graph.query(`mutation($id: ID!) { revokeLicence(id: $id, reason: "驾驶证被依法撤销") { status } }`, { id: licenceId }, police);
    expect(revoked.data.revokeLicence.status).toBe('REVOKED');
    // The licence library reports the revocation on its stream; the case system takes it in.
    await eventually(async () => {
      const row = await (graph.databases.applications!.db as any).selectFrom('licence_status').selectAll().where('licence_id', '=', licenceId).executeTakeFirst();
      return row?.status === 'REVOKED';
    }, 'the revocation to reach the case system');
    const result = await submit({ ...good, idempotencyKey: 'refusals-revoked-1' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.problems).toEqual([{ path: 'materials.CURRENT_DRIVING_LICENCE', message: expect.stringContaining('REVOKED') }]);
    expect(await caseCount()).toBe(before);

    // Opened again, the form no longer offers it.
    const again = await graph.operation('start-form.graphql', { matterCode: RENEWAL }, zhangsan);
    expect(again.data.prefill.materials[0].satisfiedBy).toEqual([]);
  });

  it('keeps decisions to officers of the case’s department', async () => {
    const rows = await (graph.databases.applications!.db as any)
      .selectFrom('application')
      .select(['id'])
      .where('department_code', '!=', graph.claimsOf(police).department)
      .where('status', '=', 'SUBMITTED')
      .limit(1)
      .execute();
    const otherDepartmentCase = rows[0].id;
    const byPolice = await graph.operation('decide-application.graphql', { input: { id: otherDepartmentCase, action: 'ACCEPT' } }, police);
    expect(byPolice.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byCitizen = await graph.operation('decide-application.graphql', { input: { id: otherDepartmentCase, action: 'ACCEPT' } }, zhangsan);
    expect(byCitizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
