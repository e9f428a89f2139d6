import type { Migrations } from '@govgraph/kit';
import { identityTables } from './0001-identity.js';

export const identityMigrations: Migrations = {
  '0001-identity': identityTables,
};
