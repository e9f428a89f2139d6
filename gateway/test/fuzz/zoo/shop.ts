import { fated, fatedNonNull, hash, LINK, type Zoo } from './zoo.js';

/**
 * Keys (one entity with an `id` key and a compound `sku pack { code }` key), @requires with and
 * without arguments on the required field, @provides, @shareable fields and value types, lists
 * of lists, lists holding one entity several times. Product "gone" exists only in `products`;
 * "none" exists nowhere.
 */
type Ref = { id: string };
type Args = Record<string, unknown>;

const PRODUCTS = `${LINK}
  type Query {
    product(id: ID!): Product
    products(ids: [ID!]!): [Product]!
    bundles(size: Int! = 2): [[Product!]]
  }
  type Product @key(fields: "id") @key(fields: "sku pack { code }") {
    id: ID!
    sku: String!
    pack: Pack!
    name: String
    price(currency: Currency! = EUR): Int
    weight: Int @shareable
  }
  type Pack @shareable { code: String! size: Int }
  enum Currency { EUR USD GBP }
`;

const INVENTORY = `${LINK}
  type Product @key(fields: "sku pack { code }") {
    sku: String!
    pack: Pack!
    weight: Int @external
    price(currency: Currency! = EUR): Int @external
    stock(warehouse: String): Int
    shippingCost: Int! @requires(fields: "weight")
    priceInDollars: Int @requires(fields: "price(currency: USD)")
  }
  type Pack @shareable { code: String! size: Int }
  enum Currency { EUR USD GBP }
`;

const REVIEWS = `${LINK}
  type Query { review(id: ID!): Review }
  type Product @key(fields: "id") {
    id: ID!
    weight: Int @shareable
    reviews(first: Int): [Review!]
    topReview: Review @provides(fields: "author { name }")
  }
  type Review @key(fields: "id") {
    id: ID!
    body(upper: Boolean = false): String
    rating: Int!
    author: User
    product: Product
  }
  type User @key(fields: "id") { id: ID! name: String @external }
`;

const USERS = `${LINK}
  type Query { user(id: ID!): User users: [User!]! }
  type User @key(fields: "id") {
    id: ID!
    name: String @shareable
    email: String!
    friends(first: Int = 2): [User]
    favourite: Product
  }
  type Product @key(fields: "id", resolvable: false) { id: ID! }
`;

const known = (id: string) => id !== 'none';
const idOfSku = (sku: string) => sku.slice(1);
const pack = (id: string) => ({ code: `P${id}`, id });
const weight = (id: string) => fated(`weight:${id}`, () => hash(id) % 10);
const price = (id: string, currency: string) => fated(`price:${id}:${currency}`, () => (hash(id) % 90) + currency.length * 10);
const userName = (id: string) => fated(`User.name:${id}`, () => `user ${id}`);
const reviewIds = (product: string) => Array.from({ length: (hash(product) % 3) + 1 }, (_, i) => `${product}~${i}`);
const authorOf = (review: string) => `u${hash(review) % 4}`;
const productOfReview = (review: string) => review.split('~')[0]!;

