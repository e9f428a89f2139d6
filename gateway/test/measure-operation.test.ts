import { describe, expect, it } from 'vitest';
import { Kind, buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
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
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
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

  it('follows fragments once per path, so a cycle terminates', () => {
    const cyclic = measure('{ me { ...A } } fragment A on User { friends(first: 1) { ...A } }');
    expect(cyclic.depth).toBe(2);
    expect(measure('{ me { ...F } } fragment F on User { id name }')).toMatchObject({ depth: 2, cost: 3 });
  });
});
