import { describe, expect, it } from 'vitest';
import { Kind, buildSchema, getIntrospectionQuery, parse, print, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { countTokens } from '../src/limits/count-tokens.js';
import { DEFAULT_LIMITS, readLimitsConfig, readRateLimitConfig } from '../src/limits/limits-config.js';
import { measureOperation } from '../src/limits/measure-operation.js';
import { withoutIntrospection } from '../src/limits/without-introspection.js';

describe('counting tokens', () => {
  const documents = [
    '{ a }',
    'query Q($id: ID! = "x") { node(id: $id) { ... on User { name @include(if: true) } } }',
    '# a comment\n{ a # another\n b }',
    '{ a(text: """block\n string""", n: -1.5e3, list: [1, 2, {k: null}]) }',
    getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }),
  ];

  it.each(documents)('counts as graphql-js parse(maxTokens) does: %#', (document) => {
    const count = countTokens(document);
    expect(() => parse(document, { maxTokens: count })).not.toThrow();
    expect(() => parse(document, { maxTokens: count - 1 })).toThrow(/tokens/);
  });

  it('stops one past the limit, and at the first lexical error', () => {
    expect(countTokens('{ a b c d e f }', 3)).toBe(4);
    expect(countTokens('{ a ` b }')).toBe(2);
  });
});

describe('limits configuration', () => {
  it('has documented defaults', () => {
    expect(readLimitsConfig({})).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({ maxDepth: 10, maxAliases: 15, maxRootFields: 10, maxTokens: 1000, maxCost: 5000, defaultListSize: 10, maxBatchSize: 1 });
    expect(readRateLimitConfig({}, 'development')).toMatchObject({ accountPerMinute: 600, addressPerMinute: 1200 });
  });

  it('reads each limit from the environment and names a bad value', () => {
    expect(readLimitsConfig({ GATEWAY_MAX_DEPTH: '4', GATEWAY_MAX_BATCH_SIZE: '5', GATEWAY_MAX_ALIASES: '0' })).toMatchObject({ maxDepth: 4, maxBatchSize: 5, maxAliases: 0 });
    expect(() => readLimitsConfig({ GATEWAY_MAX_COST: 'lots' })).toThrow(/GATEWAY_MAX_COST/);
    expect(() => readLimitsConfig({ GATEWAY_MAX_DEPTH: '0' })).toThrow(/GATEWAY_MAX_DEPTH must be an integer of at least 1/);
    expect(readRateLimitConfig({ GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '0' }, 'test').accountPerMinute).toBe(0);
    expect(() => readRateLimitConfig({ GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '-1' }, 'test')).toThrow(/GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE/);
  });

  it('leaves loopback out of per-address budgets outside production only, unless told otherwise', () => {
    expect([...readRateLimitConfig({}, 'development').exemptAddresses]).toEqual(['127.0.0.1', '::1']);
    expect([...readRateLimitConfig({}, 'production').exemptAddresses]).toEqual([]);
    expect([...readRateLimitConfig({ GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES: '' }, 'development').exemptAddresses]).toEqual([]);
    expect([...readRateLimitConfig({ GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES: '10.0.0.9, ::1' }, 'production').exemptAddresses]).toEqual(['10.0.0.9', '::1']);
    expect(() => readRateLimitConfig({ GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES: 'localhost' }, 'test')).toThrow(/GATEWAY_RATE_LIMIT_EXEMPT_ADDRESSES/);
  });
});

describe('leaving introspection out of depth and cost', () => {
  const schema = buildSchema('type Query { users: [User!]! } type User { name: String, friends: [User!]! }');

  function stripped(source: string) {
    const document = parse(source);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const result = withoutIntrospection(schema, operation, fragments) ?? { operation, fragments };
    return {
      stripped: result.operation !== operation,
      printed: print(result.operation),
      measure: measureOperation(schema, result.operation, result.fragments, { defaultListSize: 10 }),
    };
  }

  it('removes __schema and __type at the root, in inline fragments and in fragments on the root type', () => {
    const result = stripped(
      '{ __typename __schema { types { name } } ... on Query { __type(name: "User") { name } users { name } } ...Q } fragment Q on Query { __schema { queryType { name } } }',
    );
    expect(result.printed).not.toMatch(/__schema|__type\(/);
    expect(result.printed).toContain('__typename');
    expect(result.measure).toMatchObject({ depth: 2, cost: 1 + 10 * 2 });
  });

  it('measures GraphiQL’s introspection query as nothing, and leaves other operations as they are', () => {
    expect(stripped(getIntrospectionQuery()).measure).toMatchObject({ depth: 0, cost: 0 });
    const plain = stripped('{ users { friends { name } } }');
    expect(plain.stripped).toBe(false);
    expect(plain.measure).toMatchObject({ depth: 3, cost: 10 * (1 + 10 * 2) });
  });
});
