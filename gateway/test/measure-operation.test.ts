import { describe, expect, it } from 'vitest';
import { Kind, buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { MeasureRefusal } from '../src/limits/measure-budget.js';
import { measureOperation } from '../src/limits/measure-operation.js';

const schema = buildSchema(`
  type Query { me: User, users(first: Int): [User!]!, node(id: ID!): User, people(first: Int = 20, after: String): UserConnection! }
  type User { id: ID!, name: String, friends(first: Int): [User!]!, posts: [Post!]! }
  type Post { title: String }
  type UserConnection { totalCount: Int!, edges: [UserEdge!]!, nodes: [User!]! }
  type UserEdge { cursor: String!, node: User! }
`);

function measure(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return measureOperation(schema, operation, fragments, { defaultListSize: 10, variables: variables ?? null });
}

describe('measuring an operation', () => {
  it('counts depth, aliases and root fields', () => {
    expect(measure('{ me { id friends(first: 2) { name } } a: node(id: 1) { id } b: node(id: 2) { id } }')).toMatchObject({ depth: 3, aliases: 2, rootFields: 3 });
  });

  it('multiplies cost by list sizes from arguments, variables or the default', () => {
    expect(measure('{ users(first: 5) { id } }').cost).toBe(5 * (1 + 1));
    expect(measure('query($n: Int) { users(first: $n) { id } }', { n: 3 }).cost).toBe(3 * 2);
    expect(measure('{ users { posts { title } } }').cost).toBe(10 * (1 + 10 * (1 + 1)));
  });

  it("sizes a connection's edges and nodes by its first argument, its variable or its schema default", () => {
    expect(measure('{ people(first: 5) { totalCount edges { node { id } } } }').cost).toBe(1 + 1 + 5 * (1 + 1 + 1));
    expect(measure('query($n: Int) { people(first: $n) { nodes { id } } }', { n: 50 }).cost).toBe(1 + 50 * 2);
    expect(measure('{ people { ... on UserConnection { nodes { id } } } }').cost).toBe(1 + 20 * 2);
    // Only the connection's own lists: a list inside a node keeps its own size.
    expect(measure('{ people(first: 2) { edges { node { posts { title } } } } }').cost).toBe(1 + 2 * (1 + 1 + 10 * 2));
  });

  it('refuses a fragment that spreads itself, directly or through others, instead of looping', () => {
    const refusal = (source: string) => {
      try {
        measure(source);
      } catch (error) {
        return error as MeasureRefusal;
      }
      throw new Error('measured');
    };
    const direct = refusal('{ me { ...A } } fragment A on User { friends(first: 1) { ...A } }');
    expect(direct).toBeInstanceOf(MeasureRefusal);
    expect(direct).toMatchObject({ reason: 'cycle', cycle: ['A', 'A'], message: 'Cannot spread fragment "A" within itself.' });
    expect(
      refusal('{ me { ...A } } fragment A on User { ...B } fragment B on User { posts { title } ... on User { friends { ...C } } } fragment C on User { ...A }'),
    ).toMatchObject({
      reason: 'cycle',
      cycle: ['A', 'B', 'C', 'A'],
      message: 'Cannot spread fragment "A" within itself via "B", "C".',
    });
    // A cycle the operation never reaches is no obstacle to measuring it.
    expect(measure('{ me { ...F } } fragment F on User { id name } fragment X on User { ...X }')).toMatchObject({ depth: 2, cost: 3 });
  });

  it('takes fragment names as names, `__proto__` and `constructor` too', () => {
    expect(measure('{ me { ...__proto__ ...constructor } } fragment __proto__ on User { id } fragment constructor on User { name }')).toMatchObject({
      depth: 2,
      cost: 3,
      rootFields: 1,
    });
    expect(measure('{ me { ...toString } }')).toMatchObject({ depth: 1, cost: 1 });
  });

  it('counts aliases and root fields as graphql collects fields: a fragment spread twice into one selection set once', () => {
    expect(measure('{ ...Q ...Q } fragment Q on Query { x: me { id } y: me { name } }')).toMatchObject({ aliases: 2, rootFields: 2 });
    // Through other fragments too, as graphql's CollectFields visits each fragment once.
    expect(measure('{ ...A ...B } fragment A on Query { ...Q } fragment B on Query { ...Q } fragment Q on Query { x: me { id } }')).toMatchObject({ aliases: 1, rootFields: 1 });
    // The same fragment under two response names: the paths a.n and b.n are two.
    expect(measure('{ a: me { ...F } b: me { ...F } } fragment F on User { n: name }')).toMatchObject({ aliases: 4, rootFields: 2 });
    // The same response name twice is one root field; `me` and `x: me` are two.
    expect(measure('{ me { id } me { name } x: me { id } }')).toMatchObject({ aliases: 1, rootFields: 2 });
    // Cost counts every spread as written.
    expect(measure('{ me { ...F ...F } } fragment F on User { id }').cost).toBe(1 + 2);
  });
});
