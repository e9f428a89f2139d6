import { describe, expect, it } from 'vitest';
import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { countTokens } from '../src/limits/count-tokens.js';
import { DEFAULT_LIMITS } from '../src/limits/limits-config.js';
import { measureForLimits } from '../src/plugins/use-limits.js';

/**
 * A portal's schema in small: applicants of three kinds behind an interface, evidence and search
 * results as unions, lists everywhere — the shapes a federated government graph serves.
 */
const schema = buildSchema(`
  type Query {
    me: Applicant
    person(id: ID!): Person
    node(id: ID!): Node
    search(text: String!, first: Int = 20): [SearchResult!]!
    applications(first: Int = 10): [Application!]!
  }
  interface Node { id: ID! }
  interface Applicant { id: ID!, displayName: String!, licences(first: Int): [Licence!]!, applications(first: Int): [Application!]! }
  type Person implements Node & Applicant {
    id: ID!, displayName: String!, name: String!, idNumberMasked: String!, mobileMasked: String!, address: Address
    enterprises: [Membership!]!, licences(first: Int): [Licence!]!, applications(first: Int): [Application!]!
  }
  type Enterprise implements Node & Applicant {
    id: ID!, displayName: String!, name: String!, creditCode: String!, legalRepresentative: Person!
    agents: [Membership!]!, licences(first: Int): [Licence!]!, applications(first: Int): [Application!]!
  }
  type Institution implements Node & Applicant {
    id: ID!, displayName: String!, name: String!, registrationNumber: String!, departments: [Department!]!
    licences(first: Int): [Licence!]!, applications(first: Int): [Application!]!
  }
  type Membership { role: String!, person: Person!, enterprise: Enterprise! }
  type Address { division: String!, detail: String! }
  type Department implements Node { id: ID!, code: String!, name: String! }
  type Licence implements Node { id: ID!, title: String!, number: String!, validTo: String, holder: Applicant!, issuer: Department! }
  type Document implements Node { id: ID!, filename: String!, size: Int!, sha256: String! }
  type Photo implements Node { id: ID!, width: Int!, height: Int!, takenAt: String }
  type Application implements Node {
    id: ID!, number: String!, status: String!, applicant: Applicant!, matter: Matter!
    materials: [Material!]!, history: [Event!]!
  }
  type Matter { code: String!, name: String! }
  type Material { requirement: String!, evidence: [Evidence!]! }
  type Event { at: String!, status: String!, note: String }
  union Evidence = Licence | Document | Photo
  union SearchResult = Person | Enterprise | Institution | Licence | Department | Matter
`);

function measured(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  expect(validate(schema, document), 'a valid operation').toEqual([]);
  return measureForLimits(schema, document, getOperationAST(document)!, variables, DEFAULT_LIMITS.defaultListSize);
}

describe('costing fragments over interfaces and unions', () => {
  it('costs sibling fragments on different object types as the larger, not the sum', () => {
    // Each result is one of them: 20 × (1 + __typename + max(2, 1)).
    expect(measured('{ search(text: "x") { __typename ... on Person { name displayName } ... on Department { code } } }').cost).toBe(20 * (1 + 1 + 2));
    expect(measured('{ me { displayName ... on Person { name } ... on Enterprise { name creditCode } } }').cost).toBe(1 + 1 + 2);
  });

  it('counts what is selected on the abstract type itself for every object, and two fragments on one type together', () => {
    // `... on Node` applies to five of the six members, Department among them; Matter gets its own.
    expect(measured('{ search(text: "x", first: 1) { ... on Node { id } ... on Department { code name } ... on Matter { code } } }').cost).toBe(1 + (1 + 2));
    expect(measured('{ me { id ... on Person { name } ... on Person { mobileMasked idNumberMasked } ... on Enterprise { creditCode } } }').cost).toBe(1 + 1 + 3);
    // An interface every member implements is no narrowing at all.
    expect(measured('{ node(id: "1") { ... on Node { id } ... on Licence { title } } }').cost).toBe(1 + 1 + 1);
  });

  it('measures a fragment on an interface for the one type it is spread under', () => {
    const fragment = 'fragment Card on Applicant { displayName ... on Person { name } ... on Enterprise { name creditCode agents { role } } }';
    // Under a Person only its own branch applies; under any applicant the costliest.
    expect(measured(`{ person(id: "1") { ...Card } } ${fragment}`).cost).toBe(1 + 1 + 1);
    expect(measured(`{ me { ...Card } } ${fragment}`).cost).toBe(1 + 1 + (2 + 10 * 2));
    expect(measured(`{ person(id: "1") { ...Card } me { ...Card } } ${fragment}`).cost).toBe(3 + 24);
  });

  it('keeps the depth of the deepest branch', () => {
    expect(measured('{ me { ... on Person { address { detail } } ... on Enterprise { legalRepresentative { address { detail } } } } }').depth).toBe(4);
  });
});

