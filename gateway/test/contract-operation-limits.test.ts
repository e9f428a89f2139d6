import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, getIntrospectionQuery, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { OPERATIONS_DIR } from '@govgraph/schema';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/config.js';
import { countTokens } from '../src/limits/count-tokens.js';
import { DEFAULT_LIMITS } from '../src/limits/limits-config.js';
import { measureOperation } from '../src/limits/measure-operation.js';
import { measureForLimits } from '../src/plugins/use-limits.js';
import type { RunningGateway } from '../src/server.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

/** Every contract operation must stay this far under each default limit. */
const HEADROOM = 1.5;
const GRAPHIQL_INTROSPECTION = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });

interface Row {
  name: string;
  depth: number;
  aliases: number;
  rootFields: number;
  tokens: number;
  cost: number;
  /** With every page at the subgraphs' largest (`first: 100`). */
  costOfLargestPages: number;
  note?: string;
}

/** The most any subgraph serves per page (kit's checkPageSize). */
const LARGEST_PAGE = 100;

function measureDocument(schema: GraphQLSchema, name: string, source: string): Row {
  const document = parse(source);
  const operation = getOperationAST(document)!;
  const measure = measureForLimits(schema, document, operation, {}, DEFAULT_LIMITS.defaultListSize);
  const largest = measureForLimits(schema, document, operation, { first: LARGEST_PAGE }, DEFAULT_LIMITS.defaultListSize);
  return { name, ...measure, costOfLargestPages: largest.cost, tokens: countTokens(source) };
}

describe('the contract operations against the default limits', () => {
  let gateway: RunningGateway;
  let schema: GraphQLSchema | undefined;

  beforeAll(async () => {
    // The committed supergraph's API schema, as the gateway plans with it; no subgraph is called.
    gateway = await startGateway(
      { SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH, NODE_ENV: 'development' },
      {
        plugins: [
          {
            name: 'schema-spy',
            apollo: {
              async serverWillStart() {
                return {
                  schemaDidLoadOrUpdate({ apiSchema }) {
                    schema = apiSchema;
                  },
                };
              },
            },
          },
        ],
      },
    );
  });
  afterAll(async () => gateway?.close());

  it(`keeps every one at least ${HEADROOM}× under each default, and GraphiQL's introspection under them too`, () => {
    const files = readdirSync(OPERATIONS_DIR)
      .filter((file) => file.endsWith('.graphql'))
      .sort();
    expect(files).toHaveLength(36);
    const rows = files.map((file) => measureDocument(schema!, file.replace(/\.graphql$/, ''), readFileSync(join(OPERATIONS_DIR, file), 'utf8')));
    const introspection = measureDocument(schema!, 'GraphiQL introspection', GRAPHIQL_INTROSPECTION);
    const parsed = parse(GRAPHIQL_INTROSPECTION);
    const fragments = Object.fromEntries(parsed.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const uncounted = measureOperation(schema!, getOperationAST(parsed)!, fragments, { defaultListSize: DEFAULT_LIMITS.defaultListSize });
    introspection.note = `depth ${uncounted.depth}, cost ${uncounted.cost} if introspection counted`;

    const limits = {
      depth: DEFAULT_LIMITS.maxDepth,
      aliases: DEFAULT_LIMITS.maxAliases,
      rootFields: DEFAULT_LIMITS.maxRootFields,
      tokens: DEFAULT_LIMITS.maxTokens,
      cost: DEFAULT_LIMITS.maxCost,
    };
    const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
    console.log(
      [
        '',
        `Contract operations measured against the defaults (lists without first/last/limit count ${DEFAULT_LIMITS.defaultListSize}; the last column with $first = ${LARGEST_PAGE})`,
        '',
        line(['operation', 'depth', 'aliases', 'root fields', 'tokens', 'cost', `cost, $first ${LARGEST_PAGE}`]),
        line(['---', '--:', '--:', '--:', '--:', '--:', '--:']),
        ...[...rows, introspection].map((r) => line([r.name + (r.note ? ` (${r.note})` : ''), r.depth, r.aliases, r.rootFields, r.tokens, r.cost, r.costOfLargestPages])),
        line(['**max of the contract**', ...(['depth', 'aliases', 'rootFields', 'tokens', 'cost', 'costOfLargestPages'] as const).map((k) => Math.max(...rows.map((r) => r[k])))]),
        line(['**default limit**', limits.depth, limits.aliases, limits.rootFields, limits.tokens, limits.cost, limits.cost]),
        '',
      ].join('\n'),
    );

    for (const row of rows) {
      for (const key of ['depth', 'aliases', 'rootFields', 'tokens', 'cost'] as const) {
        expect(row[key] * HEADROOM, `${row.name}: ${key} ${row[key]} against the default ${limits[key]}`).toBeLessThanOrEqual(limits[key]);
      }
      expect(row.costOfLargestPages * HEADROOM, `${row.name} with $first = ${LARGEST_PAGE}`).toBeLessThanOrEqual(limits.cost);
    }
    for (const key of ['depth', 'aliases', 'rootFields', 'tokens', 'cost'] as const) {
      expect(introspection[key], `GraphiQL's introspection: ${key}`).toBeLessThanOrEqual(limits[key]);
    }
  });

  it('serves the playground its introspection through the limits', async () => {
    for (const query of [GRAPHIQL_INTROSPECTION, getIntrospectionQuery()]) {
      const answer = await postGraphQL(gateway, { query, operationName: 'IntrospectionQuery' });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.__schema.queryType.name).toBe('Query');
    }
  });

  it('refuses an introspection query nested past the token limit, and lists nested past graphql’s own bound', async () => {
    const deep = `{ __schema { types { ${'ofType { '.repeat(600)}name${' }'.repeat(600)} } } }`;
    const long = await postGraphQL(gateway, { query: deep });
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens', max: DEFAULT_LIMITS.maxTokens });

    const cyclic = await postGraphQL(gateway, { query: '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }' });
    expect(cyclic.status).toBe(400);
    expect(cyclic.body.errors?.[0]?.message).toMatch(/Maximum introspection depth exceeded/);
  });
});
