import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { eventually, fieldsFrom, movableClock, PNG_BYTES, pdfBytes, uploadDocument } from '../src/cases.js';
import { startGraph, type GraphHarness, type HarnessOptions } from '../src/harness.js';

const RENEWAL = 'JJ-0101';
const ZHANGSAN_DRIVING_LICENCE = /^1\.2\.156\.3005\.2\.JDCJSZ\./;

/**
 * Issue 6's first journey: zhangsan renews his driving licence. The form arrives filled in, the
 * photo is uploaded once, a retried submission makes one case, and the police officer's
 * correction request pauses the clock: the deadline moves by the paused working days.
 */
function renewalJourney(open: (options: HarnessOptions) => Promise<GraphHarness>) {
  const time = movableClock('2026-12-07T02:00:00.000Z'); // Monday 10:00 in the city
  let graph: GraphHarness;
  let zhangsan: string;
  let police: string;
  let caseId: string;
  let caseNumber: string;
  let submitInput: any;

  beforeAll(async () => {
    graph = await open({ clock: time.clock });
    [zhangsan, police] = await Promise.all([graph.login('zhangsan'), graph.login('officer.police')]);
  });
  afterAll(async () => graph?.close());

  it('opens the renewal form prefilled, uploads the photo and the health certificate, and submits twice with one key', async () => {
    const form = await graph.operation('start-form.graphql', { matterCode: RENEWAL }, zhangsan);
    expect(form.errors).toBeUndefined();
    const prefill = form.data.prefill;
    expect(prefill.fields.find((f: any) => f.key === 'applicantName')).toMatchObject({ value: '张三', provenance: { system: 'identity', trustLevel: 'A' } });
    const licenceOffer = prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_DRIVING_LICENCE');
    expect(licenceOffer.satisfiedBy[0].id).toMatch(ZHANGSAN_DRIVING_LICENCE);

    const photo = await uploadDocument(graph, zhangsan, 'photo.png', PNG_BYTES);
    const health = await uploadDocument(graph, zhangsan, 'health.pdf', pdfBytes('体检合格'));
    submitInput = {
      matterCode: RENEWAL,
      idempotencyKey: 'renewal-2026-12-07-a',
      fields: fieldsFrom(prefill, { deliveryMethod: '邮寄' }),
      materials: [
        { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: licenceOffer.satisfiedBy[0].id },
        { requirementCode: 'PHOTO', documentId: photo.id },
        { requirementCode: 'HEALTH_CERTIFICATE', documentId: health.id },
      ],
    };
    const [first, second] = [
      await graph.operation('submit-application.graphql', { input: submitInput }, zhangsan),
      await graph.operation('submit-application.graphql', { input: submitInput }, zhangsan),
    ];
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const application = first.data.submitApplication.application;
    expect(second.data.submitApplication.application.id).toBe(application.id);
    expect(application).toMatchObject({
      status: 'SUBMITTED',
      submittedAt: '2026-12-07T02:00:00.000Z',
      deadline: '2026-12-08', // promised 1 working day
      matter: { code: RENEWAL, name: '机动车驾驶证期满换证', caseType: 'PROMISED' },
    });
    // The driving licence, the two uploads, and the application form the system generated (免填单).
    expect(application.materials.map((m: any) => m.evidence[0].__typename)).toEqual(['Licence', 'Document', 'Document', 'Document']);
    expect(application.materials.at(-1).evidence[0].filename).toMatch(/^机动车驾驶证期满换证申请表-\d+\.pdf$/);
    expect(application.materials[0].evidence[0]).toMatchObject({ title: '机动车驾驶证', status: 'VALID' });
    caseId = application.id;
    caseNumber = application.number;

    const rows = await graph.databases
      .applications!.db.selectFrom('application' as never)
      .selectAll()
      .where('applicant_id' as never, '=', 'P-000001' as never)
      .where('idempotency_key' as never, '=', submitInput.idempotencyKey as never)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses the same key with a different payload as CONFLICT', async () => {
    const changed = { ...submitInput, fields: fieldsFrom({ fields: submitInput.fields }, { deliveryMethod: '窗口自取' }) };
    const result = await graph.operation('submit-application.graphql', { input: changed }, zhangsan);
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('puts the case in the traffic police queue, earliest deadline first, and nobody else’s', async () => {
    const queue = await graph.operation('officer-queue.graphql', { status: 'SUBMITTED', first: 100 }, police);
    expect(queue.errors).toBeUndefined();
    const nodes = queue.data.officerQueue.edges.map((e: any) => e.node);
    const mine = nodes.find((n: any) => n.id === caseId);
    // A list shows masked values only (issue 17): the full name comes with the review, logged.
    expect(mine).toMatchObject({ status: 'SUBMITTED', matter: { code: RENEWAL }, applicant: { displayName: '张*' } });
    const deadlines = nodes.map((n: any) => n.deadline);
    expect(deadlines).toEqual([...deadlines].sort());

    const market = await graph.operation('officer-queue.graphql', { first: 100 }, await graph.login('officer.market'));
    expect(market.data.officerQueue.edges.map((e: any) => e.node.id)).not.toContain(caseId);
    const citizen = await graph.operation('officer-queue.graphql', {}, zhangsan);
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the officer review the case with purpose-bound personal data, logged for the applicant', async () => {
    const review = await graph.operation('review-application.graphql', { id: caseId }, police);
    expect(review.errors).toBeUndefined();
    const application = review.data.application;
    expect(application.applicant).toMatchObject({ displayName: '张三', name: '张三', idNumberMasked: '4403**********1233' });
    expect(application.applicant.id).not.toBe('P-000001'); // a grant reference, never the bare id
    expect(application.materials[0].evidence[0]).toMatchObject({ __typename: 'Licence', title: '机动车驾驶证', status: 'VALID' });
    expect(application.materials[1].evidence[0]).toMatchObject({ __typename: 'Document', filename: 'photo.png', size: PNG_BYTES.length });

    const log = await eventually(async () => {
      const result = await graph.operation('my-data-access.graphql', {}, zhangsan);
      const entries = result.data.me.dataAccessLog.edges.map((e: any) => e.node);
      return entries.some((e: any) => e.purpose.includes('审查办件') && e.fields.includes('licences.licence')) ? entries : null;
    }, 'the licence read in the data-access log');
    expect(log.every((e: any) => e.department.code === DEPARTMENTS.trafficPolice.code)).toBe(true);
  });

  it('accepts, requests a correction, and after the correction the deadline moved by the paused working days', async () => {
    const decide = (action: string, note?: string) => graph.operation('decide-application.graphql', { input: { id: caseId, action, note } }, police);
    expect((await decide('ACCEPT')).data.decideApplication.application.status).toBe('ACCEPTED');
    const correction = await decide('REQUEST_CORRECTION', '照片不清晰，请重新上传');
    expect(correction.data.decideApplication.application.status).toBe('CORRECTION_REQUESTED');

    time.set('2026-12-10T03:00:00.000Z'); // Thursday: Tue, Wed and Thu were paused
    const newPhoto = await uploadDocument(graph, zhangsan, 'photo-2.png', Buffer.concat([PNG_BYTES, Buffer.from('v2')]));
    const corrected = await graph.query(
      `mutation($input: CorrectApplicationInput!) { correctApplication(input: $input) { application { status deadline pausedDays } } }`,
      { input: { id: caseId, materials: [{ requirementCode: 'PHOTO', documentId: newPhoto.id }], note: '已重新上传照片' } },
      zhangsan,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.correctApplication.application).toEqual({ status: 'ACCEPTED', deadline: '2026-12-11', pausedDays: 3 });

    const approved = await decide('APPROVE', '准予换证');
    expect(approved.errors).toBeUndefined();
    expect(approved.data.decideApplication.application.history.map((h: any) => h.status)).toEqual(['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'APPROVED']);
    const again = await decide('APPROVE');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const early = await decide('COMPLETE');
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT'); // a licensing case ends in its licence
  });

  it('shows the applicant the case with its history, provenance and on-time decision', async () => {
    const detail = await graph.operation('application-detail.graphql', { id: caseId }, zhangsan);
    expect(detail.errors).toBeUndefined();
    const application = detail.data.application;
    expect(application).toMatchObject({
      status: 'APPROVED',
      deadline: '2026-12-11',
      onTime: true,
      acceptedAt: '2026-12-07T02:00:00.000Z',
      decidedAt: '2026-12-10T03:00:00.000Z',
      matter: { department: { name: '市公安局交通警察局' } },
      applicant: { id: 'P-000001', displayName: '张三' },
    });
    expect(application.fields.find((f: any) => f.key === 'applicantName').provenance).toEqual({ system: 'identity', trustLevel: 'A' });
    expect(application.fields.find((f: any) => f.key === 'deliveryMethod').provenance).toEqual({ system: 'applications', trustLevel: 'D' });
    expect(application.history[2]).toMatchObject({ status: 'CORRECTION_REQUESTED', note: '照片不清晰，请重新上传', actor: expect.stringContaining('市公安局交通警察局') });
    expect(application.materials.find((m: any) => m.requirementCode === 'PHOTO').evidence[0].filename).toBe('photo-2.png');

    const other = await graph.operation('application-detail.graphql', { id: caseId }, await graph.login('lisi'));
    expect(other.data.application).toBeNull();
  });

  it('lists the case and the documents on MyHome, and offers the photo again on the next form', async () => {
    const home = await graph.operation('my-home.graphql', {}, zhangsan);
    expect(home.errors).toBeUndefined();
    expect(home.data.me.applications.edges[0].node).toMatchObject({ id: caseId, status: 'APPROVED', matter: { code: RENEWAL } });
    expect(home.data.me.applications.totalCount).toBeGreaterThanOrEqual(1);
    expect(home.data.me.documents.map((d: any) => d.filename)).toEqual(expect.arrayContaining(['photo.png', 'photo-2.png', 'health.pdf']));

    const lost = await graph.operation('start-form.graphql', { matterCode: 'JJ-0103' }, zhangsan);
    const photo = lost.data.prefill.materials.find((m: any) => m.requirementCode === 'PHOTO');
    expect(photo.satisfiedBy.map((d: any) => d.filename)).toEqual(['photo-2.png']);
  });

  it('offers what zhangsan declared on his next renewal form, naming the earlier application and its date', async () => {
    const again = await graph.operation('start-form.graphql', { matterCode: RENEWAL }, zhangsan);
    expect(again.errors).toBeUndefined();
    expect(again.data.prefill.fields.find((f: any) => f.key === 'deliveryMethod')).toEqual({
      key: 'deliveryMethod',
      value: '邮寄',
      // The case was approved: C. No department vouches for a declared value; the provenance names the case instead.
      provenance: { system: 'applications', department: `申请人此前的申请 ${caseNumber}`, trustLevel: 'C', retrievedAt: '2026-12-07T02:00:00.000Z' },
    });
    const offered = Object.fromEntries(again.data.prefill.materials.map((m: any) => [m.requirementCode, m.satisfiedBy.map((e: any) => e.filename ?? e.__typename)]));
    expect(offered).toMatchObject({ CURRENT_DRIVING_LICENCE: ['Licence'], PHOTO: ['photo-2.png'], HEALTH_CERTIFICATE: ['health.pdf'] });
  });
}

describe('a driving licence renewal from form to decision (SQLite)', () => {
  renewalJourney((options) => startGraph(options));
});

describe.runIf(await postgresAvailable())('a driving licence renewal from form to decision (PostgreSQL)', () => {
  renewalJourney((options) => startGraph({ ...options, postgresUrl: POSTGRES_URL }));
});
