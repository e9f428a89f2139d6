import type { GraphQLSchema } from 'graphql';
import { apiSchema } from './api-schema.js';
import { contractOperations, type ContractOperation } from './contract-examples.js';
import { deeplyNested, fragmentBomb, manyAliases, mutateDocumentText } from './document-mutations.js';
import { hostileString, hostileValue, mutateValue } from './hostile-values.js';
import { BAD_TOKENS, ROLES, SIGNATURES, SUBGRAPH_NAMES, type Auth, type HostileInput, type Role } from './hostile-input.js';
import { randomSource, type RandomSource } from './random-source.js';
import { schemaDocument } from './schema-documents.js';

type Maker = (random: RandomSource, context: GeneratorContext) => Omit<HostileInput, 'index' | 'kind'>;
interface GeneratorContext {
  operations: ContractOperation[];
  schema: GraphQLSchema;
}

const json = (value: unknown) => JSON.stringify(value);
const graphql = (body: string, auth: Auth, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  ({ target: 'gateway', method: 'POST', path: '/graphql', headers, body, auth }) as const;
const someRole = (random: RandomSource): Role => random.pick(ROLES);
const anyAuth = (random: RandomSource): Auth => (random.chance(0.8) ? someRole(random) : random.pick(BAD_TOKENS));

/** Each generator with its weight: how often it is drawn. */
const MAKERS: Array<[kind: string, weight: number, make: Maker]> = [
  [
    'mutated-document',
    20,
    (random, { operations }) => {
      const operation = random.pick(operations);
      let document = operation.document;
      for (let edits = random.int(1, 4); edits > 0; edits--) document = mutateDocumentText(random, document);
      return graphql(json({ query: document, variables: random.chance(0.7) ? operation.variables : hostileValue(random) }), anyAuth(random));
    },
  ],
  [
    'bad-variables',
    20,
    (random, { operations }) => {
      const operation = random.pick(operations);
      const variables = mutateValue(random, operation.variables);
      return graphql(json({ query: operation.document, variables, operationName: random.chance(0.9) ? undefined : hostileValue(random) }), anyAuth(random));
    },
  ],
  [
    'schema-document',
    15,
    (random, { schema }) => {
      const { document, variables } = schemaDocument(random, schema);
      return graphql(json({ query: document, variables }), anyAuth(random));
    },
  ],
  [
    'bad-body',
    8,
    (random, { operations }) => {
      const document = random.pick(operations).document;
      const bodies = [
        '',
        '{',
        '{"query": ',
        'null',
        '[]',
        '[[]]',
        '"query"',
        '42',
        'true',
        '{"query": null}',
        '{"query": 42}',
        '{"query": ["{ __typename }"]}',
        '{"query": {"kind": "Document"}}',
        '{"variables": {}}',
        json({ query: document, variables: '{"a": 1}' }),
        json({ query: document, variables: [1, 2] }),
        json({ query: document, extensions: { persistedQuery: { version: 1, sha256Hash: 'x'.repeat(64) } } }),
        json({ query: document, extensions: { persistedQuery: { version: 2, sha256Hash: 42 } } }),
        json({ extensions: { persistedQuery: null } }),
        json({ documentId: hostileString(random, 100) }),
        json({ query: document, operationName: 'NoSuchOperation' }),
        `{"query": "{ __typename }", "__proto__": {"polluted": true}}`,
        `{"query": "{ __typename }", "constructor": {"prototype": {"x": 1}}}`,
        '\u0000\u0001\u0002',
        '\ufeff{"query": "{ __typename }"}',
        `{"query": "${'\\u0000'.repeat(100)}"}`,
        `${'['.repeat(100_000)}`,
        `{"query": "{ __typename }", "variables": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
        Buffer.from(json({ query: document })).toString('base64'),
      ];
      const contentType = random.pick([
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/graphql',
        'application/json; charset=utf-16',
        '',
        'application/graphql-response+json',
      ]);
      return graphql(random.pick(bodies), anyAuth(random), contentType ? { 'content-type': contentType } : {});
    },
  ],
  [
    'bad-method',
    4,
    (random, { operations }) => {
      const operation = random.pick(operations);
      const method = random.pick(['GET', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
      const query = new URLSearchParams({ query: operation.document, variables: random.chance(0.5) ? json(operation.variables) : hostileString(random, 500) });
      if (random.chance(0.3)) query.set('extensions', hostileString(random, 200));
      return {
        target: 'gateway',
        method,
        path: `/graphql?${query}`,
        headers: { 'apollo-require-preflight': 'true', accept: random.pick(['application/json', 'text/html', '*/*']) },
        auth: anyAuth(random),
      };
    },
  ],
  [
    'bad-headers',
    7,
    (random, { operations }) => {
      const operation = random.pick(operations);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const authorization = random.pick([
        'Bearer',
        'Bearer ',
        'bearer x',
        'Basic emhhbmdzYW46ZGVtbw==',
        'Bearer a.b.c',
        'Bearer ..',
        'Bearer eyJhbGciOiJub25lIn0.e30.',
        `Bearer ${'x'.repeat(random.pick([1_000, 8_000, 20_000]))}`,
        'Bearer \xff\xfe',
        'Token abc',
        'Bearer a b c',
        'Bearer null',
        'Bearer undefined',
        'Digest username="zhangsan"',
        '',
        ' ',
      ]);
      headers.authorization = authorization;
      if (random.chance(0.3)) headers['x-request-id'] = random.pick(['', 'x'.repeat(10_000), '../../etc', '\xff', 'a b']);
      if (random.chance(0.2)) headers['x-forwarded-for'] = random.pick(['1.2.3.4', 'not-an-ip', '1.1.1.1, 2.2.2.2', 'x'.repeat(5000)]);
      if (random.chance(0.2)) for (let i = 0; i < random.pick([50, 500]); i++) headers[`x-filler-${i}`] = 'y'.repeat(random.int(1, 100));
      if (random.chance(0.1)) headers['content-length'] = random.pick(['-1', 'abc', '99999999999']);
      return { ...graphql(json({ query: operation.document, variables: operation.variables }), 'anonymous', headers) };
    },
  ],
  [
    'oversized',
    8,
    (random) => {
      const choice = random.int(0, 5);
      if (choice === 0) return graphql(json({ query: deeplyNested(random) }), anyAuth(random));
      if (choice === 1) return graphql(json({ query: manyAliases(random) }), anyAuth(random));
      if (choice === 2) return graphql(json({ query: '{ __typename }', variables: { pad: 'x'.repeat(random.pick([1024 * 1024, 2 * 1024 * 1024])) } }), anyAuth(random));
      if (choice === 3)
        return graphql(json({ query: `{ ${Array.from({ length: random.pick([11, 200]) }, (_, i) => `r${i}: departments { code }`).join(' ')} }` }), anyAuth(random));
      if (choice === 5) return graphql(json({ query: fragmentBomb(random) }), anyAuth(random));
      const levels = random.pick([3, 4, 6]);
      return graphql(json({ query: `{ division { ${'children { '.repeat(levels)}code name${' }'.repeat(levels)} } }` }), anyAuth(random));
    },
  ],
  [
    'batch',
    4,
    (random, { operations }) => {
      const size = random.pick([0, 2, 10, 1000]);
      const batch = Array.from({ length: size }, () => {
        const operation = random.pick(operations);
        return random.chance(0.8) ? { query: operation.document, variables: operation.variables } : hostileValue(random);
      });
      return graphql(json(batch), anyAuth(random));
    },
  ],
  [
    'bad-token',
    6,
    (random, { operations }) => {
      const operation = random.pick(operations.filter((o) => !o.file.startsWith('login')));
      return graphql(json({ query: operation.document, variables: operation.variables }), random.pick(BAD_TOKENS));
    },
  ],
  [
    'subgraph',
    12,
    (random, { operations, schema }) => {
      const target = random.pick(SUBGRAPH_NAMES);
      const role = someRole(random);
      const documents = [
        () => ({
          query:
            'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Person { name idNumberMasked mobileMasked address { detail } dataAccessLog { totalCount } } ... on Applicant { id } ... on Enterprise { name agents { role } } ... on Licence { number } ... on Application { number } ... on Document { filename } } }',
          variables: { r: representations(random) },
        }),
        () => ({ query: '{ _service { sdl } }' }),
        () => ({ query: random.pick(operations).document, variables: random.pick(operations).variables }),
        () => schemaDocument(random, schema),
        () => ({ query: mutateDocumentText(random, random.pick(operations).document) }),
      ];
      const picked: { query?: string; document?: string; variables?: unknown } = random.pick(documents)();
      const body = json({ query: picked.query ?? picked.document, variables: picked.variables });
      return { target, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body, auth: role, signature: random.pick(SIGNATURES) };
    },
  ],
  [
    'documents',
    4,
    (random) => {
      if (random.chance(0.4)) {
        const id = random.pick(['D-0000000000000000', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(500), '', 'D-matrix0000000001/extra', '%E9%A9%BE', '..', '.']);
        return { target: 'gateway', method: 'GET', path: `/documents/${id}`, headers: {} as Record<string, string>, auth: anyAuth(random) };
      }
      const filename = random.pick(['photo.png', '../../etc/passwd', 'a\\b.png', 'x'.repeat(1000) + '.png', '%00.png', '驾驶证.pdf', '', '.png', 'photo.exe']);
      const bytes = random.pick([
        '',
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
        Buffer.from('MZ\x90\x00 not really a picture').toString('base64'),
        Buffer.from('%PDF-1.4\n%%EOF').toString('base64'),
        Buffer.from('x'.repeat(random.pick([10, 100_000]))).toString('base64'),
      ]);
      const query = filename === '' ? '' : `?filename=${encodeURIComponent(filename)}`;
      return {
        target: 'gateway',
        method: 'POST',
        path: `/documents${query}`,
        headers: { 'content-type': random.pick(['image/png', 'application/pdf', 'application/octet-stream', 'text/html']) },
        bodyBase64: bytes,
        auth: anyAuth(random),
      };
    },
  ],
];

/** Representations a query plan would never send: wrong types, missing keys, other people's ids. */
function representations(random: RandomSource): unknown {
  if (random.chance(0.2)) return hostileValue(random);
  return Array.from({ length: random.pick([1, 2, 5, 200]) }, () => ({
    __typename: random.pick(['Person', 'Applicant', 'Enterprise', 'Licence', 'Application', 'Document', 'Prefill', 'Matter', 'NoSuchType', '__Schema', 42]),
    id: random.chance(0.6) ? random.pick(['P-000001', 'P-000002', 'P-000003', 'E-000001', 'AP-2026-00000001', 'D-0000000000000000', 'P-001001']) : hostileValue(random),
    ...(random.chance(0.2) ? { code: hostileString(random, 100), applicantId: 'P-000001', matterCode: 'JJ-0101' } : {}),
  }));
}

const TOTAL_WEIGHT = MAKERS.reduce((sum, [, weight]) => sum + weight, 0);

/**
 * `count` hostile inputs from `seed`, made one at a time (a long run never holds them all). Input
 * i depends only on the seed and i, so a failure is reproduced by its seed and index alone.
 */
export function* hostileInputs(seed: number, count: number, first = 0): Generator<HostileInput> {
  const context: GeneratorContext = { operations: contractOperations(), schema: apiSchema() };
  for (let index = first; index < first + count; index++) {
    const random = randomSource((seed * 1_000_003 + index) >>> 0);
    let roll = random.next() * TOTAL_WEIGHT;
    const [kind, , make] = MAKERS.find(([, weight]) => (roll -= weight) < 0) ?? MAKERS[0]!;
    yield { index, kind, ...make(random, context) };
  }
}

export const INPUT_KINDS = MAKERS.map(([kind]) => kind);
