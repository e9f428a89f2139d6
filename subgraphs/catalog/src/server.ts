import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, type SubgraphService } from '@govgraph/kit';
import { announceCatalogChanged } from './announce-catalog-changed.js';
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
  // 3: every material declares what satisfies it (kind, licence types, document category; issue 22).
  seedVersion: 3,
  buildSchema: buildCatalogSchema,
  async createServer({ database, party, nonces, log, bus }) {
    const { schema } = await buildCatalogSchema();
    // A start may follow a migration or a reseed: gateways drop what they cached from the catalog.
    void announceCatalogChanged(bus, { reason: 'started' }, log);
    return createSubgraph({
      name: 'catalog',
      schema,
      trust: party.trust,
      nonces,
      log,
      services: createCatalogServices(database.db, database.dialect),
      createLoaders: createCatalogLoaders,
      checkReady: database.ping,
    });
  },
};
export { seedCatalog } from './seed/seed-catalog.js';
export { announceCatalogChanged } from './announce-catalog-changed.js';
