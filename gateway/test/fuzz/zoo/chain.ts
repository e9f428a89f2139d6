import { fated, fatedNonNull, hash, LINK, type Zoo, type ZooContext } from './zoo.js';

/**
 * Issue 18's shape, a little wider: `roots` serves E, `links` gives each E its P (and a list of
 * P shared between Es), `values` resolves P's fields, some with arguments. One E reached under
 * two aliases, or twice in one list, asks `values` for the same P with different selections.
 * The documents of shared-entity-objects.test.ts are valid here (`es` without ids lists E "1"
 * twice); `touch` is a mutation whose E carries the run's serial in `stamp`.
 */
type Ref = { id: string };

const ROOTS = `${LINK}
  type Query { e(id: ID!): E es(ids: [ID!]): [E] pairs: [[E!]]! }
  type Mutation { touch(id: ID!): E }
  type E @key(fields: "id") { id: ID! stamp: String }
`;
const LINKS = `${LINK}
  type E @key(fields: "id") { id: ID! p: P ps(n: Int = 2): [P] }
  type P @key(fields: "id") { id: ID! }
`;
const VALUES = `${LINK}
  type P @key(fields: "id") { id: ID! f1: String f2: String f(arg: String): String n(k: Int!): Int! }
`;

export const chain: Zoo = {
  name: 'chain',
  ids: ['1', '2', '3', 'none'],
  strings: ['A', 'B', ''],
  subgraphs: [
    {
      name: 'roots',
      sdl: ROOTS,
      resolvers: {
        Query: {
          e: (_: unknown, { id }: Ref) => (id === 'none' ? null : { id }),
          es: (_: unknown, { ids }: { ids: string[] | null }) => (ids ?? ['1', '1']).map((id) => (id === 'none' ? null : { id })),
          pairs: () => [
            [{ id: '1' }, { id: '1' }],
            [{ id: '2' }, { id: '3' }],
          ],
        },
        Mutation: {
          touch: (_: unknown, { id }: Ref, context: ZooContext) => {
            const serial = context.serial();
            return id === 'none' ? null : { id, stamp: `touched ${serial}` };
          },
        },
        E: { stamp: (e: { stamp?: string }) => e.stamp ?? null },
      },
    },
    {
      name: 'links',
      sdl: LINKS,
      resolvers: {
        E: {
          __resolveReference: ({ id }: Ref) => ({ id }),
          p: ({ id }: Ref) => fated(`p:${id}`, () => ({ id: `p${id}` })),
          ps: ({ id }: Ref, { n }: { n: number | null }) => Array.from({ length: Math.max(0, Math.min(n ?? 1, 3)) }, (_, i) => ({ id: `p${(hash(id) + i) % 3}` })),
        },
      },
    },
    {
      name: 'values',
      sdl: VALUES,
      resolvers: {
        P: {
          __resolveReference: ({ id }: Ref) => ({ id }),
          f1: ({ id }: Ref) => fated(`f1:${id}`, () => `f1 of ${id}`),
          f2: ({ id }: Ref) => fated(`f2:${id}`, () => `f2 of ${id}`),
          f: ({ id }: Ref, { arg }: { arg: string | null }) => fated(`f:${id}:${String(arg)}`, () => `f(${String(arg)}) of ${id}`),
          n: ({ id }: Ref, { k }: { k: number }) => fatedNonNull(`n:${id}:${k}`, () => (hash(id) % 10) + k),
        },
      },
    },
  ],
};