export const shop: Zoo = {
  name: 'shop',
  ids: ['1', '2', '3', '1', '2', 'gone', 'none', 'u1', '1~0', '2~1'],
  strings: ['north', 'south', ''],
  subgraphs: [
    {
      name: 'products',
      sdl: PRODUCTS,
      resolvers: {
        Query: {
          product: (_: unknown, { id }: Ref) => (known(id) ? { id } : null),
          products: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => (known(id) ? { id } : null)),
          bundles: (_: unknown, { size }: { size: number }) =>
            fated(`bundles:${size}`, () =>
              Array.from({ length: Math.max(0, Math.min(size, 4)) }, (_, row) => Array.from({ length: (row % 2) + 1 }, (_, i) => ({ id: String(((row + i) % 3) + 1) }))),
            ),
        },
        Product: {
          __resolveReference: (ref: { id?: string; sku?: string }) => {
            const id = ref.id ?? idOfSku(ref.sku!);
            return known(id) ? { id } : null;
          },
          sku: ({ id }: Ref) => `S${id}`,
          pack: ({ id }: Ref) => pack(id),
          name: ({ id }: Ref) => fated(`Product.name:${id}`, () => `product ${id}`),
          price: ({ id }: Ref, { currency }: { currency: string }) => price(id, currency),
          weight: ({ id }: Ref) => weight(id),
        },
        Pack: { size: ({ id }: Ref) => fated(`Pack.size:${id}`, () => id.length) },
      },
    },
    {
      name: 'inventory',
      sdl: INVENTORY,
      resolvers: {
        Product: {
          __resolveReference: (ref: { sku: string; weight?: number | null; price?: number | null }) => {
            const id = idOfSku(ref.sku);
            return id === 'gone' || !known(id) ? null : { ...ref, id };
          },
          pack: ({ id }: Ref) => pack(id),
          stock: ({ id }: Ref, { warehouse }: Args) => fated(`stock:${id}:${String(warehouse)}`, () => hash(`${id}${String(warehouse)}`) % 50),
          shippingCost: ({ id, weight: w }: Ref & { weight?: number | null }) => {
            if (w === null || w === undefined) throw new Error(`no weight for ${id}`);
            return fatedNonNull(`shippingCost:${id}`, () => w * 3);
          },
          priceInDollars: ({ price: p }: { price?: number | null }) => (p === null || p === undefined ? null : p + 1),
        },
        Pack: { size: ({ id }: Ref) => fated(`Pack.size:${id}`, () => id.length) },
      },
    },
    {
      name: 'reviews',
      sdl: REVIEWS,
      resolvers: {
        Query: { review: (_: unknown, { id }: Ref) => (id === 'none' ? null : { id: id.includes('~') ? id : `${id}~0` }) },
        Product: {
          __resolveReference: ({ id }: Ref) => (id === 'gone' || !known(id) ? null : { id }),
          weight: ({ id }: Ref) => weight(id),
          reviews: ({ id }: Ref, { first }: { first?: number | null }) =>
            fated(`reviews:${id}:${String(first)}`, () =>
              reviewIds(id)
                .slice(0, first ?? undefined)
                .map((review) => ({ id: review })),
            ),
          topReview: ({ id }: Ref) => {
            const review = reviewIds(id)[0]!;
            const author = authorOf(review);
            return fated(`topReview:${id}`, () => ({ id: review, author: { id: author, name: userName(author) } }));
          },
        },
        Review: {
          __resolveReference: ({ id }: Ref) => (id.includes('~') ? { id } : null),
          body: ({ id }: Ref, { upper }: { upper: boolean | null }) => fated(`body:${id}`, () => (upper ? `REVIEW ${id}` : `review ${id}`)),
          rating: ({ id }: Ref) => fatedNonNull(`rating:${id}`, () => hash(id) % 5),
          author: (review: Ref & { author?: Ref }) => review.author ?? fated(`author:${review.id}`, () => ({ id: authorOf(review.id) })),
          product: ({ id }: Ref) => ({ id: productOfReview(id) }),
        },
      },
    },
    {
      name: 'users',
      sdl: USERS,
      resolvers: {
        Query: {
          user: (_: unknown, { id }: Ref) => (id === 'none' ? null : { id: id.startsWith('u') ? id : `u${id}` }),
          users: () => ['u0', 'u1', 'u0'].map((id) => ({ id })),
        },
        User: {
          __resolveReference: ({ id }: Ref) => ({ id }),
          name: ({ id }: Ref) => userName(id),
          email: ({ id }: Ref) => fatedNonNull(`email:${id}`, () => `${id}@example.org`),
          friends: ({ id }: Ref, { first }: { first: number | null }) =>
            fated(`friends:${id}`, () => Array.from({ length: Math.max(0, Math.min(first ?? 3, 3)) }, (_, i) => ({ id: `u${(hash(id) + i) % 5}` }))),
          favourite: ({ id }: Ref) => fated(`favourite:${id}`, () => ({ id: String((hash(id) % 3) + 1) })),
        },
      },
    },
  ],
};
