import type { Migrations } from '@govgraph/kit';
import { consultationTables } from './0001-consultation.js';

/** Applied in key order, each once; add a file and a line for every change, never edit an applied one. */
export const consultationMigrations: Migrations = {
  '0001-consultation': consultationTables,
};
