import { chain } from './chain.js';
import { ledger } from './ledger.js';
import { mediaZoo } from './media.js';
import { shop } from './shop.js';
import type { Zoo } from './zoo.js';

/** Every zoo the fuzzer runs, each its own small supergraph. */
export const ZOOS: readonly Zoo[] = [shop, mediaZoo, ledger, chain];
