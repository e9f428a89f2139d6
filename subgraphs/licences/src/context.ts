import type { Kysely } from 'kysely';
import { cityDate, groupedLoader, keyedLoader, type SubgraphContext } from '@govgraph/kit';
import type { LicenceTables } from './database.js';
import { LicenceTypeRepository } from './licence-type/licence-type.repository.js';
import { LicenceRepository } from './licence/licence.repository.js';

export interface LicencesServices {
  licences: LicenceRepository;
  types: LicenceTypeRepository;
  clock: () => Date;
  /** Today's date in the city (UTC+8), YYYY-MM-DD: validity is counted in local days. */
  today: () => string;
}

export function createLicencesServices(db: Kysely<LicenceTables>, clock: () => Date = () => new Date()): LicencesServices {
  return {
    licences: new LicenceRepository(db),
    types: new LicenceTypeRepository(db),
    clock,
    today: () => cityDate(clock()),
  };
}

export function createLicencesLoaders(services: LicencesServices) {
  return {
    licenceById: keyedLoader((ids: readonly string[]) => services.licences.byIds(ids), (l) => l.id),
    licencesByHolder: groupedLoader((ids: readonly string[]) => services.licences.ofHolders(ids), (l) => l.holderId),
    typeByCode: keyedLoader((codes: readonly string[]) => services.types.byCodes(codes), (t) => t.code),
  };
}

export type LicencesLoaders = ReturnType<typeof createLicencesLoaders>;
export type LicencesContext = SubgraphContext<LicencesLoaders, LicencesServices>;
