import { GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../src/create-subgraph.js';
import { createErrorFormatter } from '../src/format-error.js';
import { createDirectExecution, type RequestCheck } from '../src/graphql/direct-execution.js';
import { createLogger } from '../src/logger.js';
import { startBareSubgraph, testParties } from '../src/testing/index.js';
import { signRequest } from '../src/trust/index.js';

/**
 * The direct path (graphql/direct-execution.ts) must answer exactly as Apollo Server does: every
 * request below goes to two subgraphs of one schema, one on each pipeline, and the status, the
 * content type and the JSON text must be the same.
 */
let mutations = 0;
const Item = new GraphQLObjectType({
  name: 'Item',
  fields: { id: { type: new GraphQLNonNull(GraphQLString) }, broken: { type: new GraphQLNonNull(GraphQLString), resolve: () => null } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: { type: GraphQLString, args: { name: { type: GraphQLString } }, resolve: (_s, { name }) => `你好 ${name ?? '世界'}` },
      count: { type: GraphQLInt, args: { n: { type: new GraphQLNonNull(GraphQLInt) } }, resolve: (_s, { n }) => n * 2 },
      items: { type: new GraphQLList(Item), resolve: () => [{ id: 'A' }, { id: 'B' }] },
      forbidden: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('Not yours', { extensions: { code: 'FORBIDDEN' } });
        },
      },
      bug: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('a bug with a secret in it');
        },
      },
      teapot: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('Short and stout', { extensions: { code: 'BAD_REQUEST', http: { status: 418 } } });
        },
      },
      required: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: () => {
          throw new GraphQLError('Gone', { extensions: { code: 'NOT_FOUND' } });
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      bump: {
        type: GraphQLInt,
        resolve: () => {
          mutations += 1;
          return 1;
        },
      },
    },
  }),
});

/** Refuses whoever asks `hello(name: "refused")`, as identity refuses an ended authorisation: HTTP 200. */
let checksRun = 0;
const refuseNamed: RequestCheck<unknown> = ({ variables, operation }) => {
  checksRun += 1;
  const literal = JSON.stringify(operation).includes('"refused"');
  if (variables.name === 'refused' || literal) throw new GraphQLError('Refused by the department', { extensions: { code: 'FORBIDDEN', http: { status: 200 } } });
};

const ORDINARY: Array<Record<string, unknown>> = [
  { query: '{ hello }' },
  { query: 'query Greet($name: String) { hello(name: $name) }', variables: { name: '张三' }, operationName: 'Greet' },
  { query: 'query A { hello } query B { count(n: 21) }', operationName: 'B' },
  { query: 'query($n: Int!) { count(n: $n) }', variables: { n: 4 } },
  { query: '{ items { id } __typename }', variables: null, operationName: null },
  { query: '{ hello forbidden }' },
  { query: '{ bug hello }' },
  { query: '{ teapot }' },
  { query: '{ required hello }' },
  { query: '{ items { id broken } }' },
  { query: 'mutation { bump }' },
];

