import type { Migrations } from '@govgraph/kit';
import { catalogTables } from './0001-catalog.js';
import { definitionsDivisionsSearch } from './0002-definitions-divisions-search.js';

export function catalogMigrations(dialect: 'sqlite' | 'postgres'): Migrations {
  return {
    '0001-catalog': catalogTables,
    '0002-definitions-divisions-search': definitionsDivisionsSearch(dialect),
  };
}
