import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { connectRedis, createLogger, subgraphEnvPrefix, type RedisConnection } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { loadTrustedDocuments } from '@govgraph/schema/governance';
import { OPERATIONS_DIR } from '@govgraph/schema';
import { fieldsFrom, PNG_BYTES, pdfBytes, uploadDocument } from '../src/cases.js';
import { postGraphQL, readOperation, startGraph, type GraphHarness, type GraphQLResponse } from '../src/harness.js';
import { untilConnected } from '../src/redis-server.js';

/** File → id, from the committed manifest: what a portal's build ships instead of the documents. */
const IDS = Object.fromEntries(loadTrustedDocuments(join(OPERATIONS_DIR, 'manifest.json')).map((d) => [d.file, d.id]));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const apq = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });
const bearer = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** Another gateway over the harness's subgraphs, configured by `env` (production, Redis, …). */
async function startGatewayOver(graph: GraphHarness, env: Record<string, string>): Promise<RunningGateway> {
  const config = loadGatewayConfig({
    DATA_DIR: graph.dataDir,
    ...graph.keyEnv,
    ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [`${subgraphEnvPrefix(name)}_URL`, subgraph.graphqlUrl])),
    ...env,
  });
  return createGateway(config, { log: createLogger('gateway-trusted', process.env.LOG_LEVEL ?? 'silent') }).listen(0, '127.0.0.1');
}

