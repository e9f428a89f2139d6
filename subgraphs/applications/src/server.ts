import 'reflect-metadata';
import { createSubgraph, DATA_ACCESS_STREAM, DEPARTMENTS, type SubgraphService } from '@govgraph/kit';
import { createApplicationsLoaders, createApplicationsServices } from './context.js';
import type { ApplicationTables } from './database.js';
import { createDocumentRoutes } from './document/document-routes.js';
import { consumeLicenceEvents } from './events/consume-licence-events.js';
import { applicationMigrations } from './migrations/index.js';
import { buildApplicationsSchema } from './schema.js';
import { seedApplications } from './seed/seed-applications.js';
import { deadlineScanSettings, startDeadlineScanner } from './supervision/deadline-scanner.js';

export const applicationsService: SubgraphService<ApplicationTables> = {
  name: 'applications',
  department: DEPARTMENTS.dataAdministration.name,
  migrations: applicationMigrations,
  // Simulated years at the hall's shares (2025, or APPLICATIONS_SEED_YEARS ending with it, and
  // 2017 for the annual report), the demo accounts' cases and open queues (seed/).
  seed: seedApplications,
  // 2: 2017 simulated as well, the year of the disclosure annual report (issue 23).
  seedVersion: 2,
  buildSchema: buildApplicationsSchema,
  async createServer({ database, party, nonces, log, bus, dataDir, clock }) {
    const { schema } = await buildApplicationsSchema();
    const services = createApplicationsServices(database.db, { keys: party.keys, bus, log, dataDir, ...(clock ? { clock } : {}) });
    consumeLicenceEvents(bus, services);
    // Electronic supervision: deadlines scanned every SUPERVISION_SCAN_MS (0 = off) until the service closes.
    const scanner = startDeadlineScanner({ db: database.db, bus, log: log.child({ component: 'supervision' }), clock: services.clock, ...deadlineScanSettings() });
    return createSubgraph({
      name: 'applications',
      schema,
      trust: party.trust,
      nonces,
      log,
      services,
      createLoaders: createApplicationsLoaders,
      checkReady: database.ping,
      // POST /documents (streamed upload) and GET /documents/<id>, signed by the gateway.
      signedRoutes: createDocumentRoutes({
        db: database.db,
        dataDir,
        log,
        ...(clock ? { clock } : {}),
        publishAccess: (event) => bus.publish(DATA_ACCESS_STREAM, event),
      }),
      onClose: () => scanner.stop(),
    });
  },
};
