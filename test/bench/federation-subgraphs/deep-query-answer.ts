import { inStock, PRODUCTS, REVIEWS, shippingEstimate, USERS, type Product, type Review, type User } from './data.js';

/**
 * The deep query's answer worked out from the data alone, in the query's field order — what
 * any correct gateway must return, independent of every gateway under test. After a change to
 * data.ts, `npx tsx --tsconfig tsconfig.json test/bench/federation-subgraphs/write-deep-query-answer.ts`
 * rewrites the committed workloads/deep-query.expected.json (the e2e test checks they agree).
 */
export function deepQueryAnswer(): unknown {
  const userById = new Map(USERS.map((u) => [u.id, u]));
  const productByUpc = new Map(PRODUCTS.map((p) => [p.upc, p]));
  const reviewsOfUser = (user: User) => REVIEWS.filter((r) => r.authorId === user.id);
  const reviewsOfProduct = (product: Product) => REVIEWS.filter((r) => r.productUpc === product.upc);
  const author = (review: Review) => userById.get(review.authorId)!;
  const product = (review: Review) => productByUpc.get(review.productUpc)!;

  const userFields = (u: User) => ({ id: u.id, username: u.username, name: u.name });
  const reviewFields = (r: Review) => ({ id: r.id, body: r.body });
  const productFields = (p: Product) => ({
    upc: p.upc,
    name: p.name,
    price: p.price,
    weight: p.weight,
    inStock: inStock(p.upc),
    shippingEstimate: shippingEstimate(p.price, p.weight),
  });
  // author → reviews → product, the innermost two levels of both branches.
  const authorWithReviews = (u: User) => ({
    ...userFields(u),
    reviews: reviewsOfUser(u).map((r) => ({ ...reviewFields(r), product: productFields(product(r)) })),
  });

  return {
    data: {
      users: USERS.map((u) => ({
        ...userFields(u),
        reviews: reviewsOfUser(u).map((r) => ({
          ...reviewFields(r),
          product: {
            ...productFields(product(r)),
            reviews: reviewsOfProduct(product(r)).map((r2) => ({ ...reviewFields(r2), author: authorWithReviews(author(r2)) })),
          },
        })),
      })),
      topProducts: PRODUCTS.slice(0, 5).map((p) => ({
        ...productFields(p),
        reviews: reviewsOfProduct(p).map((r) => ({ ...reviewFields(r), author: authorWithReviews(author(r)) })),
      })),
    },
  };
}
