import type { SubgraphModule } from './subgraph-module.js';
import { USERS, type User } from './data.js';

const byId = new Map(USERS.map((user) => [user.id, user]));

export const accounts: SubgraphModule = {
  name: 'accounts',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Query {
      me: User
      user(id: ID!): User
      users: [User!]!
    }

    type User @key(fields: "id") {
      id: ID!
      name: String!
      username: String!
      birthYear: Int!
    }
  `,
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: ({ id }: Pick<User, 'id'>) => byId.get(id) ?? null,
    },
  },
};
