import type { Migrations } from '@govgraph/kit';
import { applicationTables } from './0001-applications.js';

export const applicationMigrations: Migrations = {
  '0001-applications': applicationTables,
};
