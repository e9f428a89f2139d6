import { describe, expect, it } from 'vitest';
import { checkDataFlows, graphDataFlows, parseDataPolicy, type DataFlow, type DataPolicy, type DataSharingAgreement } from '../src/governance/index.js';

/**
 * The data-flow analysis on small graphs, one flow kind at a time: `people` owns persons and
 * their profile facts, `cases` owns cases that name a person, and `forms` is the department
 * trying to receive what it should not (or what an agreement lets it).
 */
const LINK = (...imports: string[]) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [${imports.map((i) => `"@${i}"`).join(', ')}])`;

const PEOPLE = {
  name: 'people',
  sdl: `${LINK('key', 'shareable')}
interface Applicant @key(fields: "id") { id: ID! profileFacts: [Fact!]! }
type Person implements Applicant @key(fields: "id") { id: ID! profileFacts: [Fact!]! name: String! idNumber: String! address: Address nickname: String }
type Address { city: String! detail: String! }
type Fact @shareable { path: String! value: String! }
type Query { me: Applicant }`,
};

const CASES = {
  name: 'cases',
  sdl: `${LINK('key', 'external', 'provides')}
type Case @key(fields: "id") { id: ID! applicant: Person! @provides(fields: "name") notes: String title: String }
type Person @key(fields: "id", resolvable: false) { id: ID! name: String! @external }
type Query { case(id: ID!): Case }`,
};

const POLICY: DataPolicy = parseDataPolicy({
  departments: {
    people: { personal: ['Applicant.profileFacts', 'Person.name', 'Person.idNumber', 'Person.address', 'Address.*'] },
    cases: { personal: ['Case.applicant', 'Case.notes'] },
  },
  agreements: [],
});

const withAgreements = (...agreements: Array<Partial<DataSharingAgreement>>): DataPolicy => ({
  ...POLICY,
  agreements: agreements.map((a, i) => ({ id: `a${i}`, consumer: 'forms', provider: 'people', fields: [], purpose: 'a purpose', legalBasis: 'a legal basis', ...a })),
});

const forms = (sdl: string) => ({ name: 'forms', sdl });
const flowsOf = (subgraphs: Array<{ name: string; sdl: string }>, policy = POLICY) => graphDataFlows(subgraphs, policy).flows;
const pick = (flows: DataFlow[], kind: DataFlow['kind']) => flows.filter((f) => f.kind === kind).map(({ kind: _k, declaredIn: _d, ...rest }) => rest);

describe('data flows, kind by kind', () => {
  it('requires: every classified field of the selection, nested ones once under their classified parent', () => {
    const flows = flowsOf([
      PEOPLE,
      forms(`${LINK('key', 'external', 'requires')}
type Person @key(fields: "id") {
  id: ID!
  profileFacts: [Fact!]! @external
  address: Address @external
  nickname: String @external
  greeting: String @requires(fields: "profileFacts { path value } address { city } nickname")
}
type Fact { path: String! value: String! }
type Address { city: String! }`),
    ]);
    expect(pick(flows, 'requires')).toEqual([
      { consumer: 'forms', provider: 'people', field: 'Person.address', classifiedAs: 'Person.address', via: 'Person.greeting @requires', selection: 'address { city }' },
      {
        consumer: 'forms',
        provider: 'people',
        field: 'Person.profileFacts',
        classifiedAs: 'Applicant.profileFacts',
        via: 'Person.greeting @requires',
        selection: 'profileFacts { path value }',
      },
    ]);
  });

  it('requires through an entity of its own: the walk goes on into the other department’s fields', () => {
    const flows = flowsOf([
      PEOPLE,
      CASES,
      forms(`${LINK('key', 'external', 'requires')}
