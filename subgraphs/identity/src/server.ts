import 'reflect-metadata';
import { createSubgraph, DEPARTMENTS, JWKS_PATH, sendJson, type SubgraphService } from '@govgraph/kit';
import { agentOffersPerDay } from './authorisation/agent-offer-throttle.js';
import { endedAuthorisationsRoute } from './authorisation/ended-authorisations-route.js';
import { refuseEndedAuthorisations } from './authorisation/refuse-ended-authorisations.js';
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
  async createServer({ database, party, nonces, log, bus, rateLimiter }) {
    const { schema } = await buildIdentitySchema();
    const offersPerDay = agentOffersPerDay();
    const services = createIdentityServices(database.db, {
      party,
      rateLimiter,
      bus,
      log,
      keyMaxAgeDays: Number(process.env.IDENTITY_KEY_MAX_AGE_DAYS ?? 30),
      agentOffersPerDay: offersPerDay,
    });
    // A token signing key before the first request (the kit closes the bus and limiter if this fails).
    await services.keys.current();
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
      // A token acting under an authorisation that ended gets nothing of the enterprise here.
      requestChecks: [refuseEndedAuthorisations()],
      signedRoutes: [endedAuthorisationsRoute(services.authorisations, services.clock)],
      routes: {
        // Public by nature: the gateway (and anyone) verifies tokens with these keys.
        [JWKS_PATH]: async (_req, res) => sendJson(res, 200, await services.keys.jwks(), { 'cache-control': 'public, max-age=60' }),
      },
    });
  },
};
export { SigningKeys } from './keys/signing-keys.js';
