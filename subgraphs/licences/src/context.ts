import type { Kysely } from 'kysely';
import { cityDate, groupedLoader, keyedLoader, type EventBus, type PartyCredentials, type RateLimiter, type SubgraphContext, type TrustStore } from '@govgraph/kit';
import { CaseDecisions } from './case/case-decisions.js';
import type { LicenceTables } from './database.js';
import { LicenceTypeRepository } from './licence-type/licence-type.repository.js';
import { LicenceWriter } from './licence/licence-writer.js';
import { LicenceRepository } from './licence/licence.repository.js';
import { IssuerKeys } from './signing/issuer-keys.js';

export interface LicencesServices {
  licences: LicenceRepository;
  types: LicenceTypeRepository;
  writer: LicenceWriter;
  keys: IssuerKeys;
  rateLimiter: RateLimiter;
  /** Reports officers' reads to identity's data-access log, and status changes to the case system. */
  bus: EventBus;
  cases: CaseDecisions;
  /** The trust list: applications' public key opens case grants. */
  trust: TrustStore;
  clock: () => Date;
  /** Today in the city (UTC+8), YYYY-MM-DD: validity is counted in local days. */
  today: () => string;
}

export function createLicencesServices(
  db: Kysely<LicenceTables>,
  options: { party: PartyCredentials; rateLimiter: RateLimiter; bus: EventBus; clock?: () => Date },
): LicencesServices {
  const clock = options.clock ?? (() => new Date());
  return {
    licences: new LicenceRepository(db),
    types: new LicenceTypeRepository(db),
    writer: new LicenceWriter(db),
    keys: new IssuerKeys(db, options.party.keys.sealingSecret, clock),
    rateLimiter: options.rateLimiter,
    bus: options.bus,
    cases: new CaseDecisions(db),
    trust: options.party.trust,
    clock,
    today: () => cityDate(clock()),
  };
}

export function createLicencesLoaders(services: LicencesServices) {
  return {
    licenceById: keyedLoader(
      (ids: readonly string[]) => services.licences.byIds(ids),
      (l) => l.id,
    ),
    licencesByHolder: groupedLoader(
      (ids: readonly string[]) => services.licences.ofHolders(ids),
      (l) => l.holderId,
    ),
    typeByCode: keyedLoader(
      (codes: readonly string[]) => services.types.byCodes(codes),
      (t) => t.code,
    ),
    historyByLicence: groupedLoader(
      (ids: readonly string[]) => services.licences.historyOf(ids),
      (e) => e.licenceId,
    ),
  };
}

export type LicencesLoaders = ReturnType<typeof createLicencesLoaders>;
export type LicencesContext = SubgraphContext<LicencesLoaders, LicencesServices>;
