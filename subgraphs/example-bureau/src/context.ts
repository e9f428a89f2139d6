import type { Kysely } from 'kysely';
import { groupedLoader, keyedLoader, type SubgraphContext } from '@govgraph/kit';
import type { ExampleBureauTables } from './database.js';
import { RecordRepository } from './record/record.repository.js';

/** Long-lived: repositories (and later keys, clocks, the bus), shared by every request. */
export interface ExampleBureauServices {
  records: RecordRepository;
}

export function createExampleBureauServices(db: Kysely<ExampleBureauTables>): ExampleBureauServices {
  return { records: new RecordRepository(db) };
}

/** Fresh per request: one query per entity type per request, never N+1, never shared between callers. */
export function createExampleBureauLoaders(services: ExampleBureauServices) {
  return {
    recordById: keyedLoader(
      (ids: readonly string[]) => services.records.byIds(ids),
      (record) => record.id,
    ),
    recordsByApplicant: groupedLoader(
      (ids: readonly string[]) => services.records.ofApplicants(ids),
      (record) => record.applicantId,
    ),
  };
}

export type ExampleBureauLoaders = ReturnType<typeof createExampleBureauLoaders>;
export type ExampleBureauContext = SubgraphContext<ExampleBureauLoaders, ExampleBureauServices>;
