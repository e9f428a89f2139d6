import type { Migrations } from '@govgraph/kit';
import { licenceTables } from './0001-licences.js';
import { signaturesAndEvents } from './0002-signatures-and-events.js';

export const licenceMigrations: Migrations = {
  '0001-licences': licenceTables,
  '0002-signatures-and-events': signaturesAndEvents,
};
