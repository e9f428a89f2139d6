import type { Migrations } from '@govgraph/kit';
import { catalogTables } from './0001-catalog.js';
import { definitionsDivisionsSearch } from './0002-definitions-divisions-search.js';
import { departmentMatterCount } from './0003-department-matter-count.js';
import { materialDeclarations } from './0004-material-declarations.js';
import { searchBigramIndex } from './0005-search-bigrams.js';

export function catalogMigrations(dialect: 'sqlite' | 'postgres'): Migrations {
  return {
    '0001-catalog': catalogTables,
    '0002-definitions-divisions-search': definitionsDivisionsSearch(dialect),
    '0003-department-matter-count': departmentMatterCount,
    '0004-material-declarations': materialDeclarations,
    '0005-search-bigrams': searchBigramIndex,
  };
}
