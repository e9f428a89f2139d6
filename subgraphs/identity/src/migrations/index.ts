import type { Migrations } from '@govgraph/kit';
import { identityTables } from './0001-identity.js';
import { dataAccessLog } from './0002-data-access.js';
import { agentAuthorisations } from './0003-agent-authorisations.js';

export const identityMigrations: Migrations = {
  '0001-identity': identityTables,
  '0002-data-access': dataAccessLog,
  '0003-agent-authorisations': agentAuthorisations,
};
