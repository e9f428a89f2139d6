import type { Migrations } from '@govgraph/kit';
import { applicationTables } from './0001-applications.js';
import { caseTables } from './0002-cases.js';
import { generatedFormTables } from './0003-generated-forms.js';
import { caseTallyTables } from './0004-case-tallies.js';
import { supervisionTables } from './0005-supervision.js';

export const applicationMigrations: Migrations = {
  '0001-applications': applicationTables,
  '0002-cases': caseTables,
  '0003-generated-forms': generatedFormTables,
  '0004-case-tallies': caseTallyTables,
  '0005-supervision': supervisionTables,
};
