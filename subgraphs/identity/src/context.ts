import type { Kysely } from 'kysely';
import { keyedLoader, groupedLoader, type SubgraphContext } from '@govgraph/kit';
import type { IdentityTables } from './database.js';
import { AccountRepository } from './account/account.repository.js';
import { applicantLoader } from './applicant/applicant.loader.js';
import { EnterpriseRepository } from './enterprise/enterprise.repository.js';
import { SigningKeys } from './keys/signing-keys.js';
import { PersonRepository } from './person/person.repository.js';

export interface IdentityServices {
  persons: PersonRepository;
  enterprises: EnterpriseRepository;
  accounts: AccountRepository;
  keys: SigningKeys;
  clock: () => Date;
}

export function createIdentityServices(db: Kysely<IdentityTables>, clock: () => Date = () => new Date()): IdentityServices {
  return {
    persons: new PersonRepository(db),
    enterprises: new EnterpriseRepository(db),
    accounts: new AccountRepository(db),
    keys: new SigningKeys(db, clock),
    clock,
  };
}

export function createIdentityLoaders(services: IdentityServices) {
  const personById = keyedLoader((ids: readonly string[]) => services.persons.byIds(ids), (p) => p.id);
  const enterpriseById = keyedLoader((ids: readonly string[]) => services.enterprises.byIds(ids), (e) => e.id);
  return {
    personById,
    enterpriseById,
    applicantById: applicantLoader(personById, enterpriseById),
    enterpriseLinksByPerson: groupedLoader(
      (ids: readonly string[]) => services.enterprises.linksOfPersons(ids, services.clock().toISOString().slice(0, 10)),
      (link) => link.personId,
    ),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
export type IdentityContext = SubgraphContext<IdentityLoaders, IdentityServices>;
