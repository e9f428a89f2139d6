import { describe, expect, it } from 'vitest';
import { GraphQLError, buildSchema, getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { DEFAULT_LIMITS } from '../src/limits/limits-config.js';
import { MeasureCache, sizeVariablesOf } from '../src/limits/measure-cache.js';
import type { OperationMeasure } from '../src/limits/measure-operation.js';
import { useLimits } from '../src/plugins/use-limits.js';

const schema = buildSchema(`
  type Query { me: User, users(first: Int, after: String): [User!]!, page(limit: Int = 20): [User!]! }
  type User { id: ID!, name: String, friends(first: Int, last: Int): [User!]! }
`);

/** The limits plugin's verdict on one request: undefined when let through, else the error's extensions. */
async function verdict(plugin: ReturnType<typeof useLimits>, against: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) {
  const hooks = await plugin.apollo!.requestDidStart!({} as never);
  const operation = getOperationAST(document);
  try {
    await hooks!.didResolveOperation!({ schema: against, document, operation, request: { variables } } as never);
    return undefined;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return error.extensions;
  }
}

describe('measures kept per document', () => {
  it('finds the variables a measure reads: those given straight to first, last or limit', () => {
    const document = parse(
      'query($n: Int, $m: Int, $after: String, $id: ID) { users(first: $n, after: $after) { friends(last: $m) { id } } me { friends(first: 2) { id } } } fragment F on User { friends(first: $n) { id } }',
    );
    expect(sizeVariablesOf(document)).toEqual(['n', 'm']);
  });

  it('measures a document once per schema and list sizes, and again for other sizes', () => {
    const cache = new MeasureCache();
    const document = parse('query($n: Int, $after: String) { users(first: $n, after: $after) { id } }');
    const operation = getOperationAST(document)!;
    let computed = 0;
    const measure = (variables: Record<string, unknown>, against = schema) =>
      cache.measure(against, document, operation, variables, (): OperationMeasure => ({ depth: 2, aliases: 0, rootFields: 1, cost: ++computed }));
    expect(measure({ n: 5, after: 'a' }).cost).toBe(1);
    // Another cursor is the same measure: only the size is read.
    expect(measure({ n: 5, after: 'b' }).cost).toBe(1);
    expect(measure({ n: 6 }).cost).toBe(2);
    // No size, a string, or a number that is not finite all measure as no size at all.
    expect(measure({}).cost).toBe(3);
    expect(measure({ n: '5' }).cost).toBe(3);
    expect(measure({ n: null }).cost).toBe(3);
    expect(measure({ n: 5 }).cost).toBe(1);
    // A new supergraph measures anew.
    expect(measure({ n: 5 }, buildSchema('type Query { users(first: Int, after: String): [ID!]! }')).cost).toBe(4);
    expect(computed).toBe(4);
  });

  it('keeps at most 16 list sizes per operation and measures the rest every time', () => {
    const cache = new MeasureCache();
    const document = parse('query($n: Int) { users(first: $n) { id } }');
    const operation = getOperationAST(document)!;
    let computed = 0;
    const measure = (n: number) => cache.measure(schema, document, operation, { n }, () => ({ depth: 2, aliases: 0, rootFields: 1, cost: (computed++, n) }));
    for (let n = 0; n < 20; n++) expect(measure(n).cost).toBe(n);
    expect(computed).toBe(20);
    for (let n = 0; n < 20; n++) expect(measure(n).cost).toBe(n);
    expect(computed).toBe(24);
  });

  it('refuses by the sizes of each request, not those of the request that was measured first', async () => {
    const plugin = useLimits({ ...DEFAULT_LIMITS, maxCost: 100 });
    const document = parse('query($n: Int, $m: Int) { users(first: $n) { friends(first: $m) { id } } }');
    expect(await verdict(plugin, schema, document, { n: 3, m: 3 })).toBeUndefined();
    expect(await verdict(plugin, schema, document, { n: 30, m: 30 })).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost', actual: 30 * (1 + 30 * 2) });
    expect(await verdict(plugin, schema, document, { n: 3, m: 3 })).toBeUndefined();
    expect(await verdict(plugin, schema, document, { n: 30, m: 30 })).toMatchObject({ limit: 'cost', actual: 30 * (1 + 30 * 2) });
    // A variable's default is the size when none is given.
    const defaulted = parse('query($n: Int = 40) { users(first: $n) { friends(first: 2) { id } } }');
    expect(await verdict(plugin, schema, defaulted, {})).toMatchObject({ limit: 'cost', actual: 40 * (1 + 2 * 2) });
    expect(await verdict(plugin, schema, defaulted, { n: 2 })).toBeUndefined();
    expect(await verdict(plugin, schema, defaulted, {})).toMatchObject({ limit: 'cost', actual: 40 * (1 + 2 * 2) });
  });

  it('measures each operation of a document apart', async () => {
    const plugin = useLimits({ ...DEFAULT_LIMITS, maxDepth: 2 });
    const document = parse('query Flat { me { id } } query Deep { me { friends(first: 1) { id } } }');
    const run = async (operationName: string) => {
      const hooks = await plugin.apollo!.requestDidStart!({} as never);
      const operation = getOperationAST(document, operationName);
      return hooks!.didResolveOperation!({ schema, document, operation, request: { variables: {}, operationName } } as never).then(
        () => undefined,
        (error: GraphQLError) => error.extensions,
      );
    };
    expect(await run('Flat')).toBeUndefined();
    expect(await run('Deep')).toMatchObject({ limit: 'depth', actual: 3 });
    expect(await run('Flat')).toBeUndefined();
  });
});
