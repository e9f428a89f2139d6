import type { Migrations } from '@govgraph/kit';
import { licenceTables } from './0001-licences.js';

export const licenceMigrations: Migrations = {
  '0001-licences': licenceTables,
};
