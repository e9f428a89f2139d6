import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, JWKS_PATH, sendJson, type SubgraphService } from '@govgraph/kit';
import { createIdentityLoaders, createIdentityServices } from './context.js';
import type { IdentityTables } from './database.js';
import { identityMigrations } from './migrations/index.js';
import { buildIdentitySchema } from './schema.js';
import { seedIdentity } from './seed/seed-identity.js';

export { DEMO_PASSWORD, DEMO_PERSONS, DEMO_ENTERPRISES } from './seed/demo-people.js';

export const identityService: SubgraphService<IdentityTables> = {
  name: 'identity',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: identityMigrations,
  seed: seedIdentity,
  buildSchema: buildIdentitySchema,
  async createServer({ database, secret, log }) {
    const { schema } = await buildIdentitySchema();
    const services = createIdentityServices(database.db);
    await services.keys.current();
    return createSubgraph({
      name: 'identity',
      schema,
      secret,
      log,
      services,
      createLoaders: createIdentityLoaders,
      checkReady: database.ping,
      routes: {
        // Public by nature: the gateway (and anyone) verifies tokens with these keys.
        [JWKS_PATH]: async (_req, res) => sendJson(res, 200, await services.keys.jwks(), { 'cache-control': 'public, max-age=300' }),
      },
    });
  },
};
