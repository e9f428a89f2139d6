import type { SubgraphModule } from './subgraph-module.js';
import { PRODUCTS, type Product } from './data.js';

const byUpc = new Map(PRODUCTS.map((product) => [product.upc, product]));

export const products: SubgraphModule = {
  name: 'products',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Query {
      topProducts(first: Int = 5): [Product!]!
      product(upc: String!): Product
    }

    type Product @key(fields: "upc") {
      upc: String!
      name: String!
      price: Int!
      weight: Int!
    }
  `,
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, Math.max(0, first)),
      product: (_: unknown, { upc }: { upc: string }) => byUpc.get(upc) ?? null,
    },
    Product: {
      __resolveReference: ({ upc }: Pick<Product, 'upc'>) => byUpc.get(upc) ?? null,
    },
  },
};