type Case @key(fields: "id") { id: ID! applicant: Person! @external summary: String @requires(fields: "applicant { idNumber }") }
type Person @key(fields: "id", resolvable: false) { id: ID! idNumber: String! @external }`),
    ]);
    expect(pick(flows, 'requires').map((f) => `${f.provider}:${f.field}`)).toEqual(['cases:Case.applicant', 'people:Person.idNumber']);
  });

  it('key: resolving another department’s entity by classified key fields', () => {
    const flows = flowsOf([PEOPLE, forms(`${LINK('key')}\ntype Person @key(fields: "id idNumber") { id: ID! idNumber: String! badge: String }`)]);
    expect(pick(flows, 'key')).toEqual([
      { consumer: 'forms', provider: 'people', field: 'Person.idNumber', classifiedAs: 'Person.idNumber', via: 'Person @key(fields: "id idNumber")' },
    ]);
    // An unclassified key (the id) is no flow; an unresolvable one sends nothing to forms.
    expect(pick(flowsOf([PEOPLE, forms(`${LINK('key')}\ntype Person @key(fields: "id") { id: ID! badge: String }`)]), 'key')).toEqual([]);
  });

  it('provides, and the entity reference a classified field sends to the entity’s owner', () => {
    const flows = flowsOf([PEOPLE, CASES]);
    expect(pick(flows, 'provides')).toEqual([{ consumer: 'cases', provider: 'people', field: 'Person.name', classifiedAs: 'Person.name', via: 'Case.applicant @provides' }]);
    expect(pick(flows, 'reference')).toEqual([{ consumer: 'people', provider: 'cases', field: 'Case.applicant', classifiedAs: 'Case.applicant', via: 'Case.applicant → Person' }]);
  });

  it('override: always a flow, classified or not', () => {
    const flows = flowsOf([
      PEOPLE,
      forms(`${LINK('key', 'override')}\ntype Person @key(fields: "id") { id: ID! name: String! @override(from: "people") nickname: String @override(from: "people") }`),
    ]);
    expect(pick(flows, 'override')).toEqual([
      { consumer: 'forms', provider: 'people', field: 'Person.name', classifiedAs: 'Person.name', via: 'Person.name @override(from: "people")' },
      { consumer: 'forms', provider: 'people', field: 'Person.nickname', via: 'Person.nickname @override(from: "people")' },
    ]);
  });

  it('shareable: resolving a classified field of another department as one’s own', () => {
    const flows = flowsOf([PEOPLE, forms(`${LINK('shareable')}\ntype Address { city: String! @shareable }\ntype Query { where: Address }`)]);
    expect(pick(flows, 'shareable')).toEqual([{ consumer: 'forms', provider: 'people', field: 'Address.city', classifiedAs: 'Address.*', via: 'Address.city' }]);
  });

  it('context: a @fromContext selection', () => {
    const flows = flowsOf([
      PEOPLE,
      forms(`${LINK('key', 'external', 'context', 'fromContext')}
type Person @key(fields: "id") @context(name: "who") { id: ID! idNumber: String! @external card: Card }
type Card { label(number: String @fromContext(field: "$who { idNumber }")): String }`),
    ]);
    expect(pick(flows, 'context')).toEqual([
      { consumer: 'forms', provider: 'people', field: 'Person.idNumber', classifiedAs: 'Person.idNumber', via: 'Card.label(number:) @fromContext' },
    ]);
  });

  it('@interfaceObject: the interface’s field is the same datum as its implementations’', () => {
    // Classified on Person only; asked for through the Applicant interface object.
    const policy = parseDataPolicy({ departments: { people: { personal: ['Person.profileFacts'] } }, agreements: [] });
    const flows = flowsOf(
      [
        PEOPLE,
        forms(`${LINK('key', 'external', 'requires', 'interfaceObject')}
type Applicant @interfaceObject @key(fields: "id") { id: ID! profileFacts: [Fact!]! @external summary: String @requires(fields: "profileFacts { value }") }
type Fact { value: String! }`),
      ],
      policy,
    );
    expect(pick(flows, 'requires')).toEqual([
      {
        consumer: 'forms',
        provider: 'people',
        field: 'Applicant.profileFacts',
        classifiedAs: 'Person.profileFacts',
        via: 'Applicant.summary @requires',
        selection: 'profileFacts { value }',
      },
    ]);
    // …and resolving Applicant makes forms a receiver of the references cases sends for a Person.
    expect(
      pick(flowsOf([PEOPLE, CASES, forms(`${LINK('key', 'interfaceObject')}\ntype Applicant @interfaceObject @key(fields: "id") { id: ID! score: Int }`)]), 'reference'),
    ).toContainEqual({ consumer: 'forms', provider: 'cases', field: 'Case.applicant', classifiedAs: 'Case.applicant', via: 'Case.applicant → Person' });
  });

  it('Type.* covers only the fields the department itself resolves there', () => {
    const policy = parseDataPolicy({ departments: { people: { personal: ['Person.*'] } }, agreements: [] });
    const holdings = { name: 'holdings', sdl: `${LINK('key', 'interfaceObject')}\ntype Applicant @interfaceObject @key(fields: "id") { id: ID! holdings: [String!]! }` };
    const flows = flowsOf(
      [
        PEOPLE,
        holdings,
        forms(`${LINK('key', 'external', 'requires')}
