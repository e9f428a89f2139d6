import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createLogger, subgraphEnvPrefix } from '@govgraph/kit';
import {
  ActAsDocument,
  createGovgraphClient,
  errorCode,
  inputProblems,
  LoginDocument,
  MatterFormDocument,
  MyHomeDocument,
  SearchCatalogDocument,
  SessionStore,
  StartFormDocument,
  SubmitApplicationDocument,
  uploadDocument,
} from '@govgraph/portal/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BYTES, pdfBytes } from '../src/cases.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

/** One request as it left the client: method, URL and body. */
interface SentRequest {
  method: string;
  url: URL;
  body: Record<string, unknown> | undefined;
}

/** An in-memory stand-in for sessionStorage: the store's own logic is what is under test. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the portal client kit against a production gateway (trusted documents only)', () => {
  let graph: GraphHarness;
  let production: RunningGateway;
  const sent: SentRequest[] = [];
  const store = new SessionStore(memoryStorage());
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    sent.push({ method: init?.method ?? 'GET', url, body });
    return fetch(input, init);
  };
  let client: ReturnType<typeof createGovgraphClient>;

  beforeAll(async () => {
    graph = await startGraph();
    const config = loadGatewayConfig({
      DATA_DIR: graph.dataDir,
      ...graph.keyEnv,
      ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [`${subgraphEnvPrefix(name)}_URL`, subgraph.graphqlUrl])),
      NODE_ENV: 'production',
    });
    production = await createGateway(config, { log: createLogger('gateway-kit', process.env.LOG_LEVEL ?? 'silent') }).listen(0, '127.0.0.1');
    client = createGovgraphClient({ url: production.graphqlUrl, token: () => store.token(), fetch: recordingFetch });
  });
  afterAll(async () => {
    await production?.close();
    await graph?.close();
  });

  it('signs in, opens and submits a form, and acts for an enterprise, sending ids and never a document', async () => {
    const login = await client.mutation(LoginDocument, { username: 'zhangsan', password: 'demo' }).toPromise();
    expect(login.error).toBeUndefined();
    const { token, expiresAt, account } = login.data!.login;
    store.set({ token, expiresAt, account, personToken: token });

    const home = await client.query(MyHomeDocument, {}).toPromise();
    expect(home.data?.me).toMatchObject({ kind: 'PERSON', displayName: '张三' });

    const [form, rules] = await Promise.all([
      client.query(StartFormDocument, { matterCode: 'JJ-0101' }).toPromise(),
      client.query(MatterFormDocument, { code: 'JJ-0101' }).toPromise(),
    ]);
    const prefill = form.data!.prefill!;
    expect(prefill.fields.find((field) => field.key === 'applicantName')).toMatchObject({ value: '张三', provenance: { trustLevel: 'A', system: 'identity' } });
    const delivery = rules.data!.matter!.form.fields.find((field) => field.key === 'deliveryMethod')!;
    expect(delivery.options?.length).toBeGreaterThan(0);

    const gatewayOrigin = new URL(production.graphqlUrl).origin;
    const photo = await uploadDocument(gatewayOrigin, store.token()!, new Blob([PNG_BYTES], { type: 'image/png' }), '照片.png');
    const certificate = await uploadDocument(gatewayOrigin, store.token()!, new Blob([pdfBytes('体检合格')], { type: 'application/pdf' }), '体检证明.pdf');
    expect(photo).toMatchObject({ filename: '照片.png', mediaType: 'image/png' });
    const licence = prefill.materials.find((material) => material.requirementCode === 'CURRENT_DRIVING_LICENCE')!.satisfiedBy[0]!;
    // Evidence is a union (Licence, Document, GeneratedForm): narrow before reading the licence's id.
    if (licence.__typename !== 'Licence') throw new Error(`expected a licence offer, got ${licence.__typename}`);
    const materials = [
      { requirementCode: 'CURRENT_DRIVING_LICENCE', licenceId: licence.id },
      { requirementCode: 'PHOTO', documentId: photo.id },
      { requirementCode: 'HEALTH_CERTIFICATE', documentId: certificate.id },
    ];
    const prefilled = prefill.fields.filter((field) => field.value !== null).map((field) => ({ key: field.key, value: field.value }));

    // A bad mobile and no delivery method: both problems come back at once, each at its field.
    const refused = await client
      .mutation(SubmitApplicationDocument, {
        input: { matterCode: 'JJ-0101', idempotencyKey: 'kit-e2e-refused', fields: [...prefilled.filter((f) => f.key !== 'mobile'), { key: 'mobile', value: '12345' }], materials },
      })
      .toPromise();
    expect(errorCode(refused.error)).toBe('BAD_USER_INPUT');
    expect(
      inputProblems(refused.error)
        .map((problem) => problem.path)
        .sort(),
    ).toEqual(['fields.deliveryMethod', 'fields.mobile']);

    const submitted = await client
      .mutation(SubmitApplicationDocument, {
        input: { matterCode: 'JJ-0101', idempotencyKey: 'kit-e2e-ok', fields: [...prefilled, { key: 'deliveryMethod', value: delivery.options![0]! }], materials },
      })
      .toPromise();
    expect(submitted.error).toBeUndefined();
    expect(submitted.data?.submitApplication.application.status).toBe('SUBMITTED');

    // Public: anonymous callers of it share the gateway's response cache.
    const catalog = await client.query(SearchCatalogDocument, { filter: { text: '驾驶证' }, first: 3 }).toPromise();
    expect(catalog.data?.matters.edges.length).toBeGreaterThan(0);

    // wangwu acts for his company: the store swaps the token, and the next query sees the enterprise.
    const wangwu = await client.mutation(LoginDocument, { username: 'wangwu', password: 'demo' }).toPromise();
    store.set({ ...wangwu.data!.login, personToken: wangwu.data!.login.token });
    const acting = await client.mutation(ActAsDocument, { enterpriseId: 'E-000001' }).toPromise();
    const enterprise = acting.data!.actAs;
    store.set({
      ...store.get()!,
      token: enterprise.token,
      expiresAt: enterprise.expiresAt,
      actingFor: { id: enterprise.applicant.id, displayName: enterprise.applicant.displayName },
    });
    const company = await client.query(MyHomeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(company.data?.me).toMatchObject({ kind: 'ENTERPRISE', creditCode: '91440300MA5F2JNT4W' });

    const graphql = sent.filter((request) => request.url.pathname === '/graphql');
    expect(graphql.length).toBeGreaterThanOrEqual(9);
    for (const request of graphql) {
      // Only the id travels: no `query` in a POST body or a GET URL.
      expect(request.body?.query, request.url.href).toBeUndefined();
      expect(request.url.searchParams.has('query'), request.url.href).toBe(false);
      const extensions = request.body?.extensions ?? JSON.parse(request.url.searchParams.get('extensions') ?? '{}');
      expect((extensions as { persistedQuery?: { sha256Hash?: string } }).persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    // Everything as POST: one URL, so a cross-origin page pays one preflight, not one per query.
    expect(graphql.every((request) => request.method === 'POST')).toBe(true);
    expect(graphql.map((request) => request.body?.operationName)).toEqual(expect.arrayContaining(['Login', 'MyHome', 'StartForm', 'SubmitApplication', 'SearchCatalog', 'ActAs']));
  });

  it('keeps no session past its expiry', () => {
    const past = new SessionStore(memoryStorage());
    past.set({ token: 't', expiresAt: new Date(Date.now() - 1000).toISOString(), account: { id: 'A', displayName: 'x', roles: [] }, personToken: 't' });
    expect(past.get()).toBeUndefined();
    expect(past.token()).toBeUndefined();
  });
});
