import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { eventually, fieldsFrom, pdfBytes, uploadDocument } from '../src/cases.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

const COMPANY = 'E-000001';
const FOOD_LICENCE = 'SCJG-0201';
const FOOD_LICENCE_RENEWAL = 'SCJG-0203';

/**
 * Issue 6's second journey: a licensing case ends in a licence. wangwu's company applies for a
 * 食品经营许可证, the market officer approves and issues it for the case, the case completes, and
 * the next related form offers the new licence.
 */
function licensingJourney(open: () => Promise<GraphHarness>) {
  let graph: GraphHarness;
  let company: string;
  let market: string;
  let caseId: string;

  beforeAll(async () => {
    graph = await open();
    const wangwu = await graph.login('wangwu');
    company = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, wangwu)).data.actAs.token;
    market = await graph.login('officer.market');
  });
  afterAll(async () => graph?.close());

  it('submits the application with the business licence reused and the layout uploaded', async () => {
    const form = await graph.operation('start-form.graphql', { matterCode: FOOD_LICENCE }, company);
    expect(form.errors).toBeUndefined();
    const prefill = form.data.prefill;
    expect(prefill.fields.find((f: any) => f.key === 'creditCode')).toMatchObject({ value: '91440300MA5F2JNT4W', provenance: { trustLevel: 'A' } });
    const businessLicence = prefill.materials.find((m: any) => m.requirementCode === 'BUSINESS_LICENCE').satisfiedBy[0];
    expect(businessLicence).toMatchObject({ __typename: 'Licence', title: '营业执照' });

    const layout = await uploadDocument(graph, company, '平面布局图.pdf', pdfBytes('layout'));
    const submitted = await graph.operation(
      'submit-application.graphql',
      {
        input: {
          matterCode: FOOD_LICENCE,
          idempotencyKey: 'food-licence-0001',
          fields: fieldsFrom(prefill, { businessPremises: '粤海街道高新南七道018号', businessScope: '预包装食品销售；热食类食品制售' }),
          materials: [
            { requirementCode: 'BUSINESS_LICENCE', licenceId: businessLicence.id },
            { requirementCode: 'PREMISES_LAYOUT', documentId: layout.id },
          ],
        },
      },
      company,
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitApplication.application).toMatchObject({ status: 'SUBMITTED', matter: { code: FOOD_LICENCE, caseType: 'PROMISED' } });
    caseId = submitted.data.submitApplication.application.id;
  });

  it('refuses a licence for the case before it is approved', async () => {
    const early = await graph.operation('issue-licence.graphql', { input: foodLicence(caseId) }, market);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
  });

  it('lets the market officer approve and issue the licence for the case, which completes it', async () => {
    for (const action of ['ACCEPT', 'APPROVE']) {
      const result = await graph.operation('decide-application.graphql', { input: { id: caseId, action } }, market);
      expect(result.errors).toBeUndefined();
    }
    const issued = await graph.operation('issue-licence.graphql', { input: foodLicence(caseId) }, market);
    expect(issued.errors).toBeUndefined();
    const licence = issued.data.issueLicence.licence;
    expect(licence).toMatchObject({ title: '食品经营许可证', status: 'VALID', holder: { id: COMPANY } });

    const twice = await graph.operation('issue-licence.graphql', { input: foodLicence(caseId) }, market);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const completed = await eventually(async () => {
      const detail = await graph.operation('application-detail.graphql', { id: caseId }, company);
      return detail.data.application.status === 'COMPLETED' ? detail.data.application : null;
    }, 'the case to complete once the licence is issued');
    expect(completed.history.at(-1)).toMatchObject({ status: 'COMPLETED', actor: '系统', note: expect.stringContaining(licence.id) });
    expect(completed.onTime).toBe(true);

    const renewal = await graph.operation('start-form.graphql', { matterCode: FOOD_LICENCE_RENEWAL }, company);
    const offered = renewal.data.prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_FOOD_LICENCE').satisfiedBy;
    expect(offered.map((l: any) => l.id)).toEqual([licence.id]);
    expect(renewal.data.prefill.fields.find((f: any) => f.key === 'foodLicenceNumber')).toMatchObject({
      value: licence.number,
      provenance: { system: 'licences', trustLevel: 'A' },
    });
  });
}

function foodLicence(caseId: string) {
  return {
    typeCode: 'SPJYXKZ',
    holderId: COMPANY,
    holderName: '深圳市示例科技有限公司',
    validTo: '2031-12-31',
    data: [{ key: 'businessScope', value: '预包装食品销售；热食类食品制售' }],
    caseId,
  };
}

describe('a food business licence from application to licence (SQLite)', () => {
  licensingJourney(() => startGraph());
});

describe.runIf(await postgresAvailable())('a food business licence from application to licence (PostgreSQL)', () => {
  licensingJourney(() => startGraph({ postgresUrl: POSTGRES_URL }));
});
