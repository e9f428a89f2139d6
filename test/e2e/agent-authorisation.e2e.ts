import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Issue 17, item 5: authoriseAgent is no oracle. 24 tries used to find a citizen's full ID number
 * from name, district and birth date, because a match authorised and a miss answered NOT_FOUND.
 * Now every attempt answers the same — a PENDING authorisation showing what was typed — and the
 * representative's view never changes with whether the document matched; only the named person,
 * from their own account, can make it take effect. Attempts are limited per enterprise and day.
 */
const COMPANY = 'E-000001';
const ZHANGSAN = { name: '张三', idNumber: '440303199003071233' };
/** Valid check character and birth date, born the same day in the same district: nobody holds it. */
const NOBODY = '440303199003070011';
const AUTHORISE = `mutation($input: AuthoriseAgentInput!) {
  authoriseAgent(input: $input) { id status role idType name idNumberMasked validFrom validTo offeredAt enterprise { id name } }
}`;
const REPRESENTATIVE_VIEW = `{ me { ... on Enterprise {
  agents { role validFrom validTo person { id name } }
  agentAuthorisations { id status role idType name idNumberMasked validFrom validTo }
} } }`;
const OFFERS = `{ me { ... on Person { agentAuthorisationOffers { id status name validTo enterprise { id name } } } } }`;
const ACCEPT = `mutation($id: ID!) { acceptAgentAuthorisation(id: $id) { id status enterprise { id } } }`;

/** What the answer may differ in between attempts: its own id and time. */
const withoutIdAndTime = ({ id: _id, offeredAt: _at, ...rest }: Record<string, unknown>) => rest;