type Person @key(fields: "id") { id: ID! holdings: [String!]! @external name: String! @external x: String @requires(fields: "holdings name") }`),
      ],
      policy,
    );
    // name is people's (Person.*); holdings is the holdings department's, which classifies nothing.
    expect(pick(flows, 'requires').map((f) => f.field)).toEqual(['Person.name']);
  });

  it('sees through renamed federation directives', () => {
    const flows = flowsOf([
      PEOPLE,
      forms(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", { name: "@external", as: "@theirs" }, { name: "@requires", as: "@needs" }])
type Person @key(fields: "id") { id: ID! idNumber: String! @theirs x: String @needs(fields: "idNumber") }`),
    ]);
    expect(pick(flows, 'requires').map((f) => f.field)).toEqual(['Person.idNumber']);
    const namespaced = flowsOf([
      PEOPLE,
      forms(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", as: "fed")
type Person @fed__key(fields: "id") { id: ID! idNumber: String! @fed__external x: String @fed__requires(fields: "idNumber") }`),
    ]);
    expect(pick(namespaced, 'requires').map((f) => f.field)).toEqual(['Person.idNumber']);
  });
});

describe('data flows against the agreements', () => {
  const REQUIRING = forms(`${LINK('key', 'external', 'requires')}
type Person @key(fields: "id") { id: ID! profileFacts: [Fact!]! @external x: String @requires(fields: "profileFacts { value }") }
type Fact { value: String! }`);
  const check = (policy: DataPolicy, after = [PEOPLE, REQUIRING]) => checkDataFlows({ before: [PEOPLE], after, changed: ['forms'], policy });

  it('an undeclared flow is reported; an agreement naming consumer, provider and field declares it', () => {
    const refused = check(POLICY);
    expect(refused.undeclared.map((f) => [f.kind, f.field])).toEqual([['requires', 'Person.profileFacts']]);
    expect(refused.added).toEqual(refused.undeclared);
    const allowed = check(withAgreements({ fields: ['Applicant.profileFacts'], kinds: ['requires'] }));
    expect(allowed.undeclared).toEqual([]);
    expect(allowed.added).toMatchObject([{ kind: 'requires', field: 'Person.profileFacts', agreement: 'a0' }]);
  });

  it('an agreement holds for its consumer, provider, fields and kinds only', () => {
    for (const wrong of [{ consumer: 'cases' }, { provider: 'cases' }, { fields: ['Person.name'] }, { fields: ['Applicant.profileFacts'], kinds: ['provides' as const] }]) {
      expect(check(withAgreements({ fields: ['Applicant.profileFacts'], ...wrong })).undeclared, JSON.stringify(wrong)).toHaveLength(1);
    }
    expect(check(withAgreements({ fields: ['Person.*'] })).undeclared).toEqual([]);
  });

  it('an @override needs an agreement that says override: true', () => {
    const overriding = [PEOPLE, forms(`${LINK('key', 'override')}\ntype Person @key(fields: "id") { id: ID! nickname: String @override(from: "people") }`)];
    expect(check(withAgreements({ fields: ['Person.nickname'] }), overriding).undeclared.map((f) => f.kind)).toEqual(['override']);
    expect(check(withAgreements({ fields: ['Person.nickname'], override: true }), overriding).undeclared).toEqual([]);
  });

  it('lists the flows a change removes, and refuses nothing for them', () => {
    const report = checkDataFlows({
      before: [PEOPLE, REQUIRING],
      after: [PEOPLE, forms(`${LINK('key')}\ntype Person @key(fields: "id") { id: ID! }`)],
      changed: ['forms'],
      policy: POLICY,
    });
    expect(report.removed.map((f) => [f.kind, f.field])).toEqual([['requires', 'Person.profileFacts']]);
    expect(report.added).toEqual([]);
    expect(report.undeclared).toEqual([]);
  });

  it('a flow the change opens between two other departments counts against the change', () => {
    // forms makes Person a Named; holdings resolves every Named, so cases' references to a Person now reach holdings.
    const holdings = { name: 'holdings', sdl: `${LINK('key', 'interfaceObject')}\ntype Named @interfaceObject @key(fields: "id") { id: ID! score: Int }` };
    const before = [PEOPLE, CASES, holdings, forms(`${LINK('key')}\ntype Query { ping: Int }`)];
    const after = [PEOPLE, CASES, holdings, forms(`${LINK('key')}\ninterface Named { id: ID! }\ntype Person implements Named @key(fields: "id", resolvable: false) { id: ID! }`)];
    const report = checkDataFlows({ before, after, changed: ['forms'], policy: POLICY });
    expect(report.undeclared).toContainEqual(expect.objectContaining({ kind: 'reference', consumer: 'holdings', provider: 'cases', field: 'Case.applicant', declaredIn: 'cases' }));
  });

  it('an undeclared flow the changed subgraph keeps is still refused; the provider is not held to it', () => {
    // The policy no longer allows what forms published before: forms cannot publish again without fixing it…
    expect(checkDataFlows({ before: [PEOPLE, REQUIRING], after: [PEOPLE, REQUIRING], changed: ['forms'], policy: POLICY }).undeclared).toHaveLength(1);
    // …but people, whose data it is, is not held to a flow forms declares.
    expect(checkDataFlows({ before: [PEOPLE, REQUIRING], after: [PEOPLE, REQUIRING], changed: ['people'], policy: POLICY }).undeclared).toEqual([]);
  });
});
