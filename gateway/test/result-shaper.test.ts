import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph, type Operation } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { stockResultShaping } from '../src/engine/execute/apollo-internals.js';
import { createResultShaper, type ShapeArguments } from '../src/engine/execute/result-shaper.js';

/** Interfaces, unions, enums, non-null lists and nullable ones: every branch of result shaping. */
const SUBGRAPH = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { shelf: [Item!]! featured: Item first: Book! library: Library counts: [[Int!]] }
  interface Item { id: ID! title: String! }
  type Book implements Item @key(fields: "id") { id: ID! title: String! pages: Int status: Status! tags: [String!] }
  type Film implements Item @key(fields: "id") { id: ID! title: String! minutes: Float }
  union Media = Book | Film
  type Library { media: [Media] name: String! rating: Float }
  enum Status { OPEN CLOSED }
`;

const QUERY = `
  query Shaped($withPages: Boolean!, $skipTags: Boolean = false) {
    shelf { __typename id title ... on Book { pages @include(if: $withPages) status tags @skip(if: $skipTags) } ... on Film { minutes } }
    featured { kind: __typename ...ItemBits ... on Book { status } }
    first { id title status }
    again: first { title pages }
    library { name rating media { __typename ... on Book { id title } ... on Film { id minutes } } }
    counts
    __typename
    __schema { queryType { name } }
  }
  fragment ItemBits on Item { id title }
`;

/** What the subgraphs would have sent, with the extra fields a plan fetches (keys) and no ordering. */
function validInput(): Record<string, any> {
  return {
    shelf: [
      { __typename: 'Book', id: 'b1', title: 'Dubliners', pages: 152, status: 'OPEN', tags: ['short', 'stories'] },
      { __typename: 'Film', minutes: 91.5, id: 'f1', title: 'Metropolis' },
      { __typename: 'Book', id: 'b2', title: 'Ulysses', pages: 730, status: 'CLOSED', tags: null },
    ],
    featured: { __typename: 'Film', id: 'f1', title: 'Metropolis', minutes: 91.5 },
    first: { __typename: 'Book', id: 'b1', title: 'Dubliners', status: 'OPEN', pages: 152 },
    again: { __typename: 'Book', title: 'Dubliners', pages: 152 },
    library: { name: 'City', rating: 4.5, media: [{ __typename: 'Book', id: 'b1', title: 'Dubliners' }, null, { __typename: 'Film', id: 'f1', minutes: 91.5 }] },
    counts: [[1, 2], null, [3]],
  };
}

/** A seeded generator, so a failure names the case that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const BAD_VALUES: unknown[] = [
  null,
  undefined,
  'x',
  7,
  1.5,
  true,
  {},
  [],
  'Nope',
  'Book',
  'Film',
  'Library',
  'Item',
  'Media',
  'Status',
  'String',
  'Query',
  'WRONG',
  'CLOSED',
  [null],
];

/** Every place in the input a subgraph could have put something else. */
function places(value: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...at, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    places(child, path, out);
  }
  return out;
}

function mutate(input: Record<string, any>, next: () => number, count: number): Record<string, any> {
  for (let i = 0; i < count; i++) {
    const all = places(input);
    const path = all[Math.floor(next() * all.length)]!;
    let parent: any = input;
    for (const step of path.slice(0, -1)) parent = parent[step];
    const last = path[path.length - 1]!;
    const bad = BAD_VALUES[Math.floor(next() * BAD_VALUES.length)];
    if (bad === undefined && !Array.isArray(parent)) delete parent[last];
    else parent[last] = structuredClone(bad) ?? null;
  }
  return input;
}

/** Data, errors (message, path, code) or the error thrown: everything a client could see. */
function outcome(
  shape: (args: ShapeArguments) => { data: unknown; errors: Array<{ message: string; path?: unknown; extensions?: Record<string, unknown> }> },
  args: ShapeArguments,
): string {
  try {
    const { data, errors } = shape(args);
    return JSON.stringify({ data, errors: errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })) });
  } catch (error) {
    return JSON.stringify({ thrown: (error as Error).message });
  }
}

describe('compiled result shaping', () => {
  const { supergraphSdl, errors } = composeServices([{ name: 'library', typeDefs: parse(SUBGRAPH), url: 'http://127.0.0.1:1/graphql' }]);
  expect(errors ?? []).toEqual([]);
  const apiSchema = Supergraph.build(supergraphSdl!).apiSchema();
  const operation: Operation = operationFromDocument(apiSchema, parse(QUERY), { validate: true });
  const shaper = createResultShaper(operation);
  const stock = stockResultShaping();
  const introspectionHandling = () => ({ queryType: { name: 'Query' } });

  it('keeps aliases named __proto__ and constructor as keys of the answer, as @apollo/gateway does', () => {
    const aliased = operationFromDocument(apiSchema, parse('{ __proto__: first { constructor: title toString: id } hasOwnProperty: featured { id } }'), { validate: true });
    const input = JSON.parse('{"__proto__":{"constructor":"Dune","toString":"b1"},"hasOwnProperty":{"__typename":"Book","id":"b1"}}');
    const args = { operation: aliased, variables: {}, input, introspectionHandling };
    const ours = outcome(createResultShaper(aliased), args);
    expect(ours).toBe(outcome(stock, args));
    expect(JSON.parse(ours)).toEqual({ data: JSON.parse('{"__proto__":{"constructor":"Dune","toString":"b1"},"hasOwnProperty":{"id":"b1"}}'), errors: [] });
  });

  it('answers a well-formed result exactly as @apollo/gateway does, in the operation order', () => {
    const args = { operation, variables: { withPages: true }, input: validInput(), introspectionHandling };
    const ours = outcome(shaper, args);
    expect(ours).toBe(outcome(stock, args));
    const { data } = JSON.parse(ours) as { data: Record<string, any> };
    expect(Object.keys(data)).toEqual(['shelf', 'featured', 'first', 'again', 'library', 'counts', '__typename', '__schema']);
    expect(data.shelf[1]).toEqual({ __typename: 'Film', id: 'f1', title: 'Metropolis', minutes: 91.5 });
    expect(data.featured).toEqual({ kind: 'Film', id: 'f1', title: 'Metropolis' });
    expect(data.__typename).toBe('Query');
  });

  it('applies @skip and @include from variables and their defaults', () => {
    for (const variables of [{ withPages: false }, { withPages: true, skipTags: true }, { withPages: false, skipTags: false }]) {
      const args = { operation, variables, input: validInput(), introspectionHandling };
      expect(outcome(shaper, args)).toBe(outcome(stock, args));
    }
  });

  it('matches @apollo/gateway on 3,000 damaged results: nulls bubbled, bad values, unknown and wrong __typename, lists for objects', () => {
    let differing = 0;
    let withErrors = 0;
    for (let seed = 1; seed <= 3_000; seed++) {
      const next = random(seed);
      const input = mutate(validInput(), next, 1 + Math.floor(next() * 4));
      const args = { operation, variables: { withPages: next() < 0.5 }, input, introspectionHandling };
      const ours = outcome(shaper, args);
      const theirs = outcome(stock, { ...args, input: structuredClone(input) });
      if (ours !== theirs) {
        differing++;
        if (differing === 1) expect({ seed, ours }).toEqual({ seed, ours: theirs });
      }
      if (ours.includes('"errors":[{') || ours.includes('thrown')) withErrors++;
    }
    expect(differing).toBe(0);
    // The damage reached the interesting branches, not only harmless places.
    expect(withErrors).toBeGreaterThan(1_000);
  });
});
