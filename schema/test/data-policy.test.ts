import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkSubgraph,
  composeCurrent,
  DATA_POLICY_FILE,
  DataPolicyError,
  draftDepartmentPolicy,
  formatReport,
  graphDataFlows,
  loadDataPolicy,
  parseDataPolicy,
  readTrustedOperations,
  TO_COMPLETE,
  subgraphsOfSupergraph,
  undeclaredFlows,
  type ComposedGraph,
  type DataPolicy,
  type TrustedOperation,
} from '../src/governance/index.js';
import { OPERATIONS_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE } from '../src/paths.js';
import { OVERRIDE_TAKEOVER_SDL } from '../src/testing/index.js';

/** The committed policy against the committed graph, and the catalog takeover issue 16 describes. */
let current: ComposedGraph;
let operations: TrustedOperation[];
let policy: DataPolicy;
const sdlOf = (name: string) => current.subgraphs.find((s) => s.name === name)!.sdl;

beforeAll(() => {
  current = composeCurrent(subgraphsOfSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'), SUBGRAPHS_DIR));
  operations = readTrustedOperations(OPERATIONS_DIR);
  policy = loadDataPolicy(DATA_POLICY_FILE);
}, 60_000);

describe('schema/data-policy.json', () => {
  it('declares every data flow of the committed graph', () => {
    expect(undeclaredFlows(current.subgraphs, policy).map((f) => `${f.kind} ${f.field} ${f.provider} → ${f.consumer}`)).toEqual([]);
  });

  it('and those flows are the legitimate ones: prefill, the licence summary, case and holder references', () => {
    const flows = graphDataFlows(current.subgraphs, policy).flows.map((f) => `${f.kind} ${f.provider}→${f.consumer} ${f.field} via ${f.via}`);
    expect(flows).toEqual(
      expect.arrayContaining([
        'requires identity→applications Applicant.profileFacts via Prefill.fields @requires',
        'requires licences→applications Applicant.licenceFacts via Prefill.materials @requires',
        'provides licences→applications Licence.title via MaterialOffer.satisfiedBy @provides',
        'provides licences→applications Licence.number via MaterialOffer.satisfiedBy @provides',
        'provides licences→applications Licence.validTo via MaterialOffer.satisfiedBy @provides',
        'reference applications→identity Application.applicant via Application.applicant → Applicant',
        'reference applications→licences Application.applicant via Application.applicant → Applicant',
      ]),
    );
    // The catalog receives no one's personal data.
    expect(flows.filter((f) => f.includes('→catalog'))).toEqual([]);
  });

  it('has no agreement left with a purpose or legal basis to complete (npm run new-subgraph drafts them)', () => {
    expect(readFileSync(DATA_POLICY_FILE, 'utf8')).not.toContain(TO_COMPLETE);
  });

  it('is validated strictly: unknown keys, missing legal basis, a field classified twice, reserved names', () => {
    const base = { departments: { identity: { personal: ['Person.name'] } }, agreements: [] as unknown[] };
    const agreement = { id: 'x', consumer: 'catalog', provider: 'identity', fields: ['Person.name'], purpose: 'to greet', legalBasis: 'consent' };
    expect(() => parseDataPolicy(base)).not.toThrow();
    const refusals: Array<[unknown, RegExp]> = [
      [{ ...base, agreements: [{ ...agreement, legalbasis: 'typo' }] }, /unknown key "legalbasis"/],
      [{ ...base, agreements: [{ ...agreement, legalBasis: '' }] }, /legalBasis: required/],
      [{ ...base, agreements: [{ ...agreement, override: 'yes' }] }, /override: true or false/],
      [{ ...base, agreements: [{ ...agreement, kinds: ['telepathy'] }] }, /kinds/],
      [{ ...base, agreements: [{ ...agreement, consumer: 'identity' }] }, /the same department/],
      [{ ...base, departments: { ...base.departments, catalog: { personal: ['Person.name'] } } }, /already classified as identity's/],
      [{ ...base, departments: { gateway: { personal: ['Person.name'] } } }, /reserved party name/],
      [{ ...base, departments: { identity: { personal: ['Person'] } } }, /not Type.field or Type.\*/],
    ];
    for (const [json, message] of refusals) expect(() => parseDataPolicy(json), message.source).toThrow(message);
    expect(() => loadDataPolicy('/nonexistent/policy.json')).toThrow(DataPolicyError);
  });
});

describe('the catalog takeover (issue 16), with only the catalog’s own credential', () => {
  const TAKEOVER = OVERRIDE_TAKEOVER_SDL;

  it('composes and breaks nothing, so only the data-flow check stops it — naming the fields', () => {
    const { report } = checkSubgraph({ subgraph: 'catalog', sdl: sdlOf('catalog') + TAKEOVER, current, operations, policy });
    expect(report.composition.ok).toBe(true);
    expect(report.breaking).toEqual([]);
    expect(report.ok).toBe(false);
    const undeclared = report.dataFlows!.undeclared.map((f) => `${f.kind} ${f.field}`);
    expect(undeclared).toEqual(expect.arrayContaining(['override Person.displayName', 'requires Person.profileFacts']));
    // Resolving Person also puts catalog on the receiving end of every classified reference to a person.
    expect(undeclared).toEqual(expect.arrayContaining(['reference Application.applicant', 'reference Licence.holder']));
    expect(report.summary).toContain('Person.profileFacts (requires, identity → catalog)');
    const text = formatReport(report);
    expect(text).toContain('undeclared data flow');
    expect(text).toContain('REQUIRES  catalog ← identity  Person.profileFacts { path value }  via Person.displayName @requires');
  });

  it('without a policy the same change passes: the policy is what refuses it', () => {
    const { report } = checkSubgraph({ subgraph: 'catalog', sdl: sdlOf('catalog') + TAKEOVER, current, operations });
    expect(report.ok).toBe(true);
    expect(report.dataFlows).toBeNull();
  });

  it('through the Applicant interface object instead of Person, too', () => {
    const sdl = `${sdlOf('catalog')}
type Applicant @interfaceObject @key(fields: "id") {
  id: ID!
  profileFacts: [Fact!]! @external
  greeting: String @requires(fields: "profileFacts { path value }")
}

type Fact @shareable {
  path: String!
  value: String!
}
`;
    const { report } = checkSubgraph({ subgraph: 'catalog', sdl, current, operations, policy });
    expect(report.ok).toBe(false);
    expect(report.dataFlows!.undeclared.map((f) => `${f.kind} ${f.field}`)).toContain('requires Applicant.profileFacts');
  });
});

describe('check prints the flows a change adds and removes', () => {
  it('applications dropping its @provides removes three declared flows and passes', () => {
    const sdl = sdlOf('applications');
    const without = sdl.replace(' @provides(fields: "... on Licence { title number validTo }")', '');
    expect(without).not.toBe(sdl);
    const { report } = checkSubgraph({ subgraph: 'applications', sdl: without, current, operations, policy });
    expect(report.dataFlows!.removed.map((f) => `${f.kind} ${f.field}`)).toEqual(['provides Licence.number', 'provides Licence.title', 'provides Licence.validTo']);
    expect(report.dataFlows!.added).toEqual([]);
    expect(formatReport(report)).toContain('- 3 data flows removed');
  });

  it('an unchanged subgraph adds and removes nothing', () => {
    const { report } = checkSubgraph({ subgraph: 'licences', sdl: sdlOf('licences'), current, operations, policy });
    expect(report.dataFlows).toMatchObject({ added: [], removed: [], undeclared: [] });
    expect(formatReport(report)).toContain('= no data flow added or removed');
  });
});

describe('a new department extending Applicant (npm run new-subgraph)', () => {
  const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@interfaceObject"])
type Applicant @interfaceObject @key(fields: "id") { id: ID! housingFundRecords: [HousingFundRecord!]! }
type HousingFundRecord @key(fields: "id") { id: ID! title: String! }
`;

  it('is refused until the policy lets it receive the applicant references; the draft names exactly those', () => {
    const refused = checkSubgraph({ subgraph: 'housing-fund', sdl: SDL, current, operations, policy });
    expect(refused.report.ok).toBe(false);
    const { policy: drafted, added } = draftDepartmentPolicy({
      policy,
      current: current.subgraphs,
      name: 'housing-fund',
      sdl: SDL,
      personal: ['Applicant.housingFundRecords', 'HousingFundRecord.*'],
    });
    expect(added.map((a) => [a.id, a.provider, a.fields.join(' '), a.kinds?.join(' ')])).toEqual([
      ['housing-fund-from-applications', 'applications', 'Application.applicant Prefill.applicant', 'reference'],
      ['housing-fund-from-identity', 'identity', 'EnterpriseAgent.person', 'reference'],
      ['housing-fund-from-licences', 'licences', 'Licence.holder', 'reference'],
    ]);
    expect(added[0]!.purpose.startsWith(TO_COMPLETE)).toBe(true);
    expect(drafted.departments['housing-fund']).toEqual({ personal: ['Applicant.housingFundRecords', 'HousingFundRecord.*'] });
    expect(() => parseDataPolicy(JSON.parse(JSON.stringify(drafted)))).not.toThrow();
    expect(checkSubgraph({ subgraph: 'housing-fund', sdl: SDL, current, operations, policy: drafted }).report.ok).toBe(true);
  });
});
