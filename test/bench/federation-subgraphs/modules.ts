import { accounts } from './accounts.js';
import { inventory } from './inventory.js';
import { products } from './products.js';
import { reviews } from './reviews.js';
import type { SubgraphModule } from './subgraph-module.js';

/** The four subgraphs of the standard federation benchmark, by name. */
export const FEDERATION_SUBGRAPHS: Readonly<Record<SubgraphModule['name'], SubgraphModule>> = { accounts, inventory, products, reviews };
