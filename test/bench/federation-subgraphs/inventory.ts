import type { SubgraphModule } from './subgraph-module.js';
import { inStock, shippingEstimate, type Product } from './data.js';

/** Owns stock and shipping; the estimate needs price and weight from products (`@requires`). */
export const inventory: SubgraphModule = {
  name: 'inventory',
  typeDefs: /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

    type Product @key(fields: "upc") {
      upc: String!
      price: Int! @external
      weight: Int! @external
      inStock: Boolean!
      shippingEstimate: Int! @requires(fields: "price weight")
    }
  `,
  resolvers: {
    Product: {
      // The representation is all this subgraph knows: upc, and price and weight when required.
      __resolveReference: (reference: Partial<Product> & Pick<Product, 'upc'>) => reference,
      inStock: (product: Pick<Product, 'upc'>) => inStock(product.upc),
      shippingEstimate: (product: Partial<Product>) => {
        if (product.price === undefined || product.weight === undefined) throw new Error('price and weight are required');
        return shippingEstimate(product.price, product.weight);
      },
    },
  },
};
