import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, type SubgraphService } from '@govgraph/kit';
import { createLicencesLoaders, createLicencesServices } from './context.js';
import type { LicenceTables } from './database.js';
import { licenceMigrations } from './migrations/index.js';
import { buildLicencesSchema } from './schema.js';
import { seedLicences } from './seed/seed-licences.js';

export { DEMO_LICENCES, DEMO_LICENCE_TYPES } from './seed/demo-licences.js';

export const licencesService: SubgraphService<LicenceTables> = {
  name: 'licences',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: licenceMigrations,
  seed: seedLicences,
  buildSchema: buildLicencesSchema,
  async createServer({ database, secret, log }) {
    const { schema } = await buildLicencesSchema();
    return createSubgraph({
      name: 'licences',
      schema,
      secret,
      log,
      services: createLicencesServices(database.db),
      createLoaders: createLicencesLoaders,
      checkReady: database.ping,
    });
  },
};