const FALLBACK: Array<unknown> = [
  { query: '{ hello(' },
  { query: '{ nothing }' },
  { query: 'query A { hello } query B { hello }' },
  { query: '{ hello }', operationName: 'Missing' },
  { query: 'query($n: Int!) { count(n: $n) }', variables: { n: 'four' } },
  { query: 'query($n: Int!) { count(n: $n) }' },
  { query: 'subscription { hello }' },
  { query: '{ __schema { queryType { name } } }' },
  { query: '{ hello }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } },
  { query: '{ hello }', variables: '{"name":"x"}' },
  { query: '{ hello }', operationName: 7 },
  { query: 'query($t: String) { hello(name: $t) }', variables: { t: 'a\u0000' } },
  { query: 'query($name: String) { hello(name: $name) }', variables: { name: 'refused' } },
  { query: '{ hello(name: "refused") }' },
  [{ query: '{ hello }' }],
  { variables: {} },
];

describe('the direct path answers as Apollo Server does', () => {
  const parties = testParties(['gateway', 'catalog']);
  let direct: RunningSubgraph;
  let apollo: RunningSubgraph;
  beforeAll(async () => {
    direct = await startBareSubgraph(schema, parties.catalog.trust, { pipeline: 'direct', requestChecks: [refuseNamed] });
    apollo = await startBareSubgraph(schema, parties.catalog.trust, { pipeline: 'apollo', requestChecks: [refuseNamed] });
  });
  afterAll(async () => {
    await direct?.close();
    await apollo?.close();
  });

  const post = async (running: RunningSubgraph, payload: unknown) => {
    const body = JSON.stringify(payload);
    const headers = signRequest(parties.gateway.keys, { audience: 'catalog', requestId: `r-${Math.random()}`, claims: null, body });
    const response = await fetch(running.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('gives the same status, content type and JSON text for ordinary requests and every kind of refusal', async () => {
    for (const payload of [...ORDINARY, ...FALLBACK]) {
      const label = JSON.stringify(payload);
      const [viaDirect, viaApollo] = [await post(direct, payload), await post(apollo, payload)];
      expect(viaDirect, label).toEqual(viaApollo);
    }
    // One bump per subgraph: the direct path executed the mutation once, and never handed it on.
    expect(mutations).toBe(2);
  });

  it('refuses a body over the limit with 413 on both pipelines', async () => {
    const huge = { query: '{ hello }', variables: { padding: 'x'.repeat(5 * 1024 * 1024) } };
    for (const running of [direct, apollo]) {
      const answer = await post(running, huge);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    // The connection was closed, not the server: the next request is answered.
    expect((await post(direct, { query: '{ hello }' })).status).toBe(200);
  });

  it('runs a department check once when the request goes on to Apollo Server after it (variables that do not coerce, a refusal)', async () => {
    const before = checksRun;
    const answer = await post(direct, { query: 'query($name: String, $n: Int!) { hello(name: $name) count(n: $n) }', variables: { name: 'x', n: 'four' } });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(checksRun - before).toBe(1);
    // And a refusal met on the direct path is answered by Apollo Server without asking again.
    const beforeRefusal = checksRun;
    expect((await post(direct, { query: 'query($name: String) { hello(name: $name) }', variables: { name: 'refused' } })).status).toBe(200);
    expect(checksRun - beforeRefusal).toBe(1);
  });

  it('masks unexpected errors and refuses before resolvers, on the direct path too', async () => {
    const bug = JSON.parse((await post(direct, { query: '{ bug hello }' })).text) as { data: unknown; errors: Array<{ message: string; extensions: unknown }> };
    expect(bug.data).toEqual({ bug: null, hello: '你好 世界' });
    expect(bug.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(bug)).not.toContain('secret');
    const refused = await post(direct, { query: 'query($name: String) { hello(name: $name) }', variables: { name: 'refused' } });
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: 'Refused by the department', extensions: { code: 'FORBIDDEN' } }] });
  });
});

describe('createDirectExecution', () => {
  const formatError = createErrorFormatter(createLogger('test', 'silent'), 'catalog');
  let refused = 0;
  const run = createDirectExecution<object>({ schema, formatError, checks: [refuseNamed], checked: (_context, verdict) => void (verdict !== 'passed' && (refused += 1)) });

  it('answers every ordinary request itself and hands every other one to Apollo Server', async () => {
    for (const payload of ORDINARY) expect(await run(payload, {}), JSON.stringify(payload)).not.toBeNull();
    for (const payload of FALLBACK) expect(await run(payload, {}), JSON.stringify(payload)).toBeNull();
    // The two refusals by the department's check were handed over with their error.
    expect(refused).toBe(2);
  });

  it('keeps one parsed document per query text, bounded', async () => {
    for (let i = 0; i < 2_500; i++) expect(await run({ query: `{ count(n: ${i}) }` }, {})).not.toBeNull();
    const again = await run({ query: '{ count(n: 7) }' }, {});
    expect(JSON.parse(again!.body)).toEqual({ data: { count: 14 } });
  });
});
