import type { Migrations } from '@govgraph/kit';
import { applicationTables } from './0001-applications.js';
import { caseTables } from './0002-cases.js';
import { generatedFormTables } from './0003-generated-forms.js';

export const applicationMigrations: Migrations = {
  '0001-applications': applicationTables,
  '0002-cases': caseTables,
  '0003-generated-forms': generatedFormTables,
};
