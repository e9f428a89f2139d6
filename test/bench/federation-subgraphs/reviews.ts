import type { SubgraphModule } from './subgraph-module.js';
import { REVIEWS, type Review } from './data.js';

const byId = new Map(REVIEWS.map((review) => [review.id, review]));
const byAuthor = groupBy(REVIEWS, (review) => review.authorId);
const byProduct = groupBy(REVIEWS, (review) => review.productUpc);

/** Owns reviews, and adds them to users and products. */
export const reviews: SubgraphModule = {
  name: 'reviews',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Review @key(fields: "id") {
      id: ID!
      body: String!
      author: User!
      product: Product!
    }

    type User @key(fields: "id") {
      id: ID!
      reviews: [Review!]!
    }

    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review!]!
    }
  `,
  resolvers: {
    Review: {
      __resolveReference: ({ id }: Pick<Review, 'id'>) => byId.get(id) ?? null,
      author: (review: Review) => ({ id: review.authorId }),
      product: (review: Review) => ({ upc: review.productUpc }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) => byAuthor.get(id) ?? [],
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => byProduct.get(upc) ?? [],
    },
  },
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