describe('trusted documents in production', () => {
  let graph: GraphHarness;
  let production: RunningGateway;
  /** A contract operation by id alone, as a portal sends it in production: `documentId`, no document. */
  const byId = (file: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse> => {
    served.add(file);
    return postGraphQL(production.graphqlUrl, { documentId: IDS[file], variables }, bearer(token));
  };
  const served = new Set<string>();
  const ok = (result: GraphQLResponse) => {
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.status).toBe(200);
    return result.data;
  };
  const tokens: Record<string, string> = {};
  let prefill: any;
  let caseId: string;
  let licenceId: string;

  beforeAll(async () => {
    graph = await startGraph();
    production = await startGatewayOver(graph, { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await production?.close();
    await graph?.close();
  });

  it('refuses a document that is not trusted with FORBIDDEN, and an unknown id with PERSISTED_QUERY_NOT_FOUND', async () => {
    const freeForm = await postGraphQL(production.graphqlUrl, { query: '{ me { id } }' });
    expect(freeForm.status).toBe(403);
    expect(freeForm.errors).toEqual([
      {
        message: 'Only trusted documents are served here: send the id of a document in the manifest (extensions.persistedQuery.sha256Hash or documentId)',
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
    // A contract operation changed by one character is another document.
    const edited = await postGraphQL(production.graphqlUrl, { query: readOperation('hall-statistics.graphql').replace('year\n', 'year\n\n'), variables: { year: 2025 } });
    expect(edited.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await postGraphQL(production.graphqlUrl, { extensions: apq(sha256('query Mine { me { id } }')) });
    expect(unknown.status).toBe(200);
    expect(unknown.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    // The same document through the harness's development gateway is served: the playground needs that.
    expect((await graph.query('{ hallStatistics(year: 2025) { year } }')).data.hallStatistics.year).toBe(2025);
  });

  it('serves Login, ActAs, SearchCatalog, MatterGuide and HallStatistics by id', async () => {
    for (const username of ['zhangsan', 'wangwu', 'officer.police', 'officer.market', 'officer.hall', 'officer.supervisor']) {
      tokens[username] = ok(await byId('login.graphql', { username, password: 'demo' })).login.token;
    }
    tokens.company = ok(await byId('act-as.graphql', { enterpriseId: 'E-000001' }, tokens.wangwu)).actAs.token;
    expect(ok(await byId('search-catalog.graphql', { filter: { text: '驾驶证' }, first: 5 })).matters.totalCount).toBeGreaterThan(0);
    expect(ok(await byId('matter-guide.graphql', { code: 'JJ-0101' })).matter.code).toBe('JJ-0101');
    expect(ok(await byId('hall-statistics.graphql', { year: 2025 })).hallStatistics.year).toBe(2025);
  });

  it('serves StartForm, SubmitApplication, ApplicationDetail, MyHome and MyDataAccess by id, for zhangsan', async () => {
    prefill = ok(await byId('start-form.graphql', { matterCode: 'JJ-0101' }, tokens.zhangsan)).prefill;
    const through = { ...graph, gateway: production };
    const photo = await uploadDocument(through, tokens.zhangsan!, 'photo.png', PNG_BYTES);
    const health = await uploadDocument(through, tokens.zhangsan!, 'health.pdf', pdfBytes('trusted documents'));
    const licence = prefill.materials.find((m: any) => m.requirementCode === 'CURRENT_DRIVING_LICENCE').satisfiedBy[0].id;
    const input = {
      matterCode: 'JJ-0101',
      idempotencyKey: 'trusted-documents-0001',
      fields: fieldsFrom(prefill, { deliveryMethod: '邮寄' }),
      materials: [
        { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: licence },
        { requirementCode: 'PHOTO', documentId: photo.id },
        { requirementCode: 'HEALTH_CERTIFICATE', documentId: health.id },
      ],
    };
    const application = ok(await byId('submit-application.graphql', { input }, tokens.zhangsan)).submitApplication.application;
    expect(application.status).toBe('SUBMITTED');
    caseId = application.id;
    expect(ok(await byId('application-detail.graphql', { id: caseId }, tokens.zhangsan)).application.id).toBe(caseId);
    expect(ok(await byId('my-home.graphql', {}, tokens.zhangsan)).me.id).toBe('P-000001');
    expect(ok(await byId('my-data-access.graphql', { first: 20 }, tokens.zhangsan)).me.dataAccessLog).toBeDefined();
  });

  it('serves OfficerQueue, ReviewApplication and DecideApplication by id, for the police officer', async () => {
    expect(ok(await byId('officer-queue.graphql', { first: 5 }, tokens['officer.police'])).officerQueue.totalCount).toBeGreaterThan(0);
    expect(ok(await byId('review-application.graphql', { id: caseId }, tokens['officer.police'])).application.id).toBe(caseId);
    const decided = ok(await byId('decide-application.graphql', { input: { id: caseId, action: 'ACCEPT' } }, tokens['officer.police']));
    expect(decided.decideApplication.application.status).toBe('ACCEPTED');
  });

  it('serves IssueLicence and VerifyLicence by id', async () => {
    const input = {
      typeCode: 'SPJYXKZ',
      holderId: 'E-000001',
      holderName: '深圳市示例科技有限公司',
      validTo: '2031-11-30',
      data: [{ key: 'businessScope', value: '预包装食品销售' }],
    };
    licenceId = ok(await byId('issue-licence.graphql', { input }, tokens['officer.market'])).issueLicence.licence.id;
    expect(ok(await byId('verify-licence.graphql', { id: licenceId })).verifyLicence).toMatchObject({ genuine: true, status: 'VALID' });
  });

  it('serves the reference portal’s own operations by id: the form’s rules, licence types, my cases, a correction and a withdrawal', async () => {
    const rules = ok(await byId('matter-form.graphql', { code: 'JJ-0101' })).matter.form.fields;
    expect(rules.find((field: { key: string }) => field.key === 'deliveryMethod').options.length).toBeGreaterThan(0);
    expect(ok(await byId('licence-types.graphql')).licenceTypes.map((type: { code: string }) => type.code)).toContain('JDCJSZ');
    expect(ok(await byId('my-applications.graphql', { first: 5 }, tokens.zhangsan)).me.applications.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(caseId);
    const asked = ok(await byId('decide-application.graphql', { input: { id: caseId, action: 'REQUEST_CORRECTION', note: '请补充联系地址' } }, tokens['officer.police']));
    expect(asked.decideApplication.application.status).toBe('CORRECTION_REQUESTED');
    const corrected = ok(await byId('correct-application.graphql', { input: { id: caseId, note: '已补充' } }, tokens.zhangsan));
    expect(corrected.correctApplication.application.status).toBe('ACCEPTED');
    const withdrawn = ok(await byId('withdraw-application.graphql', { input: { id: caseId, note: '不再需要' } }, tokens.zhangsan));
    expect(withdrawn.withdrawApplication.application.status).toBe('WITHDRAWN');
  });

  it('serves the disclosure and consultation offices’ operations by id: the report, a request for disclosure, a question, a complaint', async () => {
    const seedOffice = '11440300007543012T';
    const police = '11440300007542828L';
    expect(ok(await byId('annual-report.graphql', { departmentCode: seedOffice, year: 2017 })).annualReport.catalogOverview.matters).toBe(1444);
    expect(ok(await byId('disclosure-releases.graphql', { departmentCode: seedOffice, year: 2017, first: 5 })).disclosureReleases.totalCount).toBe(128);
    const request = ok(
      await byId('request-disclosure.graphql', { input: { departmentCode: police, description: '申请公开本局换证办理量统计' } }, tokens.zhangsan),
    ).requestDisclosure;
    expect(ok(await byId('my-disclosure-requests.graphql', {}, tokens.zhangsan)).me.disclosureRequests.map((r: { id: string }) => r.id)).toContain(request.id);
    expect(ok(await byId('department-disclosure-requests.graphql', { first: 50 }, tokens['officer.police'])).departmentDisclosureRequests.totalCount).toBeGreaterThan(0);
    expect(ok(await byId('extend-disclosure-request.graphql', { id: request.id, days: 5, reason: '需要汇总数据' }, tokens['officer.police'])).extendDisclosureRequest.status).toBe(
      'EXTENDED',
    );
    expect(ok(await byId('answer-disclosure-request.graphql', { id: request.id, outcome: 'DISCLOSED' }, tokens['officer.police'])).answerDisclosureRequest.status).toBe('ANSWERED');

    const question = { departmentCode: police, matterCode: 'JJ-0101', channel: 'WEBSITE', question: '换证需要本人到场吗？' };
    const asked = ok(await byId('ask-consultation.graphql', { input: question }, tokens.zhangsan)).askConsultation;
    expect(ok(await byId('department-consultations.graphql', { status: 'WAITING', first: 50 }, tokens['officer.police'])).departmentConsultations.totalCount).toBeGreaterThan(0);
    const answer = { id: asked.id, answer: '网上办理无需到场。', publishAs: '换证需要本人到场吗？' };
    expect(ok(await byId('answer-consultation.graphql', answer, tokens['officer.police'])).answerConsultation.status).toBe('ANSWERED');
    expect(ok(await byId('matter-questions.graphql', { code: 'JJ-0101', first: 20 })).matter.frequentQuestions.map((q: { question: string }) => q.question)).toContain(
      '换证需要本人到场吗？',
    );
    const complaint = ok(await byId('file-complaint.graphql', { input: { departmentCode: police, subject: '预约时段一直显示已满' } }, tokens.zhangsan)).fileComplaint;
    expect(ok(await byId('close-complaint.graphql', { id: complaint.id, outcome: 'RESOLVED', coordinated: true }, tokens['officer.hall'])).closeComplaint.coordinated).toBe(true);
    expect(ok(await byId('rate-complaint.graphql', { id: complaint.id, rating: 4 }, tokens.zhangsan)).rateComplaint.rating).toBe(4);
    expect(ok(await byId('my-consultations.graphql', {}, tokens.zhangsan)).me.consultations[0].id).toBe(asked.id);
  });

  it('serves SupervisionBoard by id, for the hall office’s supervisor: every department', async () => {
    expect(ok(await byId('supervision-board.graphql', {}, tokens['officer.supervisor'])).supervisionBoard.departments.length).toBeGreaterThan(1);
  });

  it('has served every operation of the manifest by id: the contract’s 15, the reference portal’s 5, the offices’ 15, supervision’s 1', () => {
    expect([...served].sort()).toEqual(Object.keys(IDS).sort());
    expect(served.size).toBe(36);
  });

  it('takes the APQ shape too, by POST and by GET', async () => {
    const variables = { code: 'JJ-0101' };
    const post = await postGraphQL(production.graphqlUrl, { extensions: apq(IDS['matter-guide.graphql']!), variables });
    expect(post.data?.matter.code).toBe('JJ-0101');
    const params = new URLSearchParams({ extensions: JSON.stringify(apq(IDS['matter-guide.graphql']!)), variables: JSON.stringify(variables) });
    const get = await fetch(`${production.graphqlUrl}?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.matter.code).toBe('JJ-0101');
    const byDocumentId = await fetch(`${production.graphqlUrl}?documentId=sha256:${IDS['hall-statistics.graphql']}&variables=${encodeURIComponent('{"year":2025}')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(((await byDocumentId.json()) as any).data.hallStatistics.year).toBe(2025);
  });
});

describe('automatic persisted queries in development', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('runs the round trip: hash alone is not found, hash with document registers, then the hash alone is served', async () => {
    const document = 'query Guide($code: ID!) { matter(code: $code) { code name } }';
    const id = sha256(document);
    const url = graph.gateway.graphqlUrl;
    const first = await postGraphQL(url, { extensions: apq(id), variables: { code: 'JJ-0101' } });
    expect(first.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await postGraphQL(url, { query: document, extensions: apq(id), variables: { code: 'JJ-0101' } });
    expect(register.errors).toBeUndefined();
    const hit = await postGraphQL(url, { extensions: apq(id), variables: { code: 'JJ-0101' } });
    expect(hit.errors).toBeUndefined();
    expect(hit.data).toEqual(register.data);
    expect(hit.data.matter.code).toBe('JJ-0101');
  });

  it('refuses a hash that does not match the document, and registers nothing under it', async () => {
    const document = '{ hallStatistics(year: 2025) { year } }';
    const wrong = sha256('{ hallStatistics(year: 2024) { year } }');
    const mismatch = await postGraphQL(graph.gateway.graphqlUrl, { query: document, extensions: apq(wrong) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
    const after = await postGraphQL(graph.gateway.graphqlUrl, { extensions: apq(wrong) });
    expect(after.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe.runIf(await redisAvailable())('automatic persisted queries shared through Redis', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  let graph: GraphHarness;
  let first: RunningGateway;
  let second: RunningGateway;
  let redis: RedisConnection;

  beforeAll(async () => {
    graph = await startGraph();
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
    [first, second] = await Promise.all([startGatewayOver(graph, env), startGatewayOver(graph, env)]);
    redis = connectRedis(REDIS_URL, createLogger('test-redis', 'silent'));
    await untilConnected(redis);
  });
  afterAll(async () => {
    const keys = (await redis?.client.keys(`${prefix}*`)) ?? [];
    if (keys.length > 0) await redis.client.del(keys);
    await Promise.all([first?.close(), second?.close(), redis?.close()]);
    await graph?.close();
  });

  it('registers on one gateway and serves the hash alone on the other', async () => {
    const document = `query Shared { hallStatistics(year: 2025) { year applicationsSubmitted } } # ${prefix}`;
    const id = sha256(document);
    expect((await postGraphQL(second.graphqlUrl, { extensions: apq(id) })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await postGraphQL(first.graphqlUrl, { query: document, extensions: apq(id) });
    expect(registered.errors).toBeUndefined();
    const elsewhere = await postGraphQL(second.graphqlUrl, { extensions: apq(id) });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data).toEqual(registered.data);
    expect(await redis.client.get(`${prefix}apq:${id}`)).toBe(document);
    expect(await redis.client.ttl(`${prefix}apq:${id}`)).toBeGreaterThan(0);
  });
});
