import type { Migrations } from '@govgraph/kit';
import { applicationTables } from './0001-applications.js';
import { caseTables } from './0002-cases.js';

export const applicationMigrations: Migrations = {
  '0001-applications': applicationTables,
  '0002-cases': caseTables,
};
