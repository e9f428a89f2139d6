import type { Migrations } from '@govgraph/kit';
import { exampleBureauTables } from './0001-example-bureau.js';

/** Applied in key order, each once; add a file and a line for every change, never edit an applied one. */
export const exampleBureauMigrations: Migrations = {
  '0001-example-bureau': exampleBureauTables,
};
