import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTallies } from '@govgraph/applications/tallies';
import { DEPARTMENTS, formatLicenceId } from '@govgraph/kit';
import { mintCaseGrant, type Claims } from '@govgraph/kit/trust';
import { SUPERGRAPH_FILE } from '@govgraph/schema/governance';
import { linesWithPersonalData } from '../hostile/personal-data.js';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { signWithIdentityKey } from '../src/tokens.js';

/**
 * Everyone tries to reach someone else's data, through the gateway and through every entity
 * reference (as a query plan would call it). Owners get their data; everybody else gets a
 * refusal, a null or nothing — never the data. Every resolvable entity of the supergraph has an
 * attempt here (a test checks it); every contract operation × caller is in access/operations-matrix.
 */
const ZHANGSAN = 'P-000001';
const COMPANY = 'E-000001';
const ZHANGSAN_LICENCE = formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: DEPARTMENTS.trafficPolice.code, serial: '00000001', version: '1' });
/** What would give zhangsan's or the company's private data away if it showed up. */
const ZHANGSAN_SECRETS = /张三|440303199003071233|13800138000|解放路|4403\*+1233|138\*+8000/;
const COMPANY_SECRETS = /高新南七道|"AUTHORISED_AGENT"|李四/;

type Role =
  | 'anonymous'
  | 'citizen A (zhangsan)'
  | 'citizen B (lisi)'
  | 'agent of the company (lisi)'
  | 'officer, traffic police'
  | 'officer, market regulation'
  | 'expired token (zhangsan)';

interface Attempt {
  name: string;
  /** `subgraph:Type` for an `_entities` attempt, so that no entity of the supergraph goes untried. */
  entity?: string;
  owner: Role[];
  secrets: RegExp;
  run(graph: GraphHarness, role: { token: string | null; claims: Claims | null }): Promise<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }>;
}

