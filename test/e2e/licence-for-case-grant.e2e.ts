import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsFrom, PNG_BYTES, pdfBytes, uploadDocument } from '../src/cases.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * An officer knows a case's applicant only as the case grant the review hands them; the licence of
 * the case is issued to that grant (the licence library opens it), never to an id the officer
 * would have to learn. Another officer's grant, another case's grant and a tampered one are refused.
 */
describe('issuing a case’s licence to the applicant the review named', () => {
  let graph: GraphHarness;
  let police: string;
  let caseId: string;
  let grant: string;

  async function approvedRenewal(idempotencyKey: string): Promise<{ id: string; grant: string }> {
    const zhangsan = await graph.login('zhangsan');
    const prefill = (await graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, zhangsan)).data.prefill;
    const photo = await uploadDocument(graph, zhangsan, `${idempotencyKey}.png`, PNG_BYTES);
    const health = await uploadDocument(graph, zhangsan, `${idempotencyKey}.pdf`, pdfBytes(idempotencyKey));
    const licence = prefill.materials.find((m: { requirementCode: string }) => m.requirementCode === 'CURRENT_DRIVING_LICENCE').satisfiedBy[0];
    const submitted = await graph.operation(
      'submit-application.graphql',
      {
        input: {
          matterCode: 'JJ-0101',
          idempotencyKey,
          fields: fieldsFrom(prefill, { deliveryMethod: '邮寄' }),
          materials: [
            { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: licence.id },
            { requirementCode: 'PHOTO', documentId: photo.id },
            { requirementCode: 'HEALTH_CERTIFICATE', documentId: health.id },
          ],
        },
      },
      zhangsan,
    );
    const id = submitted.data.submitApplication.application.id as string;
    for (const action of ['ACCEPT', 'APPROVE']) {
      const decided = await graph.operation('decide-application.graphql', { input: { id, action } }, police);
      expect(decided.errors).toBeUndefined();
    }
    const review = await graph.operation('review-application.graphql', { id }, police);
    return { id, grant: review.data.application.applicant.id as string };
  }

  const issue = (holderId: string, token: string, caseIdOfInput?: string) =>
    graph.operation(
      'issue-licence.graphql',
      { input: { typeCode: 'JDCJSZ', holderId, holderName: '张三', data: [{ key: 'drivingClass', value: 'C1' }], ...(caseIdOfInput ? { caseId: caseIdOfInput } : {}) } },
      token,
    );

  beforeAll(async () => {
    graph = await startGraph();
    police = await graph.login('officer.police');
    ({ id: caseId, grant } = await approvedRenewal('grant-issue-1'));
  });
  afterAll(async () => graph?.close());

  it('hands the officer a grant, not the applicant’s id', () => {
    expect(grant).toMatch(/^G~/);
    expect(grant).not.toContain('P-000001');
  });

  it('refuses a grant with another case’s id, another officer’s grant, and a tampered grant — and issues none of them', async () => {
    const other = await approvedRenewal('grant-issue-2');
    const mismatched = await issue(grant, police, other.id);
    expect(mismatched.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.holderId' });

    // officer.market is not of the issuing department: refused before the grant is even looked at.
    const market = await graph.login('officer.market');
    expect((await issue(grant, market)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const [payload, kid, signature] = grant.slice(2).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = `G~${Buffer.from(JSON.stringify({ ...claims, applicantId: 'P-000002' })).toString('base64url')}.${kid}.${signature}`;
    const tampered = await issue(forged, police);
    expect(tampered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.holderId' });
  });

  it('issues the licence to the case’s applicant, for the case the grant names, and the case completes', async () => {
    const issued = await issue(grant, police);
    expect(issued.errors, JSON.stringify(issued.errors)).toBeUndefined();
    expect(issued.data.issueLicence.licence).toMatchObject({ title: '机动车驾驶证', status: 'VALID', holder: { id: 'P-000001' } });
    const zhangsan = await graph.login('zhangsan');
    let status = '';
    for (let attempt = 0; attempt < 50 && status !== 'COMPLETED'; attempt++) {
      status = (await graph.operation('application-detail.graphql', { id: caseId }, zhangsan)).data.application.status;
      if (status !== 'COMPLETED') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe('COMPLETED');
    // The same grant cannot issue a second licence for the case.
    expect((await issue(grant, police)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
