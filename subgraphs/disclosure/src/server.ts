import 'reflect-metadata';
import { createSubgraph, DATA_ACCESS_STREAM, mayPublish, type DataAccessEvent, type Logger, type ServiceDeps, type SubgraphService } from '@govgraph/kit';
import { createDisclosureLoaders, createDisclosureServices } from './context.js';
import type { DisclosureTables } from './database.js';
import { DEPARTMENT_NAME } from './department.js';
import { disclosureMigrations } from './migrations/index.js';
import { buildDisclosureSchema } from './schema.js';
import { seedDisclosure } from './seed/seed-disclosure.js';

/**
 * Officers' reads of requests go to identity's data-access log on the `data-access` stream, once
 * the kit lets disclosure publish there (events/stream-publishers.ts, events/payload-scope.ts);
 * until then each read is logged here, so none goes unrecorded.
 */
function accessReporter(deps: ServiceDeps<DisclosureTables>, log: Logger): (event: DataAccessEvent) => Promise<void> {
  if (mayPublish('disclosure', DATA_ACCESS_STREAM)) {
    const bus = deps.bus;
    return async (event) => {
      await bus.publish(DATA_ACCESS_STREAM, event);
    };
  }
  return async (event) => {
    log.warn(
      { applicantId: event.applicantId, accessor: event.accessorAccountId, purpose: event.purpose, fields: event.fields },
      'officer read (disclosure may not publish on data-access)',
    );
  };
}

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
    const { database, party, nonces, log, clock } = deps;
    const { schema } = await buildDisclosureSchema();
    return createSubgraph({
      name: 'disclosure',
      schema,
      trust: party.trust,
      nonces,
      log,
      services: createDisclosureServices(database.db, { reportAccess: accessReporter(deps, log), ...(clock ? { clock } : {}) }),
      createLoaders: createDisclosureLoaders,
      checkReady: database.ping,
    });
  },
};