const entities =
  (subgraph: string, reps: unknown[], selection: string): Attempt['run'] =>
  (graph, role) =>
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
    entity: 'identity:Person',
    owner: ['citizen A (zhangsan)'],
    secrets: ZHANGSAN_SECRETS,
    run: entities('identity', [{ __typename: 'Person', id: ZHANGSAN }], '... on Person { displayName name gender birthDate idNumberMasked mobileMasked address { detail } }'),
  },
  {
    name: 'identity _entities(Applicant): profile facts',
    entity: 'identity:Applicant',
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
    entity: 'identity:Enterprise',
    owner: ['agent of the company (lisi)'],
    secrets: COMPANY_SECRETS,
    run: entities('identity', [{ __typename: 'Enterprise', id: COMPANY }], '... on Enterprise { profileFacts { value } agents { role person { name } } }'),
  },
  {
    name: 'licences _entities(Applicant): licences and licence facts',
    entity: 'licences:Applicant',
    owner: ['citizen A (zhangsan)'],
    secrets: /440303199003071233|JDCJSZ/,
    run: entities('licences', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { licences { id number } licenceFacts { value } }'),
  },
  {
    name: 'licences _entities(Licence): a licence by its identifier',
    entity: 'licences:Licence',
    owner: ['citizen A (zhangsan)'],
    secrets: /440303199003071233|C1/,
    run: entities('licences', [{ __typename: 'Licence', id: ZHANGSAN_LICENCE }], '... on Licence { number data { value } holder { id } }'),
  },
  {
    name: 'applications _entities(Applicant): documents',
    entity: 'applications:Applicant',
    owner: ['citizen A (zhangsan)'],
    secrets: /"documents":\[/,
    run: entities('applications', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { documents { id filename } }'),
  },
  {
    name: 'applications _entities(Prefill): a forged representation for zhangsan',
    entity: 'applications:Prefill',
    owner: ['citizen A (zhangsan)'],
    secrets: /FORGED-VALUE/,
    run: entities(
      'applications',
      [
        {
          __typename: 'Prefill',
          matterCode: 'JJ-0101',
          applicantId: ZHANGSAN,
          matter: { form: { fields: [{ key: 'applicantName', source: 'person.name' }] }, materials: [] },
          applicant: {
            profileFacts: [
              { path: 'person.name', value: 'FORGED-VALUE', provenance: { system: 'identity', department: null, trustLevel: 'A', retrievedAt: '2026-01-01T00:00:00Z' } },
            ],
            licenceFacts: [],
          },
        },
      ],
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

/** zhangsan's open case at the traffic police, with a document of his among its materials. */
const CASE_ID = 'AP-2026-99000001';
const DOCUMENT_ID = 'D-matrix0000000001';

async function seedZhangsanCase(graph: GraphHarness): Promise<void> {
  const db = graph.databases.applications!.db as any;
  const at = '2026-11-20T02:00:00.000Z';
  await db
    .insertInto('document')
    .values({ id: DOCUMENT_ID, owner_id: ZHANGSAN, filename: 'zhangsan-photo.png', media_type: 'image/png', size: 70, sha256: 'a'.repeat(64), uploaded_at: at })
    .execute();
  await db
    .insertInto('application')
    .values({
      id: CASE_ID,
      number: '440300202699000001',
      applicant_id: ZHANGSAN,
      submitted_by: 'A-000001',
      matter_code: 'JJ-0103',
      matter_name: '机动车驾驶证遗失补证',
      department_code: DEPARTMENTS.trafficPolice.code,
      case_type: 'PROMISED',
      licensing: 1,
      promised_days: 1,
      channel: 'ONLINE',
      status: 'SUBMITTED',
      submitted_at: at,
      submitted_year: 2026,
      accepted_at: null,
      decided_at: null,
      completed_at: null,
      deadline: '2026-11-23',
      paused_since: null,
      paused_days: 0,
      resume_status: null,
      on_time: null,
      idempotency_key: 'matrix-case-1',
      payload_hash: 'x',
      form_snapshot: null,
      licence_id: null,
    })
    .execute();
  await db
    .insertInto('application_field')
    .values({
      application_id: CASE_ID,
      position: 0,
      key: 'lossStatement',
      source: null,
      value: '张三的驾驶证于解放路遗失',
      provenance_system: 'applications',
      provenance_department: null,
      trust_level: 'D',
      retrieved_at: at,
    })
    .execute();
  await db
    .insertInto('application_material')
    .values({ application_id: CASE_ID, position: 0, requirement_code: 'PHOTO', evidence_kind: 'Document', evidence_id: DOCUMENT_ID })
    .execute();
  await db.insertInto('application_event').values({ application_id: CASE_ID, seq: 1, at, status: 'SUBMITTED', actor: '申请人', note: null }).execute();
  // Written around the service: count it as the service would have.
  await rebuildTallies(db);
}

ATTEMPTS.push(
  {
    name: 'gateway: MyHome (applications and documents)',
    owner: ['citizen A (zhangsan)'],
    secrets: /zhangsan-photo|440300202699000001/,
    run: (graph, role) => graph.operation('my-home.graphql', {}, role.token ?? undefined),
  },
  {
    name: 'gateway: ApplicationDetail of zhangsan’s case',
    owner: ['citizen A (zhangsan)', 'officer, traffic police'],
    secrets: /440300202699000001|解放路/,
    run: (graph, role) => graph.operation('application-detail.graphql', { id: CASE_ID }, role.token ?? undefined),
  },
  {
    name: 'gateway: ReviewApplication of zhangsan’s case (officers of its department only)',
    owner: ['citizen A (zhangsan)', 'officer, traffic police'],
    secrets: /张三|zhangsan-photo/,
    run: (graph, role) => graph.operation('review-application.graphql', { id: CASE_ID }, role.token ?? undefined),
  },
  {
    name: 'gateway: OfficerQueue (an officer’s own department only)',
    owner: ['officer, traffic police', 'officer, market regulation'],
    secrets: /"officerQueue":\{"totalCount"/,
    run: (graph, role) => graph.operation('officer-queue.graphql', { first: 5 }, role.token ?? undefined),
  },
  {
    name: 'gateway: DecideApplication on zhangsan’s case',
    owner: ['officer, traffic police'],
    secrets: /"status":"ACCEPTED"/,
    run: (graph, role) => graph.operation('decide-application.graphql', { input: { id: CASE_ID, action: 'ACCEPT' } }, role.token ?? undefined),
  },
  {
    name: 'gateway: HallStatistics is public and names nobody',
    owner: [],
    secrets: ZHANGSAN_SECRETS,
    run: (graph, role) => graph.operation('hall-statistics.graphql', { year: 2025 }, role.token ?? undefined),
  },
  {
    name: 'applications _entities(Application)',
    entity: 'applications:Application',
    owner: ['citizen A (zhangsan)', 'officer, traffic police'],
    secrets: /440300202699000001/,
    run: entities('applications', [{ __typename: 'Application', id: CASE_ID }], '... on Application { number fields { value } }'),
  },
  {
    name: 'applications _entities(Document)',
    entity: 'applications:Document',
    owner: ['citizen A (zhangsan)'],
    secrets: /zhangsan-photo/,
    run: entities('applications', [{ __typename: 'Document', id: DOCUMENT_ID }], '... on Document { filename sha256 }'),
  },
  {
    name: 'licences _entities(Licence) through a grant naming another licence holder',
    owner: [],
    secrets: /440303199003071233/,
    run: (graph, role) =>
      graph.subgraphQuery(
        'licences',
        'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Licence { number } } }',
        {
          reps: [
            {
              __typename: 'Licence',
              id: mintCaseGrant(graph.party('applications').keys, {
                applicantId: 'P-000002',
                accountId: role.claims?.accountId ?? 'x',
                department: role.claims?.department ?? 'x',
                caseId: CASE_ID,
                purpose: 'x',
                expiresAt: Date.now() + 60_000,
                subjectId: ZHANGSAN_LICENCE,
              }),
            },
          ],
        },
        role.claims,
      ),
  },
);

ATTEMPTS.push(
  {
    name: 'catalog _entities(Matter): public reference data, names nobody',
    entity: 'catalog:Matter',
    owner: [],
    secrets: ZHANGSAN_SECRETS,
    run: entities('catalog', [{ __typename: 'Matter', code: 'JJ-0101' }], '... on Matter { code name }'),
  },
  {
    name: 'catalog _entities(Department): public reference data, names nobody',
    entity: 'catalog:Department',
    owner: [],
    secrets: ZHANGSAN_SECRETS,
    run: entities('catalog', [{ __typename: 'Department', code: DEPARTMENTS.trafficPolice.code }], '... on Department { code name }'),
  },
  {
    name: 'licences _entities(LicenceType): public reference data, names nobody',
    entity: 'licences:LicenceType',
    owner: [],
    secrets: ZHANGSAN_SECRETS,
    run: entities('licences', [{ __typename: 'LicenceType', code: 'JDCJSZ' }], '... on LicenceType { code name }'),
  },
);

/** `subgraph:Type` of every entity a subgraph resolves, read from the supergraph's @join__type keys. */
/** The disclosure and consultation offices' entities (issue 23): the requester's or asker's, their department's officers', or public. */
const SEED_OFFICE = DEPARTMENTS.dataAdministration.code;
ATTEMPTS.push(
  {
    name: 'disclosure _entities(Applicant): the requester’s requests for disclosure',
    entity: 'disclosure:Applicant',
    owner: ['citizen A (zhangsan)'],
    secrets: /DQ-000011/,
    run: entities('disclosure', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { disclosureRequests { id description } }'),
  },
  {
    name: 'disclosure _entities(DisclosureRequest): zhangsan’s request at the traffic police',
    entity: 'disclosure:DisclosureRequest',
    owner: ['citizen A (zhangsan)', 'officer, traffic police'],
    secrets: /"description":"/,
    run: entities('disclosure', [{ __typename: 'DisclosureRequest', id: 'DQ-000011' }], '... on DisclosureRequest { description dueOn }'),
  },
  {
    name: 'disclosure _entities(DisclosureRelease): public releases name nobody',
    entity: 'disclosure:DisclosureRelease',
    owner: [],
    secrets: ZHANGSAN_SECRETS,
    run: entities('disclosure', [{ __typename: 'DisclosureRelease', id: 'DR-000001' }], '... on DisclosureRelease { title publishedOn }'),
  },
  ...(['disclosure', 'catalog', 'applications', 'consultation'] as const).map(
    (subgraph): Attempt => ({
      name: `${subgraph} _entities(AnnualReport): aggregates only, public`,
      entity: `${subgraph}:AnnualReport`,
      owner: [],
      secrets: ZHANGSAN_SECRETS,
      run: entities(subgraph, [{ __typename: 'AnnualReport', departmentCode: SEED_OFFICE, year: 2017 }], '... on AnnualReport { __typename departmentCode year }'),
    }),
  ),
  {
    name: 'consultation _entities(Applicant): the asker’s consultations and complaints',
    entity: 'consultation:Applicant',
    owner: ['citizen A (zhangsan)'],
    secrets: /CQ-000366|CC-000066/,
    run: entities('consultation', [{ __typename: 'Applicant', id: ZHANGSAN }], '... on Applicant { consultations { id question } consultationComplaints { id subject } }'),
  },
  {
    name: 'consultation _entities(Consultation): zhangsan’s question to the traffic police',
    entity: 'consultation:Consultation',
    owner: ['citizen A (zhangsan)', 'officer, traffic police'],
    secrets: /"question":"/,
    run: entities('consultation', [{ __typename: 'Consultation', id: 'CQ-000366' }], '... on Consultation { question answer }'),
  },
  {
    name: 'consultation _entities(ConsultationComplaint): zhangsan’s complaint about the traffic police',
    entity: 'consultation:ConsultationComplaint',
    owner: ['citizen A (zhangsan)', 'officer, traffic police'],
    secrets: /"subject":"/,
    run: entities('consultation', [{ __typename: 'ConsultationComplaint', id: 'CC-000066' }], '... on ConsultationComplaint { subject rating }'),
  },
  {
    name: 'consultation _entities(Matter): frequent questions are public and name nobody',
    entity: 'consultation:Matter',
    owner: [],
    secrets: ZHANGSAN_SECRETS,
    run: entities('consultation', [{ __typename: 'Matter', code: 'JJ-0101' }], '... on Matter { frequentQuestions { question answer } }'),
  },
);

function resolvableEntities(): string[] {
  const found = new Set<string>();
  const sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
  for (const block of sdl.matchAll(/^(?:type|interface) (\w+)([^{]*)\{/gm)) {
    for (const join of block[2]!.matchAll(/@join__type\(graph: (\w+), key: "[^"]*"([^)]*)\)/g)) {
      if (!/resolvable: false/.test(join[2]!)) found.add(`${join[1]!.toLowerCase()}:${block[1]}`);
    }
  }
  return [...found].sort();
}

/** A case grant for zhangsan handed to officer.police (as the case system will hand it). */
function trafficGrant(graph: GraphHarness): string {
  return mintCaseGrant(graph.party('applications').keys, {
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
    graph = await startGraph({ captureLogs: true });
    const as = async (username: string) => {
      const token = await graph.login(username);
      return { token, claims: graph.claimsOf(token) };
    };
    roles.set('anonymous', { token: null, claims: null });
    await seedZhangsanCase(graph);
    roles.set('citizen A (zhangsan)', await as('zhangsan'));
    roles.set('citizen B (lisi)', await as('lisi'));
    const lisi = await as('lisi');
    const agentToken = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, lisi.token)).data.actAs.token as string;
    roles.set('agent of the company (lisi)', { token: agentToken, claims: graph.claimsOf(agentToken) });
    roles.set('officer, traffic police', await as('officer.police'));
    roles.set('officer, market regulation', await as('officer.market'));
    // Refused by the gateway, so straight to a subgraph it forwards nobody.
    const zhangsan = roles.get('citizen A (zhangsan)')!.claims!;
    const expired = await signWithIdentityKey(
      graph.databases.identity!,
      graph.party('identity').keys.sealingSecret,
      { sub: zhangsan.accountId, person: zhangsan.personId, applicant: zhangsan.applicantId, roles: zhangsan.roles },
      { expiresAt: Math.floor(Date.now() / 1000) - 60 },
    );
    roles.set('expired token (zhangsan)', { token: expired, claims: null });
    // One purposeful read, so zhangsan's data-access log has something to leak.
    const police = roles.get('officer, traffic police')!.claims!;
    const reference = mintCaseGrant(graph.party('applications').keys, {
      applicantId: ZHANGSAN,
      accountId: police.accountId,
      department: police.department!,
      caseId: 'case-1',
      purpose: '审查办件 JJ2026-000001',
      expiresAt: Date.now() + 60_000,
    });
    await graph.subgraphQuery(
      'identity',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }',
      { r: [{ __typename: 'Person', id: reference }] },
      police,
    );
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

  it('has an attempt for every entity a subgraph resolves', () => {
    const tried = new Set(ATTEMPTS.map((attempt) => attempt.entity).filter(Boolean));
    const entities = resolvableEntities();
    expect(entities.length).toBeGreaterThanOrEqual(10);
    expect(entities.filter((entity) => !tried.has(entity))).toEqual([]);
  });

  it('reaches no entity through the gateway except by its root fields: _entities and _service are not in the API schema', async () => {
    const token = roles.get('citizen A (zhangsan)')!.token!;
    for (const document of ['{ _entities(representations: [{ __typename: "Person", id: "P-000002" }]) { ... on Person { name } } }', '{ _service { sdl } }']) {
      const answer = await graph.query(document, {}, token);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.data ?? undefined).toBeUndefined();
    }
  });

  it('logged no name, ID number, mobile or address of a demo person, in any service', () => {
    expect(graph.logs.length).toBeGreaterThan(100);
    expect(linesWithPersonalData(graph.logs)).toEqual([]);
  });
});
