import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, formatLicenceId } from '@govgraph/kit';
import { mintCaseGrant, type Claims } from '@govgraph/kit/trust';
import { startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Everyone tries to reach someone else's data, through the gateway and through every entity
 * reference (as a query plan would call it). Owners get their data; everybody else gets a
 * refusal, a null or nothing — never the data. Later issues add their operations here.
 */
const ZHANGSAN = 'P-000001';
const COMPANY = 'E-000001';
const ZHANGSAN_LICENCE = formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: DEPARTMENTS.trafficPolice.code, serial: '00000001', version: '1' });
/** What would give zhangsan's or the company's private data away if it showed up. */
const ZHANGSAN_SECRETS = /张三|440303199003071233|13800138000|解放路|4403\*+1233|138\*+8000/;
const COMPANY_SECRETS = /高新南七道|"AUTHORISED_AGENT"|李四/;

type Role = 'anonymous' | 'citizen A (zhangsan)' | 'citizen B (lisi)' | 'agent of the company (lisi)' | 'officer, traffic police' | 'officer, market regulation';

interface Attempt {
  name: string;
  owner: Role[];
  secrets: RegExp;
  run(graph: GraphHarness, role: { token: string | null; claims: Claims | null }): Promise<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }>;
}

const entities = (subgraph: string, reps: unknown[], selection: string): Attempt['run'] => (graph, role) =>
  graph.subgraphQuery(subgraph, `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`, { reps }, role.claims);

