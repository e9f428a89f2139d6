import type { Kysely } from 'kysely';
import { groupedLoader, keyedLoader, type SubgraphContext } from '@govgraph/kit';
import type { ApplicationTables } from './database.js';
import { DocumentRepository } from './document/document.repository.js';

export interface ApplicationsServices {
  documents: DocumentRepository;
  clock: () => Date;
}

export function createApplicationsServices(db: Kysely<ApplicationTables>, clock: () => Date = () => new Date()): ApplicationsServices {
  return { documents: new DocumentRepository(db), clock };
}

export function createApplicationsLoaders(services: ApplicationsServices) {
  return {
    documentById: keyedLoader((ids: readonly string[]) => services.documents.byIds(ids), (d) => d.id),
    documentsByOwner: groupedLoader((ids: readonly string[]) => services.documents.ofOwners(ids), (d) => d.ownerId),
  };
}

export type ApplicationsLoaders = ReturnType<typeof createApplicationsLoaders>;
export type ApplicationsContext = SubgraphContext<ApplicationsLoaders, ApplicationsServices>;
