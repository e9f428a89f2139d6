import { readFileSync } from 'node:fs';
import { findBreakingChanges } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkSubgraph,
  composeCurrent,
  formatReport,
  readTrustedOperations,
  subgraphsOfSupergraph,
  type CheckReport,
  type ComposedGraph,
  type TrustedOperation,
} from '../src/governance/index.js';
import { OPERATIONS_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE } from '../src/paths.js';

/**
 * `govgraph check` against the committed graph: one small SDL change per kind of break, each
 * reported with the contract operations (schema/operations) and fields it breaks.
 */
let current: ComposedGraph;
let operations: TrustedOperation[];
const sdlOf = (name: string) => current.subgraphs.find((s) => s.name === name)!.sdl;

beforeAll(() => {
  current = composeCurrent(subgraphsOfSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'), SUBGRAPHS_DIR));
  operations = readTrustedOperations(OPERATIONS_DIR);
}, 60_000);

/** Applies one textual edit to a committed subgraph SDL (failing loudly if the text moved) and checks it. */
function check(subgraph: string, from: string, to: string): CheckReport {
  const sdl = sdlOf(subgraph);
  expect(sdl, `${subgraph}.graphql no longer contains ${JSON.stringify(from)}`).toContain(from);
  return checkSubgraph({ subgraph, sdl: sdl.replace(from, to), current, operations }).report;
}

function breakOf(report: CheckReport, kind: string, coordinate: string) {
  const found = report.breaking.find((b) => b.kind === kind && b.coordinate === coordinate);
  expect(found, `no ${kind} on ${coordinate} in:\n${formatReport(report)}`).toBeDefined();
  return found!;
}

const files = (b: { affects: Array<{ file: string }> }) => b.affects.map((a) => a.file);

describe('check: breaking changes, each with the contract operations it breaks', () => {
  it('removing Licence.validTo breaks start-form and my-home (and the graph no longer composes)', () => {
    const report = check('licences', '\n  validTo: Date @shareable', '');
    expect(report.ok).toBe(false);
    // applications @provides validTo from licences: composition says why it fails…
    expect(report.composition.errors.join('\n')).toContain('Licence.validTo');
    // …and the check still names the break and what it breaks.
    const removed = breakOf(report, 'FIELD_REMOVED', 'Licence.validTo');
    expect(removed.scope).toBe('subgraph');
    expect(files(removed)).toEqual(expect.arrayContaining(['start-form.graphql', 'my-home.graphql']));
    expect(removed.affects.find((a) => a.file === 'start-form.graphql')).toEqual({
      file: 'start-form.graphql',
      operation: 'StartForm',
      fields: ['prefill.materials.satisfiedBy.validTo'],
    });
    expect(removed.affects.find((a) => a.file === 'my-home.graphql')?.fields).toEqual(['me.licences.validTo']);
    expect(report.affectedOperations).toEqual(expect.arrayContaining(['start-form.graphql', 'my-home.graphql']));
    const text = formatReport(report);
    expect(text).toMatch(/^FAILED licences: composition failed/);
    expect(text).toContain('FIELD_REMOVED  Licence.validTo');
    expect(text).toContain('breaks start-form.graphql (StartForm): prefill.materials.satisfiedBy.validTo');
    expect(text).toContain('breaks my-home.graphql (MyHome): me.licences.validTo');
  });

  it('removing a field that composes: the graph-level diff and the operations that no longer validate', () => {
    const report = check('licences', '  holderNameMasked: String\n', '');
    const removed = breakOf(report, 'FIELD_REMOVED', 'LicenceVerification.holderNameMasked');
    expect(removed.scope).toBe('graph');
    expect(removed.affects).toEqual([{ file: 'verify-licence.graphql', operation: 'VerifyLicence', fields: ['verifyLicence.holderNameMasked'] }]);
    expect(report.operations.broken).toEqual([
      expect.objectContaining({ file: 'verify-licence.graphql', operation: 'VerifyLicence', errors: [expect.stringContaining('holderNameMasked')] }),
    ]);
  });

  it('a renamed field is told apart from a removal', () => {
    const report = check('licences', '  holderNameMasked: String\n', '  maskedHolderName: String\n');
    const renamed = breakOf(report, 'FIELD_RENAMED', 'LicenceVerification.holderNameMasked');
    expect(renamed.message).toContain('renamed to LicenceVerification.maskedHolderName');
    expect(files(renamed)).toEqual(['verify-licence.graphql']);
    expect(report.additions).toEqual([]);
  });

  it('a renamed type', () => {
    const from = 'type LicenceVerification {';
    const sdl = sdlOf('licences').replace(from, 'type LicenceCheck {').replace('verifyLicence(id: ID!): LicenceVerification!', 'verifyLicence(id: ID!): LicenceCheck!');
    const { report } = checkSubgraph({ subgraph: 'licences', sdl, current, operations });
    const renamed = breakOf(report, 'TYPE_RENAMED', 'LicenceVerification');
    expect(renamed.message).toContain('renamed to LicenceCheck');
    expect(renamed.affects).toEqual([{ file: 'verify-licence.graphql', operation: 'VerifyLicence', fields: ['verifyLicence'] }]);
  });

  it('a removed type', () => {
    const sdl = sdlOf('licences')
      .replace(/"""\nWhat anyone holding a licence identifier[\s\S]*?\n}\n/, '')
      .replace(/ {2}"""\n {2}Public: checks a licence identifier[\s\S]*?verifyLicence\(id: ID!\): LicenceVerification!\n/, '');
    expect(sdl).not.toContain('LicenceVerification');
    const { report } = checkSubgraph({ subgraph: 'licences', sdl, current, operations });
    expect(files(breakOf(report, 'TYPE_REMOVED', 'LicenceVerification'))).toEqual(['verify-licence.graphql']);
    expect(files(breakOf(report, 'FIELD_REMOVED', 'Query.verifyLicence'))).toEqual(['verify-licence.graphql']);
  });

  it('a changed field type', () => {
    const report = check('licences', '  genuine: Boolean!', '  genuine: String!');
    const changed = breakOf(report, 'FIELD_TYPE_CHANGED', 'LicenceVerification.genuine');
    expect(changed.message).toContain('from Boolean! to String!');
    expect(changed.affects).toEqual([{ file: 'verify-licence.graphql', operation: 'VerifyLicence', fields: ['verifyLicence.genuine'] }]);
  });

  it('nullability loosened on an output', () => {
    const report = check('licences', '  genuine: Boolean!', '  genuine: Boolean');
    const loosened = breakOf(report, 'FIELD_NULLABILITY_LOOSENED', 'LicenceVerification.genuine');
    expect(loosened.message).toContain('Boolean! → Boolean');
    expect(files(loosened)).toEqual(['verify-licence.graphql']);
  });

  it('a changed argument type', () => {
    const report = check('licences', 'verifyLicence(id: ID!)', 'verifyLicence(id: String!)');
    const changed = breakOf(report, 'ARG_TYPE_CHANGED', 'Query.verifyLicence(id:)');
    expect(changed.affects).toEqual([{ file: 'verify-licence.graphql', operation: 'VerifyLicence', fields: ['verifyLicence(id:)'] }]);
    expect(report.operations.broken.map((b) => b.file)).toEqual(['verify-licence.graphql']);
  });

  it('nullability tightened on an argument: every operation selecting the field', () => {
    const report = check('licences', 'licences(status: LicenceStatus)', 'licences(status: LicenceStatus!)');
    const tightened = breakOf(report, 'ARG_NULLABILITY_TIGHTENED', 'Applicant.licences(status:)');
    expect(tightened.affects).toEqual([{ file: 'my-home.graphql', operation: 'MyHome', fields: ['me.licences'] }]);
  });

  it('nullability tightened on an input field', () => {
    const report = check('licences', '  number: String\n  """Defaults to today."""', '  number: String!\n  """Defaults to today."""');
    const tightened = breakOf(report, 'INPUT_FIELD_NULLABILITY_TIGHTENED', 'IssueLicenceInput.number');
    expect(tightened.affects).toEqual([{ file: 'issue-licence.graphql', operation: 'IssueLicence', fields: ['$input'] }]);
  });

  it('a removed input field, and a required one added', () => {
    const removed = check('licences', '  """\n  The case that decided the licence; taken from the case grant when holderId is one.\n  """\n  caseId: ID\n}', '}');
    expect(files(breakOf(removed, 'INPUT_FIELD_REMOVED', 'IssueLicenceInput.caseId'))).toEqual(['issue-licence.graphql']);
    const added = check('licences', '  caseId: ID\n}', '  caseId: ID\n  reason: String!\n}');
    expect(files(breakOf(added, 'REQUIRED_INPUT_FIELD_ADDED', 'IssueLicenceInput.reason'))).toEqual(['issue-licence.graphql']);
  });

  it('a removed enum value breaks the operation that sends it', () => {
    const report = check('licences', 'enum LicenceStatus {\n  VALID\n', 'enum LicenceStatus {\n');
    const removed = breakOf(report, 'ENUM_VALUE_REMOVED', 'LicenceStatus.VALID');
    expect(removed.affects).toEqual([{ file: 'my-home.graphql', operation: 'MyHome', fields: ['me.licences(status:) = VALID'] }]);
    expect(report.operations.broken).toEqual([expect.objectContaining({ file: 'my-home.graphql', errors: [expect.stringContaining('"VALID"')] })]);
  });

  it('a removed argument, and a required argument added', () => {
    const removed = check('licences', 'licences(status: LicenceStatus): [Licence!]', 'licences: [Licence!]');
    expect(breakOf(removed, 'ARG_REMOVED', 'Applicant.licences(status:)').affects).toEqual([{ file: 'my-home.graphql', operation: 'MyHome', fields: ['me.licences(status:)'] }]);
    const required = check('licences', 'verifyLicence(id: ID!)', 'verifyLicence(id: ID!, purpose: String!)');
    expect(breakOf(required, 'REQUIRED_ARG_ADDED', 'Query.verifyLicence(purpose:)').affects).toEqual([
      { file: 'verify-licence.graphql', operation: 'VerifyLicence', fields: ['verifyLicence'] },
    ]);
  });

  it('a changed @key of an entity', () => {
    const report = check('licences', 'type Licence @key(fields: "id")', 'type Licence @key(fields: "number")');
    const changed = breakOf(report, 'KEY_CHANGED', 'Licence');
    expect(changed.message).toContain('from @key(fields: "id") to @key(fields: "number")');
    expect(files(changed)).toEqual(expect.arrayContaining(['start-form.graphql', 'my-home.graphql']));
    expect(changed.affects.find((a) => a.file === 'start-form.graphql')?.fields).toEqual(['prefill.materials.satisfiedBy … on Licence']);
  });

  it('a removed @key, and one made unresolvable', () => {
    const removed = check('catalog', 'type Matter @key(fields: "code") {', 'type Matter {');
    expect(files(breakOf(removed, 'KEY_REMOVED', 'Matter'))).toEqual(expect.arrayContaining(['start-form.graphql', 'matter-guide.graphql']));
    const unresolvable = check('catalog', 'type Matter @key(fields: "code") {', 'type Matter @key(fields: "code", resolvable: false) {');
    expect(breakOf(unresolvable, 'KEY_CHANGED', 'Matter').message).toContain('no longer resolvable');
  });

  it('reports a key written differently but equal as unchanged', () => {
    const report = check('applications', '@key(fields: "matterCode applicantId")', '@key(fields: "applicantId   matterCode")');
    expect(report.breaking).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('agrees with graphql-js: every change findBreakingChanges calls breaking is reported', () => {
    const edits: Array<[string, string, string]> = [
      ['licences', '  genuine: Boolean!', '  genuine: Boolean'],
      ['licences', 'verifyLicence(id: ID!)', 'verifyLicence(id: String!)'],
      ['licences', 'licences(status: LicenceStatus)', 'licences(status: LicenceStatus!)'],
      ['licences', 'enum LicenceStatus {\n  VALID\n', 'enum LicenceStatus {\n'],
      ['licences', '  caseId: ID\n}', '  caseId: ID\n  reason: String!\n}'],
      ['licences', '  holderNameMasked: String\n', ''],
    ];
    for (const [subgraph, from, to] of edits) {
      const { report, graph } = checkSubgraph({ subgraph, sdl: sdlOf(subgraph).replace(from, to), current, operations });
      const theirs = findBreakingChanges(current.apiSchema, graph!.apiSchema);
      expect(theirs.length, `graphql-js sees no break in ${from} → ${to}`).toBeGreaterThan(0);
      expect(report.breaking.filter((b) => b.scope === 'graph').length).toBeGreaterThanOrEqual(theirs.length);
    }
  });
});

describe('check: compatible changes pass', () => {
  it('a new optional field passes with every contract operation still valid', () => {
    const report = check('licences', '  version: Int!\n', '  version: Int!\n  remarks: String\n');
    expect(report.ok).toBe(true);
    expect(report.change).toBe('updated');
    expect(report.breaking).toEqual([]);
    expect(report.additions).toEqual([expect.objectContaining({ kind: 'FIELD_ADDED', coordinate: 'Licence.remarks' })]);
    expect(report.operations).toEqual({ checked: operations.length, broken: [] });
    expect(formatReport(report)).toMatch(/^PASSED /);
  });

  it('an added enum value is a warning, not a refusal', () => {
    const report = check('licences', 'enum LicenceStatus {\n  VALID\n', 'enum LicenceStatus {\n  VALID\n  PROVISIONAL\n');
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ kind: 'ENUM_VALUE_ADDED', coordinate: 'LicenceStatus.PROVISIONAL' })]);
  });

  it('the committed SDL is unchanged', () => {
    const { report } = checkSubgraph({ subgraph: 'identity', sdl: sdlOf('identity'), current, operations });
    expect(report).toMatchObject({ ok: true, change: 'unchanged', breaking: [], additions: [] });
  });

  it('a new subgraph extending Applicant composes', () => {
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@interfaceObject"])
type Applicant @interfaceObject @key(fields: "id") { id: ID! parkingPermits: [String!]! }`;
    const { report, graph } = checkSubgraph({ subgraph: 'parking', sdl, url: 'http://127.0.0.1:4100/graphql', current, operations });
    expect(report).toMatchObject({ ok: true, change: 'added' });
    expect(report.additions.map((a) => a.coordinate)).toEqual(expect.arrayContaining(['Applicant.parkingPermits', 'Person.parkingPermits']));
    expect(graph!.supergraphSdl).toContain('PARKING @join__graph(name: "parking", url: "http://127.0.0.1:4100/graphql")');
  });
});

describe('check: what does not compose', () => {
  it('a subgraph that claims a field another one resolves', () => {
    const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
type Query { licenceTypes: [String!]! }`;
    const { report, graph } = checkSubgraph({ subgraph: 'rogue', sdl, current, operations });
    expect(report.ok).toBe(false);
    expect(graph).toBeUndefined();
    expect(report.composition.errors.join('\n')).toContain('Query.licenceTypes');
  });

  it('SDL that does not parse, with its line', () => {
    const { report } = checkSubgraph({ subgraph: 'licences', sdl: 'type Query {\n  broken(: String\n}', current, operations });
    expect(report.composition.errors[0]).toMatch(/subgraph "licences": the SDL does not parse: .*\(line 2\)/);
  });
});

