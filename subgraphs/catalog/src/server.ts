import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, type SubgraphService } from '@govgraph/kit';
import { createCatalogLoaders, createCatalogServices } from './context.js';
import type { CatalogTables } from './database.js';
import { catalogMigrations } from './migrations/index.js';
import { buildCatalogSchema } from './schema.js';
import { seedCatalog } from './seed/seed-catalog.js';

export { DEMO_MATTERS, DRIVING_LICENCE_RENEWAL, VEHICLE_INSPECTION_MARK } from '@govgraph/kit';

export const catalogService: SubgraphService<CatalogTables> = {
  name: 'catalog',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: catalogMigrations,
  seed: (trx) => seedCatalog(trx),
  // 2: the catalog at the hall's scale, with definitions, districts and search (issue 4).
  seedVersion: 2,
  buildSchema: buildCatalogSchema,
  async createServer({ database, secret, log }) {
    const { schema } = await buildCatalogSchema();
    return createSubgraph({
      name: 'catalog',
      schema,
      secret,
      log,
      services: createCatalogServices(database.db, database.dialect),
      createLoaders: createCatalogLoaders,
      checkReady: database.ping,
    });
  },
};
export { seedCatalog } from './seed/seed-catalog.js';
