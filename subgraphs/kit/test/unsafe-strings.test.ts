import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../src/create-subgraph.js';
import { findUnsafeString, stringProblem } from '../src/input-strings/unsafe-string.js';
import { signRequest } from '../src/trust/index.js';
import { startBareSubgraph, testParties } from '../src/testing/index.js';

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

describe('stringProblem', () => {
  it('refuses NUL and unpaired surrogates, accepts every real character', () => {
    expect(stringProblem(`a${NUL}b`)).toMatch(/NUL/);
    expect(stringProblem(LONE_HIGH)).toMatch(/unpaired/);
    expect(stringProblem(`x${LONE_LOW}`)).toMatch(/unpaired/);
    expect(stringProblem(`${LONE_LOW}${LONE_HIGH}`)).toMatch(/unpaired/); // reversed pair
    for (const fine of ['', '张三', '𠀀', '\ud800\udc00', '\u0001\u2028\ufeff', 'A\u0301']) expect(stringProblem(fine)).toBeNull();
  });
});

/** The answer with and without the query text (its fast path for clean requests), which must agree. */
function find(query: string, variables: Record<string, unknown>) {
  const walked = findUnsafeString(parse(query), variables);
  expect(findUnsafeString(parse(query), variables, query)).toEqual(walked);
  return walked;
}

describe('findUnsafeString', () => {
  it('names the argument of a literal, nested in input objects and lists', () => {
    expect(find(`{ search(text: "a\\u0000") { id } }`, {})).toEqual({ path: 'text', problem: expect.stringMatching(/NUL/) });
    expect(find(`mutation { submit(input: { fields: [{ key: "a", value: "ok" }, { key: "b", value: "x\\u0000" }] }) }`, {})?.path).toBe('input.fields[1].value');
    expect(find(`{ a @include(if: true) { b(x: "fine") @skip(if: false) } }`, {})).toBeNull();
  });

  it('names the argument a variable is used in, down to the nested field', () => {
    const document = `mutation($input: AgentInput!, $name: String) { authorise(input: $input) { id } other(input: { name: $name }) }`;
    expect(find(document, { input: { idNumber: '1', name: `王${NUL}` }, name: 'ok' })?.path).toBe('input.name');
    expect(find(document, { input: { idNumber: '1' }, name: LONE_HIGH })?.path).toBe('input.name');
    expect(find(document, { input: { tags: ['a', LONE_LOW] } })?.path).toBe('input.tags[1]');
    expect(find(document, { input: { idNumber: '1', name: '王五' }, name: '𠀀' })).toBeNull();
  });

  it('finds escaped NULs in the query text, with the query text given', () => {
    expect(find(`{ search(text: "ok", other: "\\u0000") { id } }`, {})?.path).toBe('other');
    expect(find(`{ search(text: "\\u{0}") { id } }`, {})?.problem).toMatch(/NUL/);
    expect(find(`{ search(text: "\\u4e2d \\ud83d\\ude00") { id } }`, {})).toBeNull();
    expect(find(`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [{ __typename: 'Person', id: 'P-1' }] })).toBeNull();
  });

  it('checks variables no argument uses, and object keys, and survives deep nesting', () => {
    expect(find(`{ a }`, { unused: [`x${NUL}`] })?.path).toBe('$unused[0]');
    expect(find(`query($v: JSON) { a(v: $v) }`, { v: { [`k${NUL}`]: 1 } })).toEqual({ path: 'v', problem: expect.stringMatching(/key/) });
    let deep: unknown = `x${NUL}`;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(find(`query($v: JSON) { a(v: $v) }`, { v: deep })?.problem).toMatch(/NUL/);
  });
});

describe('every subgraph refuses them before a resolver runs', () => {
  const parties = testParties(['gateway', 'catalog']);
  const Note = new GraphQLInputObjectType({ name: 'NoteInput', fields: { title: { type: GraphQLString }, tags: { type: new GraphQLList(GraphQLString) } } });
  let resolved = 0;
  const echo = () => {
    resolved += 1;
    return 'stored';
  };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { search: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: echo } } }),
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: { note: { type: GraphQLString, args: { input: { type: new GraphQLNonNull(Note) } }, resolve: echo } } }),
  });
  let running: RunningSubgraph;
  beforeAll(async () => {
    running = await startBareSubgraph(schema, parties.catalog.trust);
  });
  afterAll(async () => running?.close());

  const post = async (query: string, variables: Record<string, unknown>) => {
    const body = JSON.stringify({ query, variables });
    const headers = signRequest(parties.gateway.keys, { audience: 'catalog', requestId: `r-${Math.random()}`, claims: null, body });
    const response = await fetch(running.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
  };

  it('answers 400 BAD_USER_INPUT naming the argument, for variables and literals, and resolves nothing', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['query($t: String) { search(text: $t) }', { t: `a${NUL}b` }, 'text'],
      ['query($t: String) { search(text: $t) }', { t: LONE_HIGH }, 'text'],
      ['{ search(text: "a\\u0000") }', {}, 'text'],
      ['mutation($n: NoteInput!) { note(input: $n) }', { n: { title: 'ok', tags: ['x', `y${NUL}`] } }, 'input.tags[1]'],
      ['mutation($t: String) { note(input: { title: $t }) }', { t: LONE_LOW }, 'input.title'],
    ];
    for (const [query, variables, field] of cases) {
      const answer = await post(query, variables);
      expect(answer.status, query).toBe(400);
      expect(answer.body.data, query).toBeUndefined();
      expect(answer.body.errors?.[0]?.extensions, query).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(answer.body.errors?.[0]?.message, query).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')} contains`));
    }
    expect(resolved).toBe(0);
    const fine = await post('query($t: String) { search(text: $t) }', { t: '驾驶证 𠀀' });
    expect(fine).toMatchObject({ status: 200, body: { data: { search: 'stored' } } });
  });
});