describe('check: union, interface and kind changes (a graph of two small subgraphs)', () => {
  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])';
  const base = `${link}
interface Node { id: ID! }
type Car implements Node @key(fields: "id") { id: ID! plate: String! }
type Bike implements Node @key(fields: "id") { id: ID! }
union Vehicle = Car | Bike
type Query { vehicles: [Vehicle!]! node(id: ID!): Node }`;
  const other = `${link}\ntype Car @key(fields: "id") { id: ID! colour: String }`;
  let small: ComposedGraph;
  const ops: TrustedOperation[] = [
    { file: 'garage.graphql', source: 'query Garage { vehicles { __typename ... on Car { plate colour } ... on Bike { id } } }' },
    { file: 'node.graphql', source: 'query Node($id: ID!) { node(id: $id) { id ... on Car { plate } } }' },
  ];
  beforeAll(() => {
    small = composeCurrent([
      { name: 'fleet', url: 'http://127.0.0.1:1/graphql', sdl: base },
      { name: 'paint', url: 'http://127.0.0.1:2/graphql', sdl: other },
    ]);
  });
  const run = (sdl: string) => checkSubgraph({ subgraph: 'fleet', sdl, current: small, operations: ops }).report;

  it('a member removed from a union breaks the operation that spreads it there', () => {
    const report = run(base.replace('union Vehicle = Car | Bike', 'union Vehicle = Car'));
    const removed = breakOf(report, 'UNION_MEMBER_REMOVED', 'Vehicle');
    expect(removed.affects).toEqual([{ file: 'garage.graphql', operation: 'Garage', fields: ['vehicles', 'vehicles … on Bike'] }]);
    expect(report.operations.broken.map((b) => b.file)).toEqual(['garage.graphql']);
  });

  it('an interface no longer implemented', () => {
    const report = run(base.replace('type Car implements Node @key', 'type Car @key'));
    expect(files(breakOf(report, 'INTERFACE_REMOVED', 'Car'))).toEqual(['node.graphql']);
  });

  it('a type that changes kind', () => {
    const report = run(base.replace('interface Node { id: ID! }', 'type Node { id: ID! }').replace(/ implements Node/g, ''));
    expect(files(breakOf(report, 'TYPE_CHANGED_KIND', 'Node'))).toEqual(['node.graphql']);
  });

  it('agrees with graphql-js on the small graph too', () => {
    const sdl = base.replace('union Vehicle = Car | Bike', 'union Vehicle = Car');
    const { graph } = checkSubgraph({ subgraph: 'fleet', sdl, current: small, operations: ops });
    const ours = run(sdl).breaking.filter((b) => b.scope === 'graph');
    expect(ours.length).toBeGreaterThanOrEqual(findBreakingChanges(small.apiSchema, graph!.apiSchema).length);
  });
});

