import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { ActAsResolver } from './account/act-as.resolver.js';
import { LoginResolver } from './account/login.resolver.js';
import { applicantReference, enterpriseReference, personReference } from './applicant/applicant.reference.js';
import { ApplicantResolver } from './applicant/applicant.resolver.js';
import { AgentAuthorisationResolver } from './authorisation/agent-authorisation.resolver.js';
import { EnterpriseAgentOffersResolver, PersonAgentOffersResolver } from './authorisation/agent-offers.resolver.js';
import { EnterpriseAgentResolver } from './enterprise/enterprise-agent.resolver.js';
import { EnterpriseResolver } from './enterprise/enterprise.resolver.js';
import { Enterprise } from './enterprise/enterprise.type.js';
import { PersonResolver } from './person/person.resolver.js';
import { Person } from './person/person.type.js';

export function buildIdentitySchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      ApplicantResolver,
      PersonResolver,
      EnterpriseResolver,
      EnterpriseAgentResolver,
      AgentAuthorisationResolver,
      PersonAgentOffersResolver,
      EnterpriseAgentOffersResolver,
      LoginResolver,
      ActAsResolver,
    ],
    orphanedTypes: [Person, Enterprise],
    referenceResolvers: { Applicant: applicantReference, Person: personReference, Enterprise: enterpriseReference },
  });
}
