import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { cityDate, groupedLoader, keyedLoader, type EventBus, type Logger, type PartyCredentials, type RateLimiter, type SubgraphContext, type TrustStore } from '@govgraph/kit';
import type { IdentityTables } from './database.js';
import { AccountRepository } from './account/account.repository.js';
import { LoginThrottle } from './account/login-throttle.js';
import { applicantLoader } from './applicant/applicant.loader.js';
import { AgentOfferThrottle } from './authorisation/agent-offer-throttle.js';
import { AuthorisationEndedEvents } from './authorisation/authorisation-ended-events.js';
import { AuthorisationRepository } from './authorisation/authorisation.repository.js';
import { DataAccessRepository, type DataAccessRecord } from './data-access/data-access.repository.js';
import { EnterpriseRepository } from './enterprise/enterprise.repository.js';
import { SigningKeys } from './keys/signing-keys.js';
import { PersonRepository } from './person/person.repository.js';

export interface IdentityServices {
  persons: PersonRepository;
  enterprises: EnterpriseRepository;
  accounts: AccountRepository;
  dataAccess: DataAccessRepository;
  keys: SigningKeys;
  loginThrottle: LoginThrottle;
  /** Agent authorisations: offers, acceptance, revocation, the ones that ended. */
  authorisations: AuthorisationRepository;
  /** Attempts to authorise an agent, per enterprise per day. */
  agentOffers: AgentOfferThrottle;
  /** Tells the gateways an authorisation ended (`authorisation-ended`). */
  authorisationEvents: AuthorisationEndedEvents;
  /** The trust list: applications' public key opens case grants. */
  trust: TrustStore;
  clock: () => Date;
  /** Today in the city, YYYY-MM-DD: authorisations are counted in local days. */
  today: () => string;
}

export interface IdentityServiceOptions {
  /** identity's own keys (its sealing secret seals the token keys) and the trust list. */
  party: PartyCredentials;
  rateLimiter: RateLimiter;
  /** Where identity announces ended authorisations. */
  bus: EventBus;
  /** Authorisation attempts an enterprise may make a day (IDENTITY_AGENT_OFFERS_PER_DAY). */
  agentOffersPerDay?: number;
  log: Logger;
  clock?: () => Date;
  /** Rotate the token signing key once it is this old; 0 never. */
  keyMaxAgeDays?: number;
}

export function createIdentityServices(db: Kysely<IdentityTables>, options: IdentityServiceOptions): IdentityServices {
  const clock = options.clock ?? (() => new Date());
  return {
    persons: new PersonRepository(db),
    enterprises: new EnterpriseRepository(db),
    accounts: new AccountRepository(db),
    dataAccess: new DataAccessRepository(db),
    keys: new SigningKeys(db, { sealingSecret: options.party.keys.sealingSecret, clock, log: options.log, maxAgeDays: options.keyMaxAgeDays ?? 30 }),
    loginThrottle: new LoginThrottle(options.rateLimiter),
    authorisations: new AuthorisationRepository(db),
    agentOffers: new AgentOfferThrottle(options.rateLimiter, options.agentOffersPerDay),
    authorisationEvents: new AuthorisationEndedEvents(options.bus, options.log),
    trust: options.party.trust,
    clock,
    today: () => cityDate(clock()),
  };
}

export function createIdentityLoaders(services: IdentityServices) {
  const personById = keyedLoader(
    (ids: readonly string[]) => services.persons.byIds(ids),
    (p) => p.id,
  );
  const enterpriseById = keyedLoader(
    (ids: readonly string[]) => services.enterprises.byIds(ids),
    (e) => e.id,
  );
  return {
    personById,
    enterpriseById,
    applicantById: applicantLoader(personById, enterpriseById),
    accountById: keyedLoader(
      (ids: readonly string[]) => services.accounts.byIds(ids),
      (a) => a.id,
    ),
    /** Officers' reads through case grants, written together (one insert per request, not per row). */
    recordAccess: new DataLoader<Omit<DataAccessRecord, 'id'>, true>(
      async (entries) => {
        await services.dataAccess.recordMany(entries);
        return entries.map(() => true as const);
      },
      { cache: false },
    ),
    enterpriseLinksByPerson: groupedLoader(
      (ids: readonly string[]) => services.enterprises.linksOfPersons(ids, services.today()),
      (link) => link.personId,
    ),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
export type IdentityContext = SubgraphContext<IdentityLoaders, IdentityServices>;