describe('contract operations are never skipped', () => {
  it('fails, naming the operation, when the committed graph was already composed with the breaking change', () => {
    // `npm run compose` first (it rewrites schema/subgraphs and the supergraph), then `check`: the
    // graph checked against already lacks Matter.legalBasis, which MatterGuide asks for.
    const edited = sdlOf('catalog').replace(/\n\s*legalBasis: String!/, '');
    expect(edited).not.toContain('legalBasis');
    const alreadyComposed = composeCurrent(current.subgraphs.map((s) => (s.name === 'catalog' ? { ...s, sdl: edited } : s)));
    const { report } = checkSubgraph({ subgraph: 'catalog', sdl: edited, current: alreadyComposed, operations });
    expect(report.ok).toBe(false);
    expect(report.operations.broken).toEqual([
      expect.objectContaining({ file: 'matter-guide.graphql', operation: 'MatterGuide', alreadyInvalid: true, errors: [expect.stringContaining('legalBasis')] }),
    ]);
    const text = formatReport(report);
    expect(text).toMatch(/^FAILED catalog/);
    expect(text).toContain('matter-guide.graphql (MatterGuide) — already invalid before this change');
  });

  it('reports a contract operation that does not parse', () => {
    const unparsable = [...operations, { ...operations[0]!, file: 'broken.graphql', source: 'query Broken { matters(' }];
    const { report } = checkSubgraph({ subgraph: 'catalog', sdl: sdlOf('catalog'), current, operations: unparsable });
    expect(report.ok).toBe(false);
    expect(report.operations.broken).toEqual([expect.objectContaining({ file: 'broken.graphql', alreadyInvalid: true })]);
  });
});
