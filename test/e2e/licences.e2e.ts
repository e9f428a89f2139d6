import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { postGraphQL, readOperation, startGraph, type GraphHarness } from '../src/harness.js';

const COMPANY = 'E-000001';
const MY_LICENCES = `query MyHomeLicences {
  me { id ... on Enterprise { name } licences(status: VALID) { id title number validTo issuer { code name } } }
}`;
const FOOD = 'SPJYXKZ';

/** Issue 5's journey: issue, reuse, revoke, verify — through the gateway. */
function licenceJourney(open: () => Promise<GraphHarness>) {
  let graph: GraphHarness;
  let market: string;
  let police: string;
  let company: string;
  let issuedId: string;

  beforeAll(async () => {
    graph = await open();
    [market, police] = await Promise.all([graph.login('officer.market'), graph.login('officer.police')]);
    const wangwu = await graph.login('wangwu');
    company = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, wangwu)).data.actAs.token;
  });
  afterAll(async () => graph?.close());

  const foodLicenceInput = {
    typeCode: FOOD,
    holderId: COMPANY,
    holderName: '深圳市示例科技有限公司',
    validTo: '2031-11-30',
    data: [{ key: 'businessScope', value: '预包装食品销售；热食类食品制售' }],
  };

  it('lets an officer of 市市场监督管理局 issue a 食品经营许可证 to wangwu’s company', async () => {
    const result = await graph.operation('issue-licence.graphql', { input: foodLicenceInput }, market);
    expect(result.errors).toBeUndefined();
    const licence = result.data.issueLicence.licence;
    expect(licence).toMatchObject({
      title: '食品经营许可证',
      status: 'VALID',
      validTo: '2031-11-30',
      holder: { id: COMPANY, displayName: '深圳市示例科技有限公司' },
      issuer: { code: DEPARTMENTS.marketRegulation.code, name: '市市场监督管理局' },
    });
    expect(licence.id).toMatch(new RegExp(`^1\\.2\\.156\\.3005\\.2\\.${FOOD}\\.${DEPARTMENTS.marketRegulation.code}\\.\\d{8}\\.1\\.[0-9A-Z]$`));
    issuedId = licence.id;
  });

  it('refuses the same type to an officer of another department, and to a citizen', async () => {
    const other = await graph.operation('issue-licence.graphql', { input: foodLicenceInput }, police);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const citizen = await graph.operation('issue-licence.graphql', { input: foodLicenceInput }, await graph.login('zhangsan'));
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badHolder = await graph.operation('issue-licence.graphql', { input: { ...foodLicenceInput, holderId: 'P-000001' } }, market);
    expect(badHolder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.holderId' });
    const badField = await graph.operation('issue-licence.graphql', { input: { ...foodLicenceInput, data: [{ key: 'colour', value: 'red' }] } }, market);
    expect(badField.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.data' });
    // A Date only the licences subgraph can parse: still the caller's error, not an unavailable department.
    const badDate = await graph.operation('issue-licence.graphql', { input: { ...foodLicenceInput, validTo: '2031-02-30' } }, market);
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', serviceName: 'licences' });
    expect(JSON.stringify(badDate)).not.toMatch(/stacktrace|127\.0\.0\.1/);
  });

  it('shows it to wangwu acting for the company, and StartForm offers it and fills its fields', async () => {
    const home = await graph.query(MY_LICENCES, {}, company);
    expect(home.errors).toBeUndefined();
    expect(home.data.me.licences.map((l: { title: string }) => l.title).sort()).toEqual(['营业执照', '食品经营许可证']);

    const form = await graph.operation('start-form.graphql', { matterCode: 'SCJG-0203' }, company);
    expect(form.errors).toBeUndefined();
    const offer = form.data.prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_FOOD_LICENCE');
    expect(offer.satisfiedBy).toEqual([expect.objectContaining({ __typename: 'Licence', id: issuedId, title: '食品经营许可证', validTo: '2031-11-30' })]);
    const fields = Object.fromEntries(form.data.prefill.fields.map((f: any) => [f.key, f]));
    expect(fields.businessScope).toMatchObject({ value: '预包装食品销售；热食类食品制售', provenance: { system: 'licences', department: '市市场监督管理局' } });
    expect(fields.creditCode.value).toBe('91440300MA5F2JNT4W');
  });

  it('verifies publicly with a masked holder name only', async () => {
    const result = await graph.operation('verify-licence.graphql', { id: issuedId });
    expect(result.errors).toBeUndefined();
    expect(result.data.verifyLicence).toEqual({
      id: issuedId,
      genuine: true,
      status: 'VALID',
      title: '食品经营许可证',
      holderNameMasked: '深圳市示*******',
      validTo: '2031-11-30',
      issuer: { code: DEPARTMENTS.marketRegulation.code, name: '市市场监督管理局' },
    });
  });

  it('after revocation: StartForm no longer offers it and VerifyLicence reports it revoked', async () => {
    const revoke = await graph.query(
      `mutation($id: ID!) { revokeLicence(id: $id, reason: "经营条件发生变化") { status history { action reason department { name } } } }`,
      { id: issuedId },
      market,
    );
    expect(revoke.data.revokeLicence.status).toBe('REVOKED');
    expect(revoke.data.revokeLicence.history).toEqual([
      { action: 'issue', reason: null, department: { name: '市市场监督管理局' } },
      { action: 'revoke', reason: '经营条件发生变化', department: { name: '市市场监督管理局' } },
    ]);
    const again = await graph.query(`mutation($id: ID!) { revokeLicence(id: $id, reason: "again") { status } }`, { id: issuedId }, market);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const form = await graph.operation('start-form.graphql', { matterCode: 'SCJG-0203' }, company);
    const offer = form.data.prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_FOOD_LICENCE');
    expect(offer.satisfiedBy).toEqual([]);
    const verified = await graph.operation('verify-licence.graphql', { id: issuedId });
    expect(verified.data.verifyLicence).toMatchObject({ genuine: true, status: 'REVOKED' });
  });

  it('reports a licence whose stored content was altered, a forged and an unknown identifier as not genuine', async () => {
    const licences = graph.databases.licences!;
    const zhangsans = await licences.db.selectFrom('licence').select(['id']).where('holder_id', '=', 'P-000001').where('type_code', '=', 'JDCJSZ').executeTakeFirstOrThrow();
    expect((await graph.operation('verify-licence.graphql', { id: zhangsans.id })).data.verifyLicence.genuine).toBe(true);
    await licences.db.updateTable('licence').set({ valid_to: '2099-12-31' }).where('id', '=', zhangsans.id).execute();
    // Altered behind the library's back, no change went through the gateway: the verifier asks
    // past the response cache (which would otherwise answer for up to a minute) for a fresh check.
    const tampered = await postGraphQL(
      graph.gateway.graphqlUrl,
      { query: readOperation('verify-licence.graphql'), variables: { id: zhangsans.id } },
      { 'cache-control': 'no-cache' },
    );
    expect(tampered.data.verifyLicence).toEqual({ id: zhangsans.id, genuine: false, status: null, title: null, holderNameMasked: null, validTo: null, issuer: null });

    const forgedCheck = zhangsans.id.slice(0, -1) + (zhangsans.id.endsWith('0') ? '1' : '0');
    expect((await graph.operation('verify-licence.graphql', { id: forgedCheck })).data.verifyLicence.genuine).toBe(false);
    expect((await graph.operation('verify-licence.graphql', { id: 'nothing' })).data.verifyLicence.genuine).toBe(false);
    expect((await graph.operation('verify-licence.graphql', { id: 'x'.repeat(10_000) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('issues several licences of one type at once, each with its own serial', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => graph.operation('issue-licence.graphql', { input: { ...foodLicenceInput, caseId: null } }, market)));
    for (const result of results) expect(result.errors).toBeUndefined();
    const ids = results.map((r) => r.data.issueLicence.licence.id as string);
    expect(new Set(ids).size).toBe(5);
  });

  it('renews a licence as a new signed version linked to the old one', async () => {
    const issued = await graph.operation('issue-licence.graphql', { input: { ...foodLicenceInput, caseId: null } }, market);
    const oldId = issued.data.issueLicence.licence.id as string;
    const renewed = await graph.query(`mutation($id: ID!) { renewLicence(id: $id, validTo: "2035-01-31") { id status validTo version previous { id } } }`, { id: oldId }, market);
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data.renewLicence).toMatchObject({ version: 2, previous: { id: oldId } });
    const impossible = await graph.query(`mutation($id: ID!) { renewLicence(id: $id, validTo: "2035-02-30") { id } }`, { id: renewed.data.renewLicence.id }, market);
    expect(impossible.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(renewed.data.renewLicence.id).toMatch(/\.2\.[0-9A-Z]$/);
    expect((await graph.operation('verify-licence.graphql', { id: renewed.data.renewLicence.id })).data.verifyLicence).toMatchObject({
      genuine: true,
      status: 'VALID',
      validTo: '2035-01-31',
    });
    expect((await graph.operation('verify-licence.graphql', { id: oldId })).data.verifyLicence).toMatchObject({ genuine: true, status: 'CANCELLED' });
  });
}

describe('the licence library through the gateway (SQLite)', () => {
  licenceJourney(() => startGraph());
});

describe.runIf(await postgresAvailable())('the licence library through the gateway (PostgreSQL)', () => {
  licenceJourney(() => startGraph({ postgresUrl: POSTGRES_URL }));
});