describe('authoriseAgent tells nothing about who exists', () => {
  let graph: GraphHarness;
  let company: string;
  /** Attempts spent from the company's daily budget (10) by this file. */
  let spent = 0;
  const authorise = async (input: Record<string, unknown>, token = company) => {
    spent += 1;
    return graph.query(AUTHORISE, { input: { validTo: '2027-12-31', ...input } }, token);
  };
  beforeAll(async () => {
    graph = await startGraph({ captureLogs: true });
    company = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, await graph.login('wangwu'))).data.actAs.token;
  });
  afterAll(async () => graph?.close());

  it('answers a wrong name, a wrong number and a match alike, and the representative sees the same afterwards', async () => {
    const viewBefore = (await graph.query(REPRESENTATIVE_VIEW, {}, company)).data.me;
    const attempts = {
      wrongName: await authorise({ idNumber: ZHANGSAN.idNumber, name: '张四' }),
      wrongNumber: await authorise({ idNumber: NOBODY, name: ZHANGSAN.name }),
      match: await authorise({ idNumber: ZHANGSAN.idNumber, name: ZHANGSAN.name }),
    };
    for (const [attempt, answer] of Object.entries(attempts)) {
      expect(answer.status, attempt).toBe(200);
      expect(answer.errors, attempt).toBeUndefined();
    }
    // Each answer is what was typed, and nothing else: the same function of the input for all three.
    const typed = (name: string, idNumber: string) => ({
      status: 'PENDING',
      role: 'AUTHORISED_AGENT',
      idType: 'RESIDENT_ID',
      name,
      idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      validTo: '2027-12-31',
      enterprise: { id: COMPANY, name: '深圳市示例科技有限公司' },
    });
    expect(withoutIdAndTime(attempts.wrongName.data.authoriseAgent)).toEqual(typed('张四', ZHANGSAN.idNumber));
    expect(withoutIdAndTime(attempts.wrongNumber.data.authoriseAgent)).toEqual(typed(ZHANGSAN.name, NOBODY));
    expect(withoutIdAndTime(attempts.match.data.authoriseAgent)).toEqual(typed(ZHANGSAN.name, ZHANGSAN.idNumber));
    // Keys and types alike: no field appears for a match only.
    const shapes = Object.values(attempts).map((a) => Object.entries(a.data.authoriseAgent).map(([key, value]) => `${key}:${typeof value}`));
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);

    const viewAfter = (await graph.query(REPRESENTATIVE_VIEW, {}, company)).data.me;
    expect(viewAfter.agents).toEqual(viewBefore.agents);
    // The list shows the three as answered (newest first; in any order when made in one millisecond).
    const byJson = (list: unknown[]) => list.map((x) => JSON.stringify(x)).sort();
    const offered = viewAfter.agentAuthorisations.slice(0, 3).map(withoutIdAndTime);
    expect(byJson(offered)).toEqual(
      byJson(
        Object.values(attempts).map((a) => {
          const { enterprise: _e, ...rest } = withoutIdAndTime(a.data.authoriseAgent);
          return rest;
        }),
      ),
    );
    expect(
      viewAfter.agentAuthorisations
        .slice(0, 3)
        .map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual(
      Object.values(attempts)
        .map((a) => a.data.authoriseAgent.id)
        .sort(),
    );
  });

  it('only the named person sees the matching offer, and only they can accept it; then, and only then, they act for the company', async () => {
    const zhangsan = await graph.login('zhangsan');
    const lisi = await graph.login('lisi');
    // Before acceptance the offer changes nothing: zhangsan's old authorisation ended in 2024.
    expect((await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, zhangsan)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const offers = (await graph.query(OFFERS, {}, zhangsan)).data.me.agentAuthorisationOffers;
    // The wrong-name offer carried his number, the wrong-number one his name: neither is his.
    expect(offers).toEqual([{ id: expect.any(String), status: 'PENDING', name: '张三', validTo: '2027-12-31', enterprise: { id: COMPANY, name: '深圳市示例科技有限公司' } }]);
    expect((await graph.query(OFFERS, {}, lisi)).data.me.agentAuthorisationOffers).toEqual([]);
    const { id } = offers[0];
    const everyOffer = (await graph.query(REPRESENTATIVE_VIEW, {}, company)).data.me.agentAuthorisations.map((a: { id: string }) => a.id);

    // Someone else, an unknown id, or an offer nobody matched: the same NOT_FOUND.
    expect((await graph.query(ACCEPT, { id }, lisi)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const other of everyOffer.filter((o: string) => o !== id)) {
      expect((await graph.query(ACCEPT, { id: other }, zhangsan)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await graph.query(ACCEPT, { id: 'AUTH-nothing' }, zhangsan)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Acting for a company, one accepts nothing for oneself.
    expect((await graph.query(ACCEPT, { id }, company)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const accepted = await graph.query(ACCEPT, { id }, zhangsan);
    expect(accepted.data.acceptAgentAuthorisation).toEqual({ id, status: 'ACCEPTED', enterprise: { id: COMPANY } });
    expect((await graph.query(ACCEPT, { id }, zhangsan)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await graph.query(OFFERS, {}, zhangsan)).data.me.agentAuthorisationOffers).toEqual([]);

    const acting = await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, zhangsan);
    expect(acting.errors).toBeUndefined();
    expect(acting.data.actAs.applicant.id).toBe(COMPANY);
    // The token names the authorisation it acts under, so revoking it ends the token.
    expect(graph.claimsOf(acting.data.actAs.token)).toMatchObject({ applicantId: COMPANY, authorisationId: id });

    // Now, and only now, the representative sees an agent; the offer reads ACCEPTED.
    const view = (await graph.query(REPRESENTATIVE_VIEW, {}, company)).data.me;
    expect(view.agents).toContainEqual({ role: 'AUTHORISED_AGENT', validFrom: expect.any(String), validTo: '2027-12-31', person: { id: 'P-000001', name: '张三' } });
    expect(view.agentAuthorisations.find((a: { id: string }) => a.id === id).status).toBe('ACCEPTED');
    expect(view.agentAuthorisations.filter((a: { status: string }) => a.status === 'PENDING')).toHaveLength(2);
  });

  it('logs every attempt with ids only: never the name or number typed', () => {
    const attempts = graph.logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'agent authorisation attempt');
    expect(attempts).toHaveLength(spent);
    for (const entry of attempts) {
      expect(entry).toMatchObject({ enterpriseId: COMPANY, accountId: expect.stringMatching(/^A-/), outcome: 'offered', authorisationId: expect.stringMatching(/^AUTH-/) });
      const text = JSON.stringify(entry);
      for (const secret of [ZHANGSAN.idNumber, NOBODY, ZHANGSAN.name, '张四', '1233']) expect(text).not.toContain(secret);
    }
  });

  it('limits attempts per enterprise and day: RATE_LIMITED with retryAfterSeconds, logged', async () => {
    const budget = 10;
    while (spent < budget) {
      const answer = await authorise({ idNumber: NOBODY, name: `王${spent}` });
      expect(answer.errors).toBeUndefined();
    }
    const over = await authorise({ idNumber: ZHANGSAN.idNumber, name: ZHANGSAN.name });
    expect(over.data?.authoriseAgent ?? null).toBeNull();
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const retryAfter = over.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    // An invalid number spends the budget too, and is refused the same way once it is gone.
    expect((await authorise({ idNumber: '440303199003071234', name: '张三' })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const limited = graph.logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'agent authorisation attempt' && entry.outcome === 'rate-limited');
    expect(limited).toHaveLength(2);
  });
});
