import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, type SubgraphService } from '@govgraph/kit';
import { createApplicationsLoaders, createApplicationsServices } from './context.js';
import type { ApplicationTables } from './database.js';
import { applicationMigrations } from './migrations/index.js';
import { buildApplicationsSchema } from './schema.js';

export const applicationsService: SubgraphService<ApplicationTables> = {
  name: 'applications',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: applicationMigrations,
  buildSchema: buildApplicationsSchema,
  async createServer({ database, secret, log }) {
    const { schema } = await buildApplicationsSchema();
    return createSubgraph({
      name: 'applications',
      schema,
      secret,
      log,
      services: createApplicationsServices(database.db),
      createLoaders: createApplicationsLoaders,
      checkReady: database.ping,
    });
  },
};
