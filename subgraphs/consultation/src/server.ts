import 'reflect-metadata';
import { createSubgraph, DATA_ACCESS_STREAM, mayPublish, type SubgraphService } from '@govgraph/kit';
import { createConsultationLoaders, createConsultationServices } from './context.js';
import type { ConsultationTables } from './database.js';
import { DEPARTMENT_NAME } from './department.js';
import { consultationMigrations } from './migrations/index.js';
import { buildConsultationSchema } from './schema.js';
import { seedConsultation } from './seed/seed-consultation.js';

export const consultationService: SubgraphService<ConsultationTables> = {
  name: 'consultation',
  department: DEPARTMENT_NAME,
  migrations: consultationMigrations,
  // 2017's tallies and praise of the hall office (its annual report), recent consultations with
  // published FAQ pairs over the demo matters, the demo accounts' own (seed/).
  seed: seedConsultation,
  seedVersion: 1,
  buildSchema: buildConsultationSchema,
  // party: the department's own keys and the graph's trust list (the gateway's public key checks every
  // request); nonces: the signed requests already accepted, so none is accepted twice. The kit also
  // hands `bus` and `rateLimiter` to a department that reads them, and closes them when it stops.
  async createServer(deps) {
    const { database, party, nonces, log, clock } = deps;
    const { schema } = await buildConsultationSchema();
    // An officer's read of an applicant's consultation goes to the applicant's data-access log once
    // the kit lets consultation publish there; the bus is opened only then (read lazily).
    const publishAccess = mayPublish('consultation', DATA_ACCESS_STREAM) ? (event: unknown) => deps.bus.publish(DATA_ACCESS_STREAM, event) : null;
    return createSubgraph({
      name: 'consultation',
      schema,
      trust: party.trust,
      nonces,
      log,
      services: createConsultationServices(database.db, { publishAccess, ...(clock ? { clock } : {}) }),
      createLoaders: createConsultationLoaders,
      checkReady: database.ping,
    });
  },
};
