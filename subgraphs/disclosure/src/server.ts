import 'reflect-metadata';
import { createSubgraph, DATA_ACCESS_STREAM, type SubgraphService } from '@govgraph/kit';
import { createDisclosureLoaders, createDisclosureServices } from './context.js';
import type { DisclosureTables } from './database.js';
import { DEPARTMENT_NAME } from './department.js';
import { disclosureMigrations } from './migrations/index.js';
import { buildDisclosureSchema } from './schema.js';
import { seedDisclosure } from './seed/seed-disclosure.js';

export const disclosureService: SubgraphService<DisclosureTables> = {
  name: 'disclosure',
  department: DEPARTMENT_NAME,
  migrations: disclosureMigrations,
  // ZWSJ's 2017 exactly as its annual report has it, a few releases a year elsewhere, and recent
  // requests for the demo accounts (seed/).
  seed: seedDisclosure,
  seedVersion: 1,
  buildSchema: buildDisclosureSchema,
  // party: the department's own keys and the graph's trust list (the gateway's public key checks every
  // request); nonces: the signed requests already accepted, so none is accepted twice.
  async createServer(deps) {
    const { database, party, nonces, log, bus, clock } = deps;
    const { schema } = await buildDisclosureSchema();
    return createSubgraph({
      name: 'disclosure',
      schema,
      trust: party.trust,
      nonces,
      log,
      // Officers' reads of requests go to identity's data-access log (the kit lists disclosure among
      // the stream's publishers, events/stream-publishers.ts); a failed publish fails the read.
      services: createDisclosureServices(database.db, {
        reportAccess: async (event) => {
          await bus.publish(DATA_ACCESS_STREAM, event);
        },
        ...(clock ? { clock } : {}),
      }),
      createLoaders: createDisclosureLoaders,
      checkReady: database.ping,
    });
  },
};
