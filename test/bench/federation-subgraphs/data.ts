/**
 * The benchmark's shop, computed rather than random so every run (and every gateway) sees the
 * same answer: 10 users who each wrote 3 reviews of 10 products, so every product has 3 reviews.
 * The deep query then fans out 10 × 3 × 3 × 3 from `users` and 5 × 3 × 3 from `topProducts`,
 * an answer of a few tens of KB with the same products and users met again and again — the
 * duplicate entity representations a gateway may or may not collapse.
 */
export interface User {
  id: string;
  name: string;
  username: string;
  birthYear: number;
}

export interface Product {
  upc: string;
  name: string;
  /** In cents, so every gateway prints the same number. */
  price: number;
  /** In grams. */
  weight: number;
}

export interface Review {
  id: string;
  body: string;
  authorId: string;
  productUpc: string;
}

const GIVEN_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Niklaus'];
const PRODUCT_NAMES = ['Table', 'Couch', 'Chair', 'Lamp', 'Shelf', 'Desk', 'Rug', 'Mirror', 'Stool', 'Bench'];
const OPINIONS = ['Sturdy and well made.', 'Arrived late but works.', 'Better than expected.', 'Too heavy to move alone.', 'Would buy again.'];

export const USERS: readonly User[] = GIVEN_NAMES.map((name, i) => ({
  id: String(i + 1),
  name,
  username: `@${name.toLowerCase()}`,
  birthYear: 1950 + i * 3,
}));

export const PRODUCTS: readonly Product[] = PRODUCT_NAMES.map((name, i) => ({
  upc: String(i + 1),
  name,
  price: 1_000 + i * 750,
  weight: 200 + ((i * 370) % 2_300),
}));

/** User i reviews products i, i+3 and i+7 (mod 10): each product gets exactly three reviews. */
export const REVIEWS: readonly Review[] = USERS.flatMap((user, i) =>
  [0, 3, 7].map((offset, k) => {
    const product = PRODUCTS[(i + offset) % PRODUCTS.length]!;
    return {
      id: String(i * 3 + k + 1),
      body: `${product.name} by ${user.name}: ${OPINIONS[(i + k) % OPINIONS.length]}`,
      authorId: user.id,
      productUpc: product.upc,
    };
  }),
);

/** Products 1..10 are in stock except every third one. */
export function inStock(upc: string): boolean {
  return Number(upc) % 3 !== 0;
}

/** Shipping is free above 50.00; below, half a cent per gram. Needs price and weight (`@requires`). */
export function shippingEstimate(price: number, weight: number): number {
  return price > 5_000 ? 0 : Math.round(weight * 0.5);
}
