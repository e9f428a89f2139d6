import 'reflect-metadata';
import { createEventBus, createRateLimiter, createSubgraph, DEPARTMENTS, JWKS_PATH, sendJson, type SubgraphService } from '@govgraph/kit';
import { consumeDataAccessEvents } from './data-access/data-access-events.js';
import { createIdentityLoaders, createIdentityServices } from './context.js';
import type { IdentityTables } from './database.js';
import { identityMigrations } from './migrations/index.js';
import { buildIdentitySchema } from './schema.js';
import { seedIdentity } from './seed/seed-identity.js';

export { DEMO_AGENTS, DEMO_PASSWORD, DEMO_PERSONS, DEMO_ENTERPRISES } from './seed/demo-people.js';

export const identityService: SubgraphService<IdentityTables> = {
  name: 'identity',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: identityMigrations,
  seed: (trx) => seedIdentity(trx),
  buildSchema: buildIdentitySchema,
  async createServer({ database, party, nonces, log, redisUrl, redisPrefix, dataDir }) {
    const { schema } = await buildIdentitySchema();
    const rateLimiter = createRateLimiter({ redisUrl, prefix: `${redisPrefix}identity:`, log });
    const services = createIdentityServices(database.db, {
      party,
      rateLimiter,
      log,
      keyMaxAgeDays: Number(process.env.IDENTITY_KEY_MAX_AGE_DAYS ?? 30),
    });
    await services.keys.current();
    const bus = createEventBus({ redisUrl, redisPrefix, dataDir, log, party });
    consumeDataAccessEvents(bus, log, services);
    return createSubgraph({
      name: 'identity',
      schema,
      trust: party.trust,
      nonces,
      log,
      services,
      createLoaders: createIdentityLoaders,
      checkReady: database.ping,
      onClose: async () => {
        await bus.close();
        await rateLimiter.close();
      },
      routes: {
        // Public by nature: the gateway (and anyone) verifies tokens with these keys.
        [JWKS_PATH]: async (_req, res) => sendJson(res, 200, await services.keys.jwks(), { 'cache-control': 'public, max-age=60' }),
      },
    });
  },
};
export { SigningKeys } from './keys/signing-keys.js';
