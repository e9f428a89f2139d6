import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Issue 23: the hall's other offices as departments, and the disclosure annual report computed
 * live through the graph. The seed office's simulated 2017 reproduces the report's figures
 * (docs/domain.md); the offices' journeys change this year's report as they happen.
 */
const SEED_OFFICE = DEPARTMENTS.dataAdministration.code;
const TRAFFIC_POLICE = DEPARTMENTS.trafficPolice.code;
const MARKET = DEPARTMENTS.marketRegulation.code;
const THIS_YEAR = Number(new Date().toISOString().slice(0, 4));
const PDFTOTEXT = '/usr/bin/pdftotext';

describe('the disclosure and consultation departments, and the annual report', () => {
  let graph: GraphHarness;
  const report = async (departmentCode: string, year: number) => {
    const answer = await graph.operation('annual-report.graphql', { departmentCode, year });
    expect(answer.errors).toBeUndefined();
    return answer.data.annualReport;
  };

  beforeAll(async () => {
    graph = await startGraph({ gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off', GATEWAY_BREAKER_OPEN_MS: '500' } });
  });
  afterAll(async () => graph?.close());

  it('reproduces the hall’s 2017 for the seed office: 35 / 1,444 / 556 / 95.9 % / 99.2 % / 99.2 %, the disclosure and consultation figures', async () => {
    const r = await report(SEED_OFFICE, 2017);
    expect(r.department).toEqual({ code: SEED_OFFICE, name: '市政务服务数据管理局' });
    expect(r.catalogOverview).toEqual({
      departments: 35,
      matters: 1444,
      licensingItems: 556,
      fullyOnlineLicensingItems: 533,
      fullyOnlineRate: 0.959,
      districts: 10,
      subdistricts: 74,
      communities: 645,
    });
    expect(r.caseOverview).toMatchObject({ workingDays: 249, onTimeRate: 1 });
    expect(r.caseOverview.onlineApplicationRate.toFixed(3)).toBe('0.992');
    expect(r.caseOverview.onlineCompletionRate.toFixed(3)).toBe('0.992');
    expect(r.caseOverview.instantRate.toFixed(4)).toBe('0.6378');

    expect(r.proactiveDisclosure.byCategory).toEqual([
      { category: 'NOTICE', releases: 10 },
      { category: 'WORK_UPDATE', releases: 108 },
      { category: 'STATISTICS', releases: 10 },
      { category: 'POLICY', releases: 0 },
    ]);
    expect(r.proactiveDisclosure.byChannel.find((c: { channel: string }) => c.channel === 'WECHAT')).toMatchObject({ posts: 251, followers: 38_229 });
    expect(r.disclosureOnRequest).toMatchObject({ carriedOver: 0, received: 0, answered: 0, pending: 0 });
    expect(r.disclosureFees).toEqual({ requestsCharged: 0, totalYuan: 0 });
    for (const kind of ['reconsiderations', 'litigations']) expect(r.disclosureReviews[kind].filed).toBe(0);

    expect(r.consultationAndComplaints).toMatchObject({
      onSiteConsultations: 152_762,
      consultationsAnswered: 146_859,
      coordinations: 59,
      praise: { letters: 125, banners: 134, plaques: 2 },
    });
  });

  it('downloads the report as an HTML document and a PDF holding the same figures', async () => {
    const html = await fetch(`${graph.gateway.url}/reports/annual-report/${SEED_OFFICE}/2017.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toBe(`attachment; filename="annual-report-${SEED_OFFICE}-2017.html"`);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = await html.text();
    for (const figure of ['1,444', '556', '95.9%', '99.2%', '152,762', '146,859', '38,229', '二、主动公开政府信息情况', '六、咨询投诉处理情况']) expect(text).toContain(figure);
    expect(text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);

    const pdf = await fetch(`${graph.gateway.url}/reports/annual-report/${SEED_OFFICE}/2017.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync(PDFTOTEXT)) {
      const pdfText = execFileSync(PDFTOTEXT, ['-', '-'], { input: bytes }).toString('utf8');
      for (const figure of ['1,444', '95.9%', '152,762']) expect(pdfText).toContain(figure);
    } else if (process.env.CI === 'true') throw new Error('pdftotext is missing (apt install poppler-utils)');
    else console.warn('pdftotext not installed: the PDF’s text is not read back');

    const unknown = await fetch(`${graph.gateway.url}/reports/annual-report/11440300999999999X/2017.html`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const badYear = await fetch(`${graph.gateway.url}/reports/annual-report/${SEED_OFFICE}/1999.html`);
    expect(badYear.status).toBe(400);
    expect(((await badYear.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('a request for disclosure: received with its 20-working-day deadline, answered by its department, counted live, and visible to the requester as an officer’s read', async () => {
    const before = await report(TRAFFIC_POLICE, THIS_YEAR);
    const zhangsan = await graph.login('zhangsan');
    const requested = await graph.operation(
      'request-disclosure.graphql',
      { input: { departmentCode: TRAFFIC_POLICE, description: '申请公开本局本年度驾驶证换证办理量统计' } },
      zhangsan,
    );
    expect(requested.errors).toBeUndefined();
    const { id, dueOn, receivedOn } = requested.data.requestDisclosure;
    expect(dueOn > receivedOn).toBe(true);

    const police = await graph.login('officer.police');
    const answered = await graph.operation('answer-disclosure-request.graphql', { id, outcome: 'PARTIALLY_DISCLOSED', refusalGround: 'PERSONAL_PRIVACY' }, police);
    expect(answered.errors).toBeUndefined();
    expect(answered.data.answerDisclosureRequest).toMatchObject({ status: 'ANSWERED', outcome: 'PARTIALLY_DISCLOSED', answeredOnTime: true });
    const again = await graph.operation('answer-disclosure-request.graphql', { id, outcome: 'DISCLOSED' }, police);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const after = await report(TRAFFIC_POLICE, THIS_YEAR);
    expect(after.disclosureOnRequest.received).toBe(before.disclosureOnRequest.received + 1);
    expect(after.disclosureOnRequest.answered).toBe(before.disclosureOnRequest.answered + 1);
    const partly = (r: typeof before) => r.disclosureOnRequest.byOutcome.find((o: { outcome: string }) => o.outcome === 'PARTIALLY_DISCLOSED').requests;
    expect(partly(after)).toBe(partly(before) + 1);

    const mine = await graph.operation('my-disclosure-requests.graphql', {}, zhangsan);
    expect(mine.data.me.disclosureRequests.find((r: { id: string }) => r.id === id)).toMatchObject({
      outcome: 'PARTIALLY_DISCLOSED',
      refusalGround: 'PERSONAL_PRIVACY',
      feeYuan: 0,
    });
    const lisi = await graph.login('lisi');
    expect((await graph.operation('my-disclosure-requests.graphql', {}, lisi)).data.me.disclosureRequests.map((r: { id: string }) => r.id)).not.toContain(id);

    const logged = await eventually(
      async () => (await graph.operation('my-data-access.graphql', { first: 50 }, zhangsan)).data.me.dataAccessLog.edges,
      (edges: Array<{ node: { purpose: string } }>) => edges.some((e) => e.node.purpose.includes(id)),
    );
    expect(logged.find((e: { node: { purpose: string } }) => e.node.purpose.includes(id))?.node).toMatchObject({ accessor: '赵警官', department: { code: TRAFFIC_POLICE } });
  });

  it('a question answered and published: the matter’s frequent questions show it to anyone; the asker sees the answer', async () => {
    const zhangsan = await graph.login('zhangsan');
    const asked = await graph.operation(
      'ask-consultation.graphql',
      { input: { departmentCode: TRAFFIC_POLICE, matterCode: 'JJ-0101', channel: 'WECHAT', question: '外地驾驶证可以在本市换证吗？' } },
      zhangsan,
    );
    expect(asked.errors).toBeUndefined();
    const { id } = asked.data.askConsultation;
    const market = await graph.login('officer.market');
    const elsewhere = await graph.operation('answer-consultation.graphql', { id, answer: '可以。' }, market);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const police = await graph.login('officer.police');
    const answered = await graph.operation(
      'answer-consultation.graphql',
      { id, answer: '可以，持外地驾驶证可在本市车管所办理换证。', publishAs: '外地驾驶证可以在本市换证吗？' },
      police,
    );
    expect(answered.data.answerConsultation).toMatchObject({ status: 'ANSWERED', answeredInTime: true });

    const questions = await graph.operation('matter-questions.graphql', { code: 'JJ-0101', first: 20 });
    expect(questions.data.matter.frequentQuestions).toContainEqual(expect.objectContaining({ question: '外地驾驶证可以在本市换证吗？', timesAsked: 1 }));
    expect(JSON.stringify(questions.data)).not.toContain('张三');
    const mine = await graph.operation('my-consultations.graphql', {}, zhangsan);
    expect(mine.data.me.consultations[0]).toMatchObject({ id, answer: '可以，持外地驾驶证可在本市车管所办理换证。' });
  });

  it('a complaint coordinated by the hall office and rated: counted in the department’s report as a coordination', async () => {
    const before = (await report(MARKET, THIS_YEAR)).consultationAndComplaints;
    const lisi = await graph.login('lisi');
    const filed = await graph.operation('file-complaint.graphql', { input: { departmentCode: MARKET, subject: '食品经营许可证变更网上申请提交后无人受理' } }, lisi);
    const { id } = filed.data.fileComplaint;
    const early = await graph.operation('rate-complaint.graphql', { id, rating: 5 }, lisi);
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const market = await graph.login('officer.market');
    expect((await graph.operation('close-complaint.graphql', { id, outcome: 'RESOLVED', coordinated: true }, market)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hall = await graph.login('officer.hall');
    const closed = await graph.operation('close-complaint.graphql', { id, outcome: 'RESOLVED', coordinated: true, note: '已协调市场监管局当日受理' }, hall);
    expect(closed.data.closeComplaint).toMatchObject({ outcome: 'RESOLVED', coordinated: true });
    const rated = await graph.operation('rate-complaint.graphql', { id, rating: 5 }, lisi);
    expect(rated.data.rateComplaint.rating).toBe(5);

    const after = (await report(MARKET, THIS_YEAR)).consultationAndComplaints;
    expect(after.complaintsReceived).toBe(before.complaintsReceived + 1);
    expect(after.complaintsClosed).toBe(before.complaintsClosed + 1);
    expect(after.coordinations).toBe(before.coordinations + 1);
  });

  it('consultation down: the report still downloads, its section marked unavailable; the graph answers the rest', async () => {
    await graph.subgraphs.consultation!.close();
    try {
      const answer = await graph.operation('annual-report.graphql', { departmentCode: SEED_OFFICE, year: 2017 });
      expect(answer.data.annualReport.consultationAndComplaints).toBeNull();
      expect(answer.data.annualReport.proactiveDisclosure.total).toBe(128);
      expect(answer.errors?.map((e) => e.extensions?.serviceName)).toContain('consultation');
      const html = await fetch(`${graph.gateway.url}/reports/annual-report/${SEED_OFFICE}/2017.html`);
      expect(html.status).toBe(200);
      expect(html.headers.get('x-report-unavailable')).toContain('consultation');
      expect(await html.text()).toContain('1,444');
    } finally {
      await graph.restartSubgraph('consultation');
    }
  });
});

async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
