import type { Migrations } from '@govgraph/kit';
import { disclosureTables } from './0001-disclosure.js';

/** Applied in key order, each once; add a file and a line for every change, never edit an applied one. */
export const disclosureMigrations: Migrations = {
  '0001-disclosure': disclosureTables,
};
