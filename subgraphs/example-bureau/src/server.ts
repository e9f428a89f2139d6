import 'reflect-metadata';
import { createSubgraph, type SubgraphService } from '@govgraph/kit';
import { createExampleBureauLoaders, createExampleBureauServices } from './context.js';
import type { ExampleBureauTables } from './database.js';
import { DEPARTMENT_NAME } from './department.js';
import { exampleBureauMigrations } from './migrations/index.js';
import { buildExampleBureauSchema } from './schema.js';
import { seedExampleBureau } from './seed/seed-example-bureau.js';

export const exampleBureauService: SubgraphService<ExampleBureauTables> = {
  name: 'example-bureau',
  department: DEPARTMENT_NAME,
  migrations: exampleBureauMigrations,
  seed: seedExampleBureau,
  seedVersion: 1,
  buildSchema: buildExampleBureauSchema,
  // party: the department's own keys and the graph's trust list (the gateway's public key checks every
  // request); nonces: the signed requests already accepted, so none is accepted twice. The kit also
  // hands `bus` and `rateLimiter` to a department that reads them, and closes them when it stops.
  async createServer({ database, party, nonces, log }) {
    const { schema } = await buildExampleBureauSchema();
    return createSubgraph({
      name: 'example-bureau',
      schema,
      trust: party.trust,
      nonces,
      log,
      services: createExampleBureauServices(database.db),
      createLoaders: createExampleBureauLoaders,
      checkReady: database.ping,
    });
  },
};
