import type { Migrations } from '@govgraph/kit';
import { catalogTables } from './0001-catalog.js';

export const catalogMigrations: Migrations = {
  '0001-catalog': catalogTables,
};