/**
 * Operations a portal sends, nested three and four levels with lists, as any federation gateway
 * answers them. Summing sibling fragments refused two of them: search (5,380) and officerQueue
 * (5,290); as the costliest type they cost 2,300 and 3,270.
 */
const PORTAL_OPERATIONS: Record<string, string> = {
  search: `query Search($text: String!) {
    search(text: $text, first: 20) {
      __typename
      ... on Node { id }
      ... on Person { name displayName enterprises { role enterprise { name creditCode } } licences(first: 10) { title number issuer { code name } } }
      ... on Enterprise { name displayName agents { role person { name mobileMasked } } licences(first: 10) { title number issuer { code name } } }
      ... on Institution { name registrationNumber departments { code name } }
      ... on Licence { title number holder { displayName } issuer { name } }
      ... on Department { code name }
      ... on Matter { code name }
    }
  }`,
  applicantHome: `query Home {
    me {
      id displayName
      ...PersonHome ...EnterpriseHome ...InstitutionHome
      licences(first: 10) { title validTo issuer { name } }
      applications(first: 5) { number status matter { name } history { at status } }
    }
  }
  fragment PersonHome on Person { name idNumberMasked address { division detail } enterprises { role enterprise { name agents { role person { name } } } } }
  fragment EnterpriseHome on Enterprise { name creditCode legalRepresentative { name } agents { role person { name mobileMasked } } }
  fragment InstitutionHome on Institution { name registrationNumber departments { code name } }`,
  reviewCase: `query Review($id: ID!) {
    node(id: $id) {
      ... on Application {
        number status
        applicant { displayName ... on Person { name idNumberMasked } ... on Enterprise { name creditCode legalRepresentative { name } } ... on Institution { name registrationNumber } }
        materials {
          requirement
          evidence {
            __typename
            ... on Licence { title number validTo holder { displayName ... on Person { name } ... on Enterprise { creditCode } } }
            ... on Document { filename size sha256 }
            ... on Photo { width height takenAt }
          }
        }
        history { at status note }
      }
    }
  }`,
  officerQueue: `query Queue {
    applications(first: 10) {
      number status
      applicant { displayName ... on Person { name } ... on Enterprise { name creditCode } ... on Institution { name } }
      materials { requirement evidence { __typename ... on Licence { title } ... on Document { filename } ... on Photo { width } } }
    }
  }`,
  node: `query Node($id: ID!) {
    node(id: $id) {
      id
      ... on Licence { title number holder { ... on Person { name enterprises { enterprise { name } } } ... on Enterprise { name agents { role } } } }
      ... on Application { number applicant { displayName } materials { evidence { ... on Document { filename } ... on Licence { title } ... on Photo { width height } } } }
      ... on Document { filename size }
    }
  }`,
};

describe('portal operations over interfaces and unions against the default limits', () => {
  it.each(Object.entries(PORTAL_OPERATIONS))('lets %s through', (_name, source) => {
    const measure = measured(source, { text: 'licence', id: '1' });
    expect(countTokens(source)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTokens);
    expect(measure.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
    expect(measure.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
    expect(measure.rootFields).toBeLessThanOrEqual(DEFAULT_LIMITS.maxRootFields);
    expect(measure.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
  });
});
