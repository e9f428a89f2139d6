import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { LoginResolver } from './account/login.resolver.js';
import { applicantReference } from './applicant/applicant.reference.js';
import { ApplicantResolver } from './applicant/applicant.resolver.js';
import { EnterpriseResolver } from './enterprise/enterprise.resolver.js';
import { Enterprise } from './enterprise/enterprise.type.js';
import { PersonResolver } from './person/person.resolver.js';
import { Person } from './person/person.type.js';
import type { IdentityContext } from './context.js';

export function buildIdentitySchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [ApplicantResolver, PersonResolver, EnterpriseResolver, LoginResolver],
    orphanedTypes: [Person, Enterprise],
    referenceResolvers: {
      Applicant: applicantReference,
      Person: { __resolveReference: (ref: { id: string }, ctx: IdentityContext) => ctx.loaders.personById.load(ref.id) },
      Enterprise: { __resolveReference: (ref: { id: string }, ctx: IdentityContext) => ctx.loaders.enterpriseById.load(ref.id) },
    },
  });
}
