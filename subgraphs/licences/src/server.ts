import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, type SubgraphService } from '@govgraph/kit';
import { createLicencesLoaders, createLicencesServices } from './context.js';
import type { LicenceTables } from './database.js';
import { licenceMigrations } from './migrations/index.js';
import { buildLicencesSchema } from './schema.js';
import { seedLicences } from './seed/seed-licences.js';
import { IssuerKeys } from './signing/issuer-keys.js';

export { DEMO_LICENCES } from './seed/demo-licences.js';
export { LICENCE_TYPES } from './seed/licence-types.js';
export { signedContent } from './signing/licence-content.js';

export const licencesService: SubgraphService<LicenceTables> = {
  name: 'licences',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: licenceMigrations,
  // The seed signs every licence with its issuer's key, so it writes keys through the same transaction.
  seed: (trx, { sealingSecret }) => seedLicences(trx, new IssuerKeys(trx, sealingSecret, () => new Date())),
  // 2: forty types, signed licences for the whole demo city (issue 5).
  seedVersion: 2,
  buildSchema: buildLicencesSchema,
  async createServer({ database, party, nonces, log, bus, rateLimiter }) {
    const { schema } = await buildLicencesSchema();
    const services = createLicencesServices(database.db, { party, rateLimiter, bus });
    services.cases.consume(bus);
    return createSubgraph({
      name: 'licences',
      schema,
      trust: party.trust,
      nonces,
      log,
      services,
      createLoaders: createLicencesLoaders,
      checkReady: database.ping,
    });
  },
};
