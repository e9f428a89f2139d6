import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { ZWSJ_2017 } from '../src/seed/demo-releases.js';
import { refusal, testGraph, zhangsan, type TestGraph } from './harness.js';

const REPORT = `query ($code: String!, $year: Int!) {
  annualReport(departmentCode: $code, year: $year) {
    departmentCode year department { code }
    proactiveDisclosure { total byCategory { category releases } byChannel { channel releases posts followers } }
    disclosureOnRequest { carriedOver received answered answeredOnTime extended pending byOutcome { outcome requests } }
    disclosureFees { requestsCharged totalYuan }
    disclosureReviews { reconsiderations { filed maintained corrected other pending } litigations { filed maintained corrected other pending } }
  }
}`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on AnnualReport { departmentCode year proactiveDisclosure { total } disclosureOnRequest { received } } } }`;

const zwsj = DEPARTMENTS.dataAdministration.code;
const none = { filed: 0, maintained: 0, corrected: 0, other: 0, pending: 0 };

describe('the annual report', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await testGraph();
  });
  afterAll(async () => {
    await graph?.database.close();
  });

  it("gives the seed office's 2017 exactly as its report did, to anyone", async () => {
    const result = await graph.run(REPORT, { code: zwsj, year: 2017 }, null);
    expect(result.errors).toBeUndefined();
    const report = result.data!.annualReport;
    expect(report.department).toEqual({ code: zwsj });
    expect(report.proactiveDisclosure.total).toBe(128);
    expect(report.proactiveDisclosure.byCategory).toEqual([
      { category: 'NOTICE', releases: 10 },
      { category: 'WORK_UPDATE', releases: 108 },
      { category: 'STATISTICS', releases: 10 },
      { category: 'POLICY', releases: 0 },
    ]);
    const channels = Object.fromEntries(report.proactiveDisclosure.byChannel.map((c: { channel: string }) => [c.channel, c]));
    expect(Object.keys(channels)).toEqual(['WEBSITE', 'WECHAT', 'GAZETTE', 'PRESS']);
    expect(channels.WEBSITE).toEqual({ channel: 'WEBSITE', releases: 128, posts: 128, followers: null });
    expect(channels.WECHAT).toMatchObject({ posts: ZWSJ_2017.wechat.posts, followers: 38_229 });
    expect(channels.WECHAT.posts).toBe(251);
    expect(channels.WECHAT.releases).toBeGreaterThan(90);
    expect(channels.WECHAT.releases).toBeLessThan(128);
    expect(channels.GAZETTE.posts).toBeGreaterThanOrEqual(channels.GAZETTE.releases);
    expect(channels.PRESS.posts).toBeGreaterThanOrEqual(channels.PRESS.releases);
    expect(report.disclosureOnRequest).toEqual({
      carriedOver: 0,
      received: 0,
      answered: 0,
      answeredOnTime: 0,
      extended: 0,
      pending: 0,
      byOutcome: ['DISCLOSED', 'PARTIALLY_DISCLOSED', 'NOT_DISCLOSED', 'NOT_EXISTING', 'NOT_THIS_AUTHORITY'].map((outcome) => ({ outcome, requests: 0 })),
    });
    expect(report.disclosureFees).toEqual({ requestsCharged: 0, totalYuan: 0 });
    expect(report.disclosureReviews).toEqual({ reconsiderations: none, litigations: none });
  });

  it('counts a recent year’s requests: received, extended, answered by outcome, and reviews', async () => {
    const market = (await graph.run(REPORT, { code: DEPARTMENTS.marketRegulation.code, year: 2025 }, zhangsan)).data!.annualReport;
    expect(market.disclosureOnRequest).toMatchObject({ carriedOver: 0, received: 2, answered: 2, answeredOnTime: 2, extended: 1, pending: 0 });
    const outcomes = Object.fromEntries(market.disclosureOnRequest.byOutcome.map((o: { outcome: string; requests: number }) => [o.outcome, o.requests]));
    expect(outcomes).toEqual({ DISCLOSED: 0, PARTIALLY_DISCLOSED: 1, NOT_DISCLOSED: 0, NOT_EXISTING: 1, NOT_THIS_AUTHORITY: 0 });
    const housing = (await graph.run(REPORT, { code: DEPARTMENTS.housing.code, year: 2025 }, null)).data!.annualReport;
    expect(housing.disclosureReviews.reconsiderations).toEqual({ filed: 1, maintained: 1, corrected: 0, other: 0, pending: 0 });
    // The seed office has requests waiting at the end of 2026 (its queue), none carried into 2026.
    const hall = (await graph.run(REPORT, { code: zwsj, year: 2026 }, null)).data!.annualReport;
    expect(hall.disclosureOnRequest).toMatchObject({ carriedOver: 0, received: 3, answered: 1, pending: 2 });
  });

  it('refuses a year outside 2000..this year (BAD_USER_INPUT) and an unknown department (NOT_FOUND)', async () => {
    expect(refusal(await graph.run(REPORT, { code: zwsj, year: 1999 }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(refusal(await graph.run(REPORT, { code: zwsj, year: 2027 }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(refusal(await graph.run(REPORT, { code: '91440300MA5XXXXXXX', year: 2017 }, null))).toEqual({ code: 'NOT_FOUND' });
  });

  it('checks a representation as the query checks its arguments, and answers a batch with one query per section', async () => {
    for (const rep of [
      { __typename: 'AnnualReport', departmentCode: zwsj, year: 1800 },
      { __typename: 'AnnualReport', departmentCode: zwsj, year: '2017' },
      { __typename: 'AnnualReport', departmentCode: 'nonsense', year: 2017 },
      { __typename: 'AnnualReport', departmentCode: 42, year: 2017 },
    ]) {
      const result = await graph.run(ENTITIES, { reps: [rep] }, null);
      expect(result.data?._entities?.[0] ?? null).toBeNull();
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(result.errors?.[0]?.extensions?.code);
    }
    const proactive = vi.spyOn(graph.services.reports, 'proactive');
    const requests = vi.spyOn(graph.services.reports, 'requests');
    const reps = [2017, 2025, 2026].map((year) => ({ __typename: 'AnnualReport', departmentCode: zwsj, year }));
    reps.push({ __typename: 'AnnualReport', departmentCode: DEPARTMENTS.trafficPolice.code, year: 2025 });
    const result = await graph.run(ENTITIES, { reps }, null);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((r: { proactiveDisclosure: { total: number } }) => r.proactiveDisclosure.total)[0]).toBe(128);
    expect(proactive).toHaveBeenCalledTimes(1);
    expect(requests).toHaveBeenCalledTimes(1);
    proactive.mockRestore();
    requests.mockRestore();
  });
});