const ATTEMPTS: Attempt[] = [
  {
    name: 'gateway: StartForm (whose data is prefilled?)',
    owner: ['citizen A (zhangsan)'],
    secrets: ZHANGSAN_SECRETS,
    run: (graph, role) => graph.operation('start-form.graphql', { matterCode: 'JJ-0101' }, role.token ?? undefined),
  },
  {
    name: 'gateway: MyDataAccess',
    owner: ['citizen A (zhangsan)'],
    secrets: /审查办件/,
    run: (graph, role) => graph.operation('my-data-access.graphql', {}, role.token ?? undefined),
  },
  {
    name: 'gateway: me as Person',
    owner: ['citizen A (zhangsan)'],
    secrets: ZHANGSAN_SECRETS,
    run: (graph, role) => graph.query('{ me { id displayName ... on Person { name idNumberMasked mobileMasked address { detail } } } }', {}, role.token ?? undefined),
  },
  {
    name: 'identity _entities(Person): personal fields',
    owner: ['citizen A (zhangsan)'],
    secrets: ZHANGSAN_SECRETS,
    run: entities('identity', [{ __typename: 'Person', id: ZHANGSAN }], '... on Person { displayName name gender birthDate idNumberMasked mobileMasked address { detail } }'),
  },
  {
    name: 'identity _entities(Applicant): profile facts',
    owner: ['citizen A (zhangsan)'],
    secrets: ZHANGSAN_SECRETS,
    run: entities('identity', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { profileFacts { path value } }'),
  },
  {
    name: 'identity _entities(Person): enterprises and data-access log',
    owner: ['citizen A (zhangsan)'],
    secrets: /totalCount":[1-9]/,
    run: entities('identity', [{ __typename: 'Person', id: ZHANGSAN }], '... on Person { enterprises { enterprise { name } } dataAccessLog { totalCount } }'),
  },
  {
    name: 'identity _entities(Enterprise): profile facts and agents',
    owner: ['agent of the company (lisi)'],
    secrets: COMPANY_SECRETS,
    run: entities('identity', [{ __typename: 'Enterprise', id: COMPANY }], '... on Enterprise { profileFacts { value } agents { role person { name } } }'),
  },
  {
    name: 'licences _entities(Applicant): licences and licence facts',
    owner: ['citizen A (zhangsan)'],
    secrets: /440303199003071233|JDCJSZ/,
    run: entities('licences', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { licences { id number } licenceFacts { value } }'),
  },
  {
    name: 'licences _entities(Licence): a licence by its identifier',
    owner: ['citizen A (zhangsan)'],
    secrets: /440303199003071233|C1/,
    run: entities('licences', [{ __typename: 'Licence', id: ZHANGSAN_LICENCE }], '... on Licence { number data { value } holder { id } }'),
  },
  {
    name: 'applications _entities(Applicant): documents',
    owner: ['citizen A (zhangsan)'],
    secrets: /"documents":\[/,
    run: entities('applications', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { documents { id filename } }'),
  },
  {
    name: 'applications _entities(Prefill): a forged representation for zhangsan',
    owner: ['citizen A (zhangsan)'],
    secrets: /FORGED-VALUE/,
    run: entities(
      'applications',
      [{
        __typename: 'Prefill',
        matterCode: 'JJ-0101',
        applicantId: ZHANGSAN,
        matter: { form: { fields: [{ key: 'applicantName', source: 'person.name' }] }, materials: [] },
        applicant: { profileFacts: [{ path: 'person.name', value: 'FORGED-VALUE', provenance: { system: 'identity', department: null, trustLevel: 'A', retrievedAt: '2026-01-01T00:00:00Z' } }], licenceFacts: [] },
      }],
      '... on Prefill { fields { value } }',
    ),
  },
];

ATTEMPTS.push(
  {
    name: 'gateway: IssueLicence of a 食品经营许可证 (市市场监督管理局 only)',
    owner: ['officer, market regulation'],
    secrets: /"issueLicence":\{"licence":\{"id"/,
    run: (graph, role) =>
      graph.operation(
        'issue-licence.graphql',
        { input: { typeCode: 'SPJYXKZ', holderId: COMPANY, holderName: '深圳市示例科技有限公司', data: [{ key: 'businessScope', value: '预包装食品销售' }] } },
        role.token ?? undefined,
      ),
  },
  {
    name: 'gateway: VerifyLicence shows a masked holder name only',
    owner: [],
    secrets: /张三|440303199003071233|C1/,
    run: (graph, role) => graph.operation('verify-licence.graphql', { id: ZHANGSAN_LICENCE }, role.token ?? undefined),
  },
  {
    name: 'licences _entities(Applicant) through a traffic-police case grant',
    owner: ['officer, traffic police'],
    secrets: /440303199003071233/,
    run: (graph, role) =>
      graph.subgraphQuery(
        'licences',
        'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { licences { number } } } }',
        { reps: [{ __typename: 'Applicant', id: trafficGrant(graph) }] },
        role.claims,
      ),
  },
);

/** A case grant for zhangsan handed to officer.police (as the case system will hand it). */
function trafficGrant(graph: GraphHarness): string {
  return mintCaseGrant(graph.secret, {
    applicantId: ZHANGSAN,
    accountId: 'A-000004',
    department: DEPARTMENTS.trafficPolice.code,
    caseId: 'case-matrix',
    purpose: '审查办件 JJ2026-000009',
    expiresAt: Date.now() + 60_000,
  });
}

const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

describe('access matrix', () => {
  let graph: GraphHarness;
  const roles = new Map<Role, { token: string | null; claims: Claims | null }>();
  const table: string[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    const as = async (username: string) => {
      const token = await graph.login(username);
      return { token, claims: graph.claimsOf(token) };
    };
    roles.set('anonymous', { token: null, claims: null });
    roles.set('citizen A (zhangsan)', await as('zhangsan'));
    roles.set('citizen B (lisi)', await as('lisi'));
    const lisi = await as('lisi');
    const agentToken = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, lisi.token)).data.actAs.token as string;
    roles.set('agent of the company (lisi)', { token: agentToken, claims: graph.claimsOf(agentToken) });
    roles.set('officer, traffic police', await as('officer.police'));
    roles.set('officer, market regulation', await as('officer.market'));
    // One purposeful read, so zhangsan's data-access log has something to leak.
    const police = roles.get('officer, traffic police')!.claims!;
    const reference = mintCaseGrant(graph.secret, {
      applicantId: ZHANGSAN, accountId: police.accountId, department: police.department!, caseId: 'case-1', purpose: '审查办件 JJ2026-000001', expiresAt: Date.now() + 60_000,
    });
    await graph.subgraphQuery('identity', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }', { r: [{ __typename: 'Person', id: reference }] }, police);
  });
  afterAll(async () => {
    if (table.length > 0) console.log(`\naccess matrix (${table.length} attempts)\n${table.join('\n')}\n`);
    await graph?.close();
  });

  for (const attempt of ATTEMPTS) {
    it(attempt.name, async () => {
      for (const [role, credentials] of roles) {
        const result = await attempt.run(graph, credentials);
        const body = JSON.stringify(result.data ?? null);
        const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
        if (attempt.owner.includes(role)) {
          table.push(`  allowed  ${role.padEnd(28)} ${attempt.name}`);
          expect(body, `${role} should see their own data`).toMatch(attempt.secrets);
          continue;
        }
        const verdict = attempt.owner.length === 0 ? 'public ' : 'refused';
        table.push(`  ${verdict}  ${role.padEnd(28)} ${attempt.name}  ${codes.join(',') || (attempt.owner.length === 0 ? 'answered, nothing private' : 'null/empty')}`);
        expect(body, `${role} must not see it`).not.toMatch(attempt.secrets);
        for (const code of codes) expect(REFUSALS, `${role}: unexpected ${code}`).toContain(code);
      }
    });
  }
});
