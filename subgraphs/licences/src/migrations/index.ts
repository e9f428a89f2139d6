import type { Migrations } from '@govgraph/kit';
import { licenceTables } from './0001-licences.js';
import { signaturesAndEvents } from './0002-signatures-and-events.js';
import { caseDecisions } from './0003-case-decisions.js';

export const licenceMigrations: Migrations = {
  '0001-licences': licenceTables,
  '0002-signatures-and-events': signaturesAndEvents,
  '0003-case-decisions': caseDecisions,
};
