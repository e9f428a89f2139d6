import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeOn } from './helpers/library-subgraphs.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

/**
 * Issue 18's silent wrong answer: two aliases of one entity with different nested selections.
 * `roots` serves E, `links` gives every E its P, `values` resolves P's fields. The plan asks links
 * for `a.p` and `b.p` with the same selection (one group of a batch, one representation when
 * deduped) and values for `a.p { x: f1 }` and `b.p { x: f2 }`: if a and b were handed the same
 * P object, the second merge would overwrite the first and `a.p.x` would read f2's value.
 */
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const ROOTS = `${LINK} type Query { e(id: ID!): E es: [E] } type E @key(fields: "id") { id: ID! }`;
const LINKS = `${LINK} type E @key(fields: "id") { id: ID! p: P } type P @key(fields: "id") { id: ID! }`;
const VALUES = `${LINK} type P @key(fields: "id") { id: ID! f1: String f2: String f(arg: String): String }`;

const roots = buildSubgraphSchema({ typeDefs: parse(ROOTS), resolvers: { Query: { e: (_: unknown, { id }: { id: string }) => ({ id }), es: () => [{ id: '1' }, { id: '1' }] } } });
const links = buildSubgraphSchema({
  typeDefs: parse(LINKS),
  resolvers: { E: { __resolveReference: ({ id }: { id: string }) => ({ id }), p: ({ id }: { id: string }) => ({ id: `p${id}` }) } },
});
const values = buildSubgraphSchema({
  typeDefs: parse(VALUES),
  resolvers: {
    P: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      f1: () => 'value of f1',
      f2: () => 'value of f2',
      f: (_: unknown, { arg }: { arg: string }) => `f(${arg})`,
    },
  },
});

const QUERIES = {
  'aliases with different nested fields': ['{ a: e(id: "1") { p { x: f1 } } b: e(id: "1") { p { x: f2 } } }', { a: { p: { x: 'value of f1' } }, b: { p: { x: 'value of f2' } } }],
  'aliases with different arguments': ['{ a: e(id: "1") { p { x: f(arg: "A") } } b: e(id: "1") { p { x: f(arg: "B") } } }', { a: { p: { x: 'f(A)' } }, b: { p: { x: 'f(B)' } } }],
  'one list holding the same entity twice': [
    '{ es { id p { f1 } } a: e(id: "1") { p { f1: f2 } } }',
    {
      es: [
        { id: '1', p: { f1: 'value of f1' } },
        { id: '1', p: { f1: 'value of f1' } },
      ],
      a: { p: { f1: 'value of f2' } },
    },
  ],
} as const;

describe('every fetch of a batch works on its own entities', () => {
  const closers: Array<() => Promise<void>> = [];
  const gateways: Record<string, Awaited<ReturnType<typeof startGateway>>> = {};

  beforeAll(async () => {
    const servers = {
      roots: await startFakeSubgraph('roots', async (request) => ({ body: await executeOn(roots, request) })),
      links: await startFakeSubgraph('links', async (request) => ({ body: await executeOn(links, request) })),
      values: await startFakeSubgraph('values', async (request) => ({ body: await executeOn(values, request) })),
    };
    closers.push(...Object.values(servers).map((s) => s.close));
    const { supergraphSdl, errors } = composeServices(
      Object.entries({ roots: ROOTS, links: LINKS, values: VALUES }).map(([name, sdl]) => ({
        name,
        typeDefs: parse(sdl),
        url: `${servers[name as keyof typeof servers].url}/graphql`,
      })),
    );
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('\n'));
    const path = join(mkdtempSync(join(tmpdir(), 'govgraph-shared-')), 'supergraph.graphql');
    writeFileSync(path, supergraphSdl!);
    for (const executor of ['govgraph', 'apollo']) {
      for (const batching of ['on', 'off']) {
        const gateway = await startGateway({ SUPERGRAPH_PATH: path, GATEWAY_EXECUTOR: executor, GATEWAY_BATCH_ENTITY_FETCHES: batching });
        gateways[`${executor} executor, batching ${batching}`] = gateway;
        closers.push(gateway.close);
      }
    }
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  for (const [name, [query, expected]] of Object.entries(QUERIES)) {
    it(`answers right under every switch: ${name}`, async () => {
      for (const [switches, gateway] of Object.entries(gateways)) {
        const answer = await postGraphQL(gateway, { query });
        expect(answer.body, `${switches}: ${query}`).toEqual({ data: expected });
      }
    });
  }
});
